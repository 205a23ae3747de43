// Every signed-in page, per role: the one list the page-walking specs (phone layout, accessibility,
// untranslated text) visit, so a new page is walked by all of them once it is added here.
import type { Page } from "@playwright/test";
import { logins } from "./fixtures";

export type WalkRole = "admin" | "director" | "manager";

/** Pages every role may open (dashboards, the deals and leads lists, personal tokens and views). */
const everyone = ["/", "/sales", "/funnel", "/managers", "/leads", "/traffic", "/forecast", "/conversations", "/deals", "/leads/list", "/settings/tokens", "/settings/views"];
/** Pages only an admin may open. */
const adminOnly = [
  "/customers",
  "/admin",
  "/admin/users",
  "/admin/sources",
  "/admin/webhooks",
  "/admin/traffic-teams",
  "/admin/ad-spend",
  "/admin/rates",
  "/admin/notifications",
  "/admin/ai",
  "/admin/organisation",
  "/admin/audit",
  "/admin/models",
  "/admin/screens",
];

/** Pages of admins and directors: scheduled reports. */
const managing = ["/schedules"];

export const pagesByRole: Record<WalkRole, string[]> = {
  admin: [...everyone, ...adminOnly, ...managing],
  director: [...everyone, ...managing],
  manager: everyone,
};

export const loginOf: Record<WalkRole, string> = { admin: logins.admin, director: logins.director, manager: logins.manager1 };

/** Waits until a page's data has arrived: no loading placeholder or busy region is left. */
export async function waitForPageData(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout: 15_000 });
}
