// The deal card (issue 17): a manager opens a deal from the deals list and sees its stage timeline,
// its patterns and the link to its card in the CRM; a colleague's deal is "not found", on the page
// and in the API; the card fits a phone; the list's "no touch for 14 days" toggle lists what the API does.
import { expect, test } from "@playwright/test";
import { formatPlural } from "../lib/format";
import { dashboardMessages } from "../lib/i18n/dashboard-messages";
import { dealCardMessages } from "../lib/i18n/deal-card-messages";
import { apiJson, logins, signInAndWait } from "./fixtures";

type Card = {
  deal: { id: string; title: string; crmUrl: string | null; sourceKind: string; externalId: string };
  timeline: { stageName: string; days: number | null }[];
  activitiesTotal: number;
  patterns: { touches: number } | null;
};
type DealsPage = { deals: { id: string; title: string; managerId: string | null; crmUrl: string | null }[]; total: number };

const t = dealCardMessages.ru;
const list = dashboardMessages.ru.deals;

test("a manager opens a deal from the list and sees its timeline, patterns and CRM link", async ({ page }) => {
  await signInAndWait(page, logins.manager1);
  // the most touched deals first: the top one has activities to show
  await page.goto("/deals?sort=touches&order=desc");
  const firstRow = page.getByTestId("deal-row").first();
  await expect(firstRow).toBeVisible();
  const dealId = (await firstRow.getAttribute("data-deal-id"))!;
  const card = await apiJson<Card>(page, `/api/deals/${dealId}`);
  expect(card.deal.crmUrl).not.toBeNull();
  // the row carries the same CRM link as the card
  await expect(firstRow.getByTestId("deal-row-crm-link")).toHaveAttribute("href", card.deal.crmUrl!);

  await firstRow.getByTestId("deal-title").click();
  await expect(page).toHaveURL(new RegExp(`/deals/${dealId}$`));
  await expect(page.getByTestId("deal-card-title")).toHaveText(card.deal.title);
  // Bitrix24 …/crm/deal/details/<id>/ or amoCRM …/leads/detail/<id>, on the demo's portal/account
  const expectedPath = card.deal.sourceKind === "bitrix24" ? `/crm/deal/details/${card.deal.externalId}/` : `/leads/detail/${card.deal.externalId}`;
  expect(card.deal.crmUrl!.endsWith(expectedPath)).toBe(true);
  const crmLink = page.getByTestId("deal-crm-link");
  await expect(crmLink).toHaveText(`${t.openInCrm} ↗`);
  await expect(crmLink).toHaveAttribute("href", card.deal.crmUrl!);
  await expect(crmLink).toHaveAttribute("target", "_blank");

  // the timeline: one entry per stage entered, with its days as the API counts them
  const entries = page.getByTestId("timeline-entry");
  await expect(entries).toHaveCount(card.timeline.length);
  expect(card.timeline.length).toBeGreaterThan(0);
  const first = card.timeline[0];
  await expect(entries.first()).toHaveAttribute("data-stage", first.stageName);
  await expect(entries.first().getByTestId("timeline-days")).toHaveText(first.days === null ? t.ended : formatPlural(first.days, t.days, "ru"));

  // patterns and activities
  expect(card.patterns).not.toBeNull();
  await expect(page.getByTestId("pattern-touches")).toContainText(String(card.patterns!.touches));
  await expect(page.getByTestId("deal-activity")).toHaveCount(Math.min(card.activitiesTotal, 200));
});

test("a colleague's deal is not found for a manager, on the page and in the API", async ({ page, browser }) => {
  const admin = await browser.newPage();
  await signInAndWait(admin, logins.admin);
  const all = await apiJson<DealsPage>(admin, "/api/deals?limit=200");
  await admin.close();

  await signInAndWait(page, logins.manager1);
  const own = await apiJson<DealsPage>(page, "/api/deals?limit=500");
  const ownIds = new Set(own.deals.map((deal) => deal.id));
  const ownManagers = new Set(own.deals.map((deal) => deal.managerId));
  const colleagues = all.deals.find((deal) => !ownIds.has(deal.id) && !ownManagers.has(deal.managerId));
  expect(colleagues).toBeDefined();

  const response = await page.request.get(`/api/deals/${colleagues!.id}`);
  expect(response.status()).toBe(404);
  expect(await response.json()).toEqual({ error: { code: "deal_not_found", message: "Deal not found" } });
  expect((await page.request.get("/api/deals/not-a-deal")).status()).toBe(400);

  await page.goto(`/deals/${colleagues!.id}`);
  await expect(page.getByTestId("deal-not-found")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.notFoundTitle);
  await expect(page.getByText(colleagues!.title, { exact: true })).toHaveCount(0);
});

test("the card fits a 390 px phone", async ({ page }) => {
  await signInAndWait(page, logins.manager1);
  // signed in at desktop size (on a phone the viewer's name hides in the closed menu), then a phone
  await page.setViewportSize({ width: 390, height: 844 });
  const own = await apiJson<DealsPage>(page, "/api/deals?sort=touches&order=desc&limit=1");
  await page.goto(`/deals/${own.deals[0].id}`);
  await expect(page.getByTestId("deal-timeline")).toBeVisible();
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
});

test("the list's «no touch for 14 days» toggle lists the open deals the API finds", async ({ page }) => {
  await signInAndWait(page, logins.manager1);
  await page.goto("/deals");
  await page.getByTestId("deals-no-touch").click();
  await expect(page).toHaveURL(/noTouchDays=14/);
  const forgotten = await apiJson<DealsPage>(page, "/api/deals?noTouchDays=14&limit=500");
  await expect(page.getByTestId("deals-total")).toContainText(formatPlural(forgotten.total, list.count, "ru"));
  await expect(page.getByTestId("deals-bucket")).toContainText(list.noTouchFilter.replace("{n}", "14"));
  for (const semantic of await page.getByTestId("deal-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-semantic")))) expect(semantic).toBe("open");
});

test("a director sees the medians of the won deals' patterns on the Managers dashboard, as the API counts them", async ({ page }) => {
  type Medians = { medianTouchesPerWonDeal: number | null; medianDaysToClose: number | null; dealsWon: number };
  await signInAndWait(page, logins.director);
  await page.goto("/managers");
  const report = await apiJson<{ totals: Medians }>(page, "/api/reports/manager-activity");
  // the demo's department won deals in the last 12 months, so both medians have a value
  expect(report.totals.dealsWon).toBeGreaterThan(0);
  const oneDecimal = (value: number | null) => (value === null ? "—" : new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 }).format(value));
  const totals = page.getByTestId("managers-totals");
  await expect(totals.getByTestId("medianTouchesPerWonDeal")).toHaveText(oneDecimal(report.totals.medianTouchesPerWonDeal));
  await expect(totals.getByTestId("medianDaysToClose")).toHaveText(oneDecimal(report.totals.medianDaysToClose));
  expect(report.totals.medianDaysToClose).not.toBeNull();
  await expect(page.getByTestId("managers-table").getByRole("columnheader", { name: dashboardMessages.ru.managers.medianDaysToClose })).toBeVisible();
});
