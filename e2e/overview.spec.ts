// The Overview: each role's KPI cards show the `overview` report of their scope with the previous
// period and the change; and every role opens every dashboard, changes the period and a filter, and
// sees the chart and the figures change.
import { expect, test, type Page } from "@playwright/test";
import { compactMoney } from "../components/charts/chart-format";
import { describeChange } from "../components/dashboard/kpi-change";
import { formatMoney, formatNumber, formatRate } from "../lib/format";
import { dashboardMessages } from "../lib/i18n/dashboard-messages";
import { apiJson, logins, signInAndWait } from "./fixtures";
import { waitForPageData } from "./page-walk";

type Value = string | number | null;
type OverviewReport = {
  currency: string;
  rows: { kpi: string; value: Value; previousValue: Value; change: number | null; changeKind: "relative" | "points" }[];
  sparkline: { month: string; revenue: string }[];
};

const t = dashboardMessages.ru;
const roles = [
  { login: logins.admin, role: "Администратор" },
  { login: logins.director, role: "Руководитель отдела" },
  { login: logins.manager1, role: "Менеджер" },
] as const;

/** A KPI as the card writes it (the sales cycle: days with one decimal and their plural word). */
function shown(kpi: string, value: Value, currency: string): string | RegExp {
  if (value === null) return "—";
  if (kpi === "revenue" || kpi === "averageDeal") return formatMoney(value, currency, "ru");
  if (kpi === "winRate" || kpi === "leadConversion") return formatRate(Number(value), "ru");
  if (kpi === "averageSalesCycleDays") return new RegExp(`^${new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 }).format(Number(value))} (день|дня|дней)$`);
  return formatNumber(Number(value), "ru");
}

async function expectKpisShow(page: Page, report: OverviewReport) {
  expect(report.rows.map((row) => row.kpi)).toEqual(["revenue", "wonDeals", "winRate", "averageDeal", "averageSalesCycleDays", "newLeads", "leadConversion"]);
  for (const row of report.rows) {
    const card = page.getByTestId(`kpi-${row.kpi}`);
    await expect(card.getByTestId("kpi-value")).toHaveText(shown(row.kpi, row.value, report.currency));
    if (row.previousValue === null) {
      await expect(card.getByTestId("kpi-previous")).toHaveText(t.overview.noData);
      await expect(card.getByTestId("kpi-change")).toHaveText(t.overview.noData);
    } else {
      await expect(card.getByTestId("kpi-previous")).toHaveText(shown(row.kpi, row.previousValue, report.currency));
      const change = describeChange(row.change, row.changeKind, "ru", row.kpi === "averageSalesCycleDays");
      await expect(card.getByTestId("kpi-change")).toHaveText(change ? `${change.arrow} ${change.text}` : t.overview.noData);
    }
  }
}

