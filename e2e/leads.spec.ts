// The Leads dashboard: the conversion KPIs, leads by source (chart and table) and conversion by month
// for each role's scope, the period presets kept in the URL, and the same figures as the JSON API.
import { expect, test, type Page } from "@playwright/test";
import { formatMonth, formatNumber } from "../lib/format";
import { glossary } from "../lib/i18n/glossary";
import { logins, signInAndWait } from "./fixtures";

type Figures = { leads: number; converted: number; conversionRate: number | null };
type ConversionReport = { totals: Figures & { medianDaysToConvert: number | null }; byMonth: ({ month: string } & Figures)[] };
type SourceRow = { source: string | null; sourceName: string | null; leads: number; converted: number };
type SourceReport = { rows: SourceRow[]; byUtmSource: SourceRow[]; totals: Figures };

async function reportOf<T>(page: Page, name: string, query: string): Promise<T> {
  const response = await page.request.get(`/api/reports/${name}?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

/** "2026-01" → "январь 2026", as the month table names months. */
function monthName(month: string) {
  const [year, index] = month.split("-").map(Number);
  return formatMonth(new Date(Date.UTC(year, index - 1, 15)), "UTC", "ru");
}

async function expectSourceTableShows(page: Page, report: SourceReport) {
  const rows = page.getByTestId("source-table-row");
  await expect(rows).toHaveCount(report.rows.length);
  // Most leads first, an empty source named «Не указан».
  await expect(rows.first().locator("td").first()).toHaveText(report.rows[0].sourceName ?? "Не указан");
  await expect(rows.first().getByTestId("leads")).toHaveText(formatNumber(report.rows[0].leads, "ru"));
  if (report.rows.some((row) => row.source === null)) await expect(rows.filter({ hasText: "Не указан" })).toHaveCount(1);
  const totals = page.getByTestId("source-table-totals");
  await expect(totals.getByTestId("leads")).toHaveText(formatNumber(report.totals.leads, "ru"));
  await expect(totals.getByTestId("converted")).toHaveText(formatNumber(report.totals.converted, "ru"));
}

test("a director sees leads by source and conversion, switches to this year, and the figures match the API", async ({ page }) => {
  await signInAndWait(page, logins.director);
  await page.getByRole("link", { name: "Лиды", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Лиды", level: 1 })).toBeVisible();
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("source-table")).toBeVisible();
  // Leads have no pipeline: the filter bar does not offer one here.
  await expect(page.getByLabel("Воронка", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Менеджер", { exact: true })).toBeVisible();
  // Two scales on one chart: each axis says what it counts.
  await expect(page.getByTestId("conversion-line").locator(".recharts-label")).toHaveText([glossary.ru.leads, glossary.ru.conversion]);

  // By default the last 12 months.
  const lastTwelve = await reportOf<ConversionReport>(page, "lead-conversion", "");
  expect(lastTwelve.totals.leads).toBeGreaterThan(0);
  await expect(page.getByTestId("kpi-leads-value")).toHaveText(formatNumber(lastTwelve.totals.leads, "ru"));
  await expect(page.getByTestId("kpi-converted-value")).toHaveText(formatNumber(lastTwelve.totals.converted, "ru"));
  await expectSourceTableShows(page, await reportOf<SourceReport>(page, "leads-by-source", ""));

  await page.getByRole("button", { name: "Этот год" }).click();
  await expect(page).toHaveURL(/[?&]preset=this-year(&|$)/);
  await expect(page.getByRole("button", { name: "Этот год" })).toHaveAttribute("aria-pressed", "true");
  const thisYear = await reportOf<ConversionReport>(page, "lead-conversion", "preset=this-year");
  expect(thisYear.totals.leads).toBeGreaterThan(0);
  await expect(page.getByTestId("kpi-leads-value")).toHaveText(formatNumber(thisYear.totals.leads, "ru"));
  await expect(page.getByTestId("month-table-totals").getByTestId("leads")).toHaveText(formatNumber(thisYear.totals.leads, "ru"));
  // This year's months start in January.
  expect(thisYear.byMonth[0].month).toMatch(/-01$/);
  await expect(page.getByTestId("month-table-row").first().locator("td").first()).toHaveText(monthName(thisYear.byMonth[0].month));
  // Both reports count the same leads.
  const thisYearBySource = await reportOf<SourceReport>(page, "leads-by-source", "preset=this-year");
  expect(thisYearBySource.totals.leads).toBe(thisYear.totals.leads);
  await expectSourceTableShows(page, thisYearBySource);

  // The URL is the view: opening it again renders the same figures on the server.
  await page.reload();
  await expect(page.getByRole("button", { name: "Этот год" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("kpi-leads-value")).toHaveText(formatNumber(thisYear.totals.leads, "ru"));
});

test("a manager sees their own leads: the source table's total is their own API figure", async ({ page }) => {
  await signInAndWait(page, logins.manager1);
  await page.goto("/leads");
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  const own = await reportOf<SourceReport>(page, "leads-by-source", "");
  expect(own.totals.leads).toBeGreaterThan(0);
  await expectSourceTableShows(page, own);
  // The rows add up to the total.
  expect(own.rows.reduce((sum, row) => sum + row.leads, 0)).toBe(own.totals.leads);
  const conversion = await reportOf<ConversionReport>(page, "lead-conversion", "");
  expect(conversion.totals.leads).toBe(own.totals.leads);
  await expect(page.getByTestId("kpi-leads-value")).toHaveText(formatNumber(own.totals.leads, "ru"));
  await expect(page.getByLabel("Менеджер", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Воронка", { exact: true })).toHaveCount(0);
});

test("a period with no leads says so", async ({ page }) => {
  await signInAndWait(page, logins.director);
  await page.goto("/leads?from=2001-01-01&to=2001-01-31");
  await expect(page.getByTestId("leads-by-source-empty")).toHaveText("Нет лидов за выбранный период");
  await expect(page.getByTestId("kpi-leads-value")).toHaveText("0");
});
