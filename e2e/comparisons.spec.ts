// Honest comparisons as a person sees them (issue 16 §2): every KPI says which days «Было» covers —
// the same days of the period before, to date — rates change in п.п., and the month still running is
// marked on the charts, in Russian and in English.
import { expect, test, type Page } from "@playwright/test";
import { formatDateRange, periodDates } from "../lib/format";
import { dashboardMessages } from "../lib/i18n/dashboard-messages";
import { apiJson, logins, signInAndWait } from "./fixtures";

type PeriodJson = { from: string; to: string };
type OverviewReport = {
  timezone: string;
  today: string;
  rows: { kpi: string; previousValue: string | number | null; change: number | null; changeKind: "relative" | "points" }[];
  totals: { currentPeriod: PeriodJson; previousPeriod: PeriodJson; isToDate: boolean };
};

// Intl sets range dashes between thin spaces and Russian thousands with narrow no-break spaces.
const plain = (text: string | null) => (text ?? "").replace(/[\u00a0\u202f\u2009]/g, " ");
const dates = (period: PeriodJson, report: OverviewReport, locale: "ru" | "en") =>
  plain(formatDateRange({ from: new Date(period.from), to: new Date(period.to) }, report.timezone, locale));

/** "2026-12-06" → "2025-12-06" (29 February → 28 February). */
function aYearBefore(day: string): string {
  const [year, month, date] = day.split("-");
  return `${Number(year) - 1}-${month}-${month === "02" && date === "29" ? "28" : date}`;
}

async function expectPreviousDays(page: Page, report: OverviewReport, locale: "ru" | "en") {
  const label = dashboardMessages[locale].overview.previous;
  const expected = dates(report.totals.previousPeriod, report, locale);
  for (const row of report.rows) {
    const card = page.getByTestId(`kpi-${row.kpi}`);
    await expect(card.getByTestId("kpi-previous-line")).toContainText(`${label}:`);
    await expect.poll(async () => plain(await card.getByTestId("kpi-previous-period").textContent())).toBe(expected);
  }
}

test("a manager sees which days «Было» covers, rates changing in п.п., and the month still running marked", async ({ page }) => {
  await signInAndWait(page, logins.manager1);
  const report = await apiJson<OverviewReport>(page, "/api/reports/overview");
  // The default 12 months end with this month; «Было» ends on the same day a year before, not on 31 December.
  expect(periodDates(report.totals.previousPeriod, report.timezone).to).toBe(aYearBefore(report.today));
  expect(periodDates(report.totals.currentPeriod, report.timezone).to).toBe(report.today);
  await expectPreviousDays(page, report, "ru");
  // e.g. «Было: 1 янв – 6 дек 2025»
  await expect(page.getByTestId("kpi-revenue").getByTestId("kpi-previous-line")).toContainText(/^Было:\s\d+\s\S+(\s\d{4})?\s–\s\d+\s\S+\s\d{4}\s—\s/);

  // Rates move in percentage points; no change is grey and has no sign.
  for (const kpi of ["winRate", "leadConversion"]) {
    const row = report.rows.find((r) => r.kpi === kpi)!;
    expect(row.changeKind).toBe("points");
    if (row.change === null || row.previousValue === null) continue;
    const change = page.getByTestId(`kpi-${kpi}`).getByTestId("kpi-change");
    await expect(change).toHaveText(/п\.п\.$/);
    if (Math.round(row.change * 1000) === 0) await expect(change).toHaveAttribute("data-tone", "neutral");
    else await expect(change).toHaveText(row.change < 0 ? /^▼ −/ : /^▲ \+/);
  }

  // The sparkline's month of today is a hollow dot, and the note under it says until which day.
  const month = report.today.slice(0, 7);
  const sparkline = page.getByTestId("overview-sparkline");
  await expect(sparkline.locator(`[data-incomplete-month="${month}"]`)).toHaveCount(1);
  await expect(sparkline.getByTestId("incomplete-month-note")).toContainText("месяц ещё идёт: данные по");
  if (report.totals.isToDate) {
    await expect(page.getByTestId("kpi-to-date-note")).toContainText(dates(report.totals.currentPeriod, report, "ru").split(" – ")[0]);
  }

  // In English the same days, in English.
  await page.getByRole("button", { name: "EN" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expectPreviousDays(page, report, "en");
  await expect(page.getByTestId("kpi-winRate").getByTestId("kpi-change")).toHaveText(/pp$|^no data$/);
  await page.getByRole("button", { name: "RU" }).click();
  await expect(page.getByRole("heading", { name: "Обзор" })).toBeVisible();
});

test("the Sales chart and table mark the month still running and say which days «Год назад» counts", async ({ page }) => {
  await signInAndWait(page, logins.director);
  await page.goto("/sales");
  await expect(page.getByTestId("sales-table")).toBeVisible();
  const report = await apiJson<{ timezone: string; today: string; previousYearPeriod: PeriodJson; rows: { month: string; wonAmount: string }[] }>(page, "/api/reports/sales-by-month");
  const month = report.today.slice(0, 7);
  // The last row is this month, starred; the note under the chart explains the star.
  await expect(page.getByTestId("sales-row").last().locator("td").first()).toHaveText(/\*$/);
  await expect(page.getByTestId("sales-chart").getByTestId("incomplete-month-note")).toContainText("месяц ещё идёт");
  // Recharts draws no bar for an empty month: the pale bar is checked when this month has sales so far.
  if (Number(report.rows.find((row) => row.month === month)?.wonAmount ?? 0) > 0) {
    await expect(page.getByTestId("sales-chart").locator(`[data-bar-key="${month}"]`)).toHaveAttribute("data-incomplete", "true");
  }
  // «Год назад» ends on today's date a year before
  expect(periodDates(report.previousYearPeriod, report.timezone).to).toBe(aYearBefore(report.today));
  const expected = plain(formatDateRange({ from: new Date(report.previousYearPeriod.from), to: new Date(report.previousYearPeriod.to) }, report.timezone, "ru"));
  await expect.poll(async () => plain(await page.getByTestId("previous-year-period").textContent())).toContain(expected);
});