for (const { login, role } of roles) {
  test(`${login} sees the KPIs of their own scope with the previous period`, async ({ page }) => {
    await signInAndWait(page, login);
    await expect(page.getByTestId("viewer-role")).toContainText(role);
    await expect(page.getByRole("heading", { level: 1, name: t.overview.title })).toBeVisible();
    await expect(page.getByTestId("overview-sparkline").locator("svg.recharts-surface")).toBeVisible();
    const report = await apiJson<OverviewReport>(page, "/api/reports/overview");
    expect(report.sparkline).toHaveLength(12);
    // The sparkline is labelled: its best month's revenue above the point, the first and last months under it.
    const best = Math.max(...report.sparkline.map((point) => Number(point.revenue)));
    await expect(page.getByTestId("sparkline-peak")).toHaveText(compactMoney(best, report.currency, "ru"));
    await expect(page.getByTestId("revenue-sparkline").locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value")).toHaveCount(2);
    // The demo data has history in every scope: something was won in the last 12 months, in tenge.
    expect(Number(report.rows[0].value)).toBeGreaterThan(0);
    await expect(page.getByTestId("kpi-revenue").getByTestId("kpi-value")).toContainText("₸");
    await expectKpisShow(page, report);
    // Under the title: how fresh each connected CRM is (the demo has sync history for both).
    const { sources } = await apiJson<{ sources: { sourceId: string; name: string; lastSyncedAt: string | null }[] }>(page, "/api/sources/freshness");
    // The demo's two CRMs, and any a spec before this one connected (form-leads adds a portal): each gets its line.
    expect(sources.map((source) => source.name)).toEqual(expect.arrayContaining(["amoCRM — онлайн-школа", "Bitrix24 — отдел продаж"]));
    for (const source of sources) {
      const line = page.getByTestId("source-freshness").locator(`[data-source-id="${source.sourceId}"]`);
      await expect(line).toContainText(source.name);
      await expect(line).toContainText(/синхронизировано \d+ (минуту|минуты|минут|час|часа|часов|день|дня|дней) назад|синхронизировано только что/);
    }

    await page.getByRole("button", { name: t.filters.presets["last-month"] }).click();
    await expect(page).toHaveURL(/[?&]preset=last-month(&|$)/);
    await expectKpisShow(page, await apiJson<OverviewReport>(page, "/api/reports/overview?preset=last-month"));
  });
}

test("scopes nest: the company won more than the department, the department at least its two managers", async ({ browser }) => {
  const revenue: Record<string, number> = {};
  for (const login of [logins.admin, logins.director, logins.manager1, logins.manager2]) {
    const page = await browser.newPage();
    await signInAndWait(page, login);
    const report = await apiJson<OverviewReport>(page, "/api/reports/overview");
    revenue[login] = Number(report.rows.find((row) => row.kpi === "revenue")!.value);
    await page.close();
  }
  expect(revenue[logins.admin]).toBeGreaterThan(revenue[logins.director]);
  // manager1 and manager2 both work in the director's department (Продажи Алматы).
  expect(revenue[logins.director]).toBeGreaterThanOrEqual(revenue[logins.manager1] + revenue[logins.manager2]);
  expect(revenue[logins.manager1]).not.toBe(revenue[logins.manager2]);
});

const dashboards = [
  { path: "/", heading: t.overview.title },
  { path: "/sales", heading: t.sales.title },
  { path: "/funnel", heading: t.funnel.title },
  { path: "/managers", heading: t.managers.title },
  { path: "/leads", heading: t.leads.title },
];

for (const { login } of roles) {
  test(`${login} opens every dashboard, changes the period and the source, and the figures follow`, async ({ page }) => {
    test.setTimeout(120_000);
    await signInAndWait(page, login);
    for (const dashboard of dashboards) {
      await page.goto(dashboard.path);
      await expect(page.getByRole("heading", { level: 1, name: dashboard.heading })).toBeVisible();
      const chart = page.locator("main .recharts-wrapper > svg.recharts-surface").first();
      await expect(chart).toBeVisible();
      await expect(page.locator("main [aria-busy=true]")).toHaveCount(0);
      const figures = async () => (await page.locator("main").innerText()).replace(/\s+/g, " ");
      const [chartBefore, figuresBefore] = [await chart.innerHTML(), await figures()];

      // Last month instead of the last 12: other figures and another chart, without a page load.
      await page.getByRole("button", { name: t.filters.presets["last-month"] }).click();
      await expect(page, dashboard.path).toHaveURL(/[?&]preset=last-month(&|$)/);
      await expect(page.locator("main [aria-busy=true]")).toHaveCount(0);
      await expect.poll(figures, { message: `${dashboard.path} figures` }).not.toBe(figuresBefore);
      await expect.poll(() => page.locator("main .recharts-wrapper > svg.recharts-surface").first().innerHTML(), { message: `${dashboard.path} chart` }).not.toBe(chartBefore);

      // One source: the report is asked again with it, and answers without an error.
      const source = page.getByLabel(t.filters.source, { exact: true });
      const sourceId = await source.locator("option").nth(1).getAttribute("value");
      const answered = page.waitForResponse((response) => response.url().includes("/api/reports/") && response.url().includes(`sourceId=${sourceId}`));
      await source.selectOption(sourceId!);
      expect((await answered).status()).toBe(200);
      await expect(page).toHaveURL(new RegExp(`[?&]sourceId=${sourceId}(&|$)`));
      await expect(page.locator("main [role=alert]")).toHaveCount(0);
    }
  });
}

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

test("the language switch turns the interface to English, weeks still start on Monday", async ({ page }) => {
  await signInAndWait(page, logins.director);
  await expect(page.getByRole("heading", { name: "Обзор" })).toBeVisible();
  await page.getByRole("button", { name: "EN" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("viewer-role")).toContainText("Director");
  await expect(page.getByRole("button", { name: "This week" })).toBeVisible();
  await page.getByRole("button", { name: dashboardMessages.en.filters.calendar.open }).first().click();
  await expect(page.getByTestId("calendar-weekday").first()).toHaveText("Mon");
  await expect(page.getByTestId("calendar-weekday").last()).toHaveText("Sun");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "RU" }).click();
  await expect(page.getByRole("heading", { name: "Обзор" })).toBeVisible();
  await page.getByRole("button", { name: t.filters.calendar.open }).first().click();
  await expect(page.getByTestId("calendar-weekday").first()).toHaveText("пн");
});

test("this week's preset resolves to a Monday-to-Sunday period in the filter bar", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  await page.getByRole("button", { name: t.filters.presets["this-week"] }).click();
  await expect(page).toHaveURL(/[?&]preset=this-week(&|$)/);
  // The inputs show the period of the report on screen: wait for this week's to arrive, or they
  // still hold the last 12 months' dates.
  await waitForPageData(page);
  const from = page.getByLabel(t.filters.from, { exact: true });
  await expect(from).toHaveValue(/^\d{4}-\d\d-\d\d$/);
  const [fromDay, toDay] = [await from.inputValue(), await page.getByLabel(t.filters.to, { exact: true }).inputValue()];
  // Noon UTC of a calendar day falls on that weekday whatever the zone: 1 is Monday, 0 Sunday.
  expect(new Date(`${fromDay}T12:00:00Z`).getUTCDay()).toBe(1);
  expect(new Date(`${toDay}T12:00:00Z`).getUTCDay()).toBe(0);
});
