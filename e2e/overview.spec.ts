// Each demo role signs in and sees the Overview numbers of their own scope: the same figures the
// JSON API gives that viewer, and different figures for different scopes.
import { expect, test, type Page } from "@playwright/test";
import { formatMoney, formatNumber } from "../lib/format";
import { logins, signInAndWait } from "./fixtures";

type Summary = {
  currency: string;
  thisMonth: { revenue: string; wonDeals: number; newLeads: number };
  lastMonth: { revenue: string; wonDeals: number; newLeads: number };
  openDeals: { count: number; amount: string };
};

const roles = [
  { login: logins.admin, role: "Администратор" },
  { login: logins.director, role: "Руководитель отдела" },
  { login: logins.manager1, role: "Менеджер" },
  { login: logins.manager2, role: "Менеджер" },
];

async function cardValue(page: Page, id: string) {
  return (await page.getByTestId(`${id}-value`).textContent())?.trim();
}

async function overviewOf(page: Page) {
  const response = await page.request.get("/api/overview");
  expect(response.status()).toBe(200);
  return (await response.json()) as Summary;
}

for (const { login, role } of roles) {
  test(`${login} sees the Overview of their own scope`, async ({ page }) => {
    await signInAndWait(page, login);
    await expect(page.getByTestId("viewer-role")).toContainText(role);
    const summary = await overviewOf(page);
    const money = (value: string) => formatMoney(value, summary.currency, "ru");
    expect(await cardValue(page, "revenue-this-month")).toBe(money(summary.thisMonth.revenue));
    expect(await cardValue(page, "revenue-last-month")).toBe(money(summary.lastMonth.revenue));
    expect(await cardValue(page, "won-this-month")).toBe(formatNumber(summary.thisMonth.wonDeals, "ru"));
    expect(await cardValue(page, "won-last-month")).toBe(formatNumber(summary.lastMonth.wonDeals, "ru"));
    expect(await cardValue(page, "open-deals")).toBe(formatNumber(summary.openDeals.count, "ru"));
    expect(await cardValue(page, "new-leads")).toBe(formatNumber(summary.thisMonth.newLeads, "ru"));
    // The demo organisation's base currency is the tenge.
    expect(await cardValue(page, "revenue-last-month")).toContain("₸");
    // The demo data has history in every scope: something was won last month.
    expect(summary.lastMonth.wonDeals).toBeGreaterThan(0);
  });
}

test("scopes nest: the company sees more than the department, the department more than one manager", async ({ browser }) => {
  const summaries: Record<string, Summary> = {};
  for (const login of [logins.admin, logins.director, logins.manager1, logins.manager2]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAndWait(page, login);
    summaries[login] = await overviewOf(page);
    await context.close();
  }
  const { [logins.admin]: admin, [logins.director]: director, [logins.manager1]: manager1, [logins.manager2]: manager2 } = summaries;
  expect(admin.lastMonth.wonDeals).toBeGreaterThan(director.lastMonth.wonDeals);
  // manager1 and manager2 both work in the director's department (Продажи Алматы).
  expect(director.lastMonth.wonDeals).toBeGreaterThanOrEqual(manager1.lastMonth.wonDeals + manager2.lastMonth.wonDeals);
  expect(Number(admin.lastMonth.revenue)).toBeGreaterThan(Number(director.lastMonth.revenue));
  expect(admin.openDeals.count).toBeGreaterThan(manager1.openDeals.count);
  expect(manager1).not.toEqual(manager2);
});

test("only admins see the Admin section", async ({ browser }) => {
  // One browser context per person (sign-out itself is covered by sign-in.spec.ts).
  for (const [login, linkCount] of [[logins.manager1, 0], [logins.admin, 1]] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAndWait(page, login);
    await expect(page.getByRole("link", { name: "Администрирование" })).toHaveCount(linkCount);
    await context.close();
  }
});

test("the language switch turns the interface to English", async ({ page }) => {
  await signInAndWait(page, logins.director);
  await expect(page.getByRole("heading", { name: "Обзор" })).toBeVisible();
  await page.getByRole("button", { name: "EN" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("viewer-role")).toContainText("Director");
  await page.getByRole("button", { name: "RU" }).click();
  await expect(page.getByRole("heading", { name: "Обзор" })).toBeVisible();
});
