// The Sales dashboard: the chart and the table of months for each role's scope, the period presets
// and the manager filter kept in the URL, and the same figures as the JSON API.
import { expect, test, type Page } from "@playwright/test";
import { formatMoney, formatMonth, formatNumber } from "../lib/format";
import { compactMoney, valueAxis } from "../components/charts/chart-format";
import { logins, signInAndWait } from "./fixtures";

type Figures = { wonCount: number; wonAmount: string; averageAmount: string | null; previousYearWonAmount: string };
type SalesReport = { currency: string; rows: ({ month: string } & Figures)[]; totals: Figures };

async function reportOf(page: Page, query: string): Promise<SalesReport> {
  const response = await page.request.get(`/api/reports/sales-by-month?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as SalesReport;
}

/** "2026-01" → "январь 2026", as the table names months. */
function monthName(month: string) {
  const [year, index] = month.split("-").map(Number);
  return formatMonth(new Date(Date.UTC(year, index - 1, 15)), "UTC", "ru");
}

async function expectTableShows(page: Page, report: SalesReport) {
  const money = (value: string) => formatMoney(value, report.currency, "ru");
  const rows = page.getByTestId("sales-row");
  await expect(rows).toHaveCount(report.rows.length);
  await expect(rows.first().locator("td").first()).toHaveText(monthName(report.rows[0].month));
  const totals = page.getByTestId("sales-totals");
  await expect(totals.getByTestId("won-amount")).toHaveText(money(report.totals.wonAmount));
  await expect(totals.getByTestId("won-count")).toHaveText(formatNumber(report.totals.wonCount, "ru"));
  await expect(totals.getByTestId("previous-year-amount")).toHaveText(money(report.totals.previousYearWonAmount));
}

test("a director sees sales by month, switches to this year, then to one manager, and can share the view", async ({ page }) => {
  await signInAndWait(page, logins.director);
  await page.getByRole("link", { name: "Продажи" }).click();
  await expect(page.getByRole("heading", { name: "Продажи" })).toBeVisible();
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("sales-table")).toBeVisible();

  // By default the last 12 months, ending with this month.
  const lastTwelve = await reportOf(page, "");
  expect(lastTwelve.rows).toHaveLength(12);
  expect(lastTwelve.totals.wonCount).toBeGreaterThan(0);
  await expectTableShows(page, lastTwelve);
  // The value axis steps by round amounts up to at least the tallest bar (0, 500 тыс. ₸, 1 млн ₸ …).
  const { ticks } = valueAxis(lastTwelve.rows.flatMap((row) => [Number(row.wonAmount), Number(row.previousYearWonAmount)]), "money");
  expect(ticks.at(-1)).toBeGreaterThanOrEqual(Math.max(...lastTwelve.rows.map((row) => Number(row.wonAmount))));
  await expect(page.getByTestId("period-bars").locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value")).toHaveText(ticks.map((tick) => compactMoney(tick, lastTwelve.currency, "ru")));

  await page.getByRole("button", { name: "Этот год" }).click();
  await expect(page).toHaveURL(/[?&]preset=this-year(&|$)/);
  await expect(page.getByRole("button", { name: "Этот год" })).toHaveAttribute("aria-pressed", "true");
  const thisYear = await reportOf(page, "preset=this-year");
  // January to December of this year: the table now starts in January (in December, so did the last 12 months).
  expect(thisYear.rows).toHaveLength(12);
  expect(thisYear.rows[0].month).toMatch(/-01$/);
  await expectTableShows(page, thisYear);

  const managerSelect = page.getByLabel("Менеджер", { exact: true });
  const managerId = await managerSelect.locator("option").nth(1).getAttribute("value");
  expect(managerId).toBeTruthy();
  await managerSelect.selectOption(managerId!);
  await expect(page).toHaveURL(new RegExp(`[?&]managerId=${managerId}(&|$)`));
  await expect(page).toHaveURL(/[?&]preset=this-year(&|$)/);
  const oneManager = await reportOf(page, `preset=this-year&managerId=${managerId}`);
  // One manager of the department sold at most what the whole department sold.
  expect(oneManager.totals.wonCount).toBeLessThanOrEqual(thisYear.totals.wonCount);
  expect(Number(oneManager.totals.wonAmount)).toBeLessThanOrEqual(Number(thisYear.totals.wonAmount));
  await expectTableShows(page, oneManager);

  // The URL is the view: opening it again renders the same filters and figures on the server.
  await page.reload();
  await expect(page.getByLabel("Менеджер", { exact: true })).toHaveValue(managerId!);
  await expectTableShows(page, oneManager);
});

test("a manager sees their own sales and has no manager or department filter", async ({ page }) => {
  await signInAndWait(page, logins.manager1);
  await page.goto("/sales");
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  await expectTableShows(page, await reportOf(page, ""));
  await expect(page.getByLabel("Источник", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Менеджер", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Отдел", { exact: true })).toHaveCount(0);
});

test("a malformed filter in the URL shows a readable error, and the filters still work", async ({ page }) => {
  await signInAndWait(page, logins.director);
  await page.goto("/sales?preset=next-decade");
  await expect(page.getByRole("alert").first()).toContainText("Проверьте введённые данные: поле «Период».");
  await page.getByRole("button", { name: "Этот год" }).click();
  await expect(page).toHaveURL(/[?&]preset=this-year(&|$)/);
  await expectTableShows(page, await reportOf(page, "preset=this-year"));
});
