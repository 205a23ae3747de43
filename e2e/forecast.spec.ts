// The Forecast page: a director's chart, table and backtest against the JSON API, the 3/6-month
// switch, the CSV export, a manager's own forecast, and the page on a 390 px phone.
import { expect, test, type Page } from "@playwright/test";
import { formatMoney } from "../lib/format";
import { apiJson, logins, signIn, signInAndWait } from "./fixtures";

type Row = { month: string; actual: string | null; forecast: string | null; low80: string | null; high95: string | null };
type Forecast = {
  currency: string;
  today: string;
  rows: Row[];
  totals: { next3: string | null; next6: string | null };
  history: { months: number; needed: number };
  backtest: { rows: { month: string }[]; held80: number; held95: number; mape: number | null };
};

const forecastOf = (page: Page) => apiJson<Forecast>(page, "/api/reports/forecast");

test("a director sees the forecast with its bands, switches to 3 months, reads the backtest and exports it", async ({ page }) => {
  await signInAndWait(page, logins.director);
  await page.getByRole("link", { name: "Прогноз", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Прогноз выручки" })).toBeVisible();
  await expect(page.getByTestId("forecast-chart").locator("svg.recharts-surface")).toBeVisible();
  // Two bands (95 % and 80 %) and two lines (actual and forecast) are drawn.
  await expect(page.getByTestId("forecast-chart").locator(".recharts-area-area")).toHaveCount(2);
  await expect(page.getByTestId("forecast-chart").locator(".recharts-line-curve")).toHaveCount(2);

  const report = await forecastOf(page);
  // The demo has 24 whole months of history: enough for the model (16).
  expect(report.history).toEqual({ months: 24, needed: 16 });
  const thisMonth = report.today.slice(0, 7);
  const past = report.rows.filter((row) => row.month < thisMonth);
  const future = report.rows.filter((row) => row.month >= thisMonth);
  expect(future).toHaveLength(6);
  for (const row of future) {
    // Every forecast lies inside its 80 % band, which lies inside the 95 % one.
    expect(Number(row.low80)).toBeLessThanOrEqual(Number(row.forecast));
    expect(Number(row.forecast)).toBeLessThanOrEqual(Number(row.high95));
  }
  const money = (value: string) => formatMoney(value, report.currency, "ru");
  await expect(page.getByTestId("forecast-row")).toHaveCount(past.length + 6);
  await expect(page.getByTestId("forecast-total")).toHaveText(money(report.totals.next6!));

  await page.getByTestId("horizon-3").click();
  await expect(page.getByTestId("horizon-3")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("forecast-row")).toHaveCount(past.length + 3);
  await expect(page.getByTestId("forecast-total")).toHaveText(money(report.totals.next3!));
  await expect(page.getByTestId("forecast-row").last().getByTestId("forecast")).toHaveText(money(future[2].forecast!));

  // "Интервал 80 % выдержал 8 из 8 раз, интервал 95 % — 8 из 8": the API's own counts, over the
  // last 8 months (those with 16 months of history before them).
  const count = report.backtest.rows.length;
  expect(count).toBe(8);
  await expect(page.getByTestId("backtest-summary")).toContainText(`Интервал 80 % выдержал ${report.backtest.held80} из ${count} раз, интервал 95 % — ${report.backtest.held95} из ${count}.`);
  await expect(page.getByTestId("backtest-table").locator("tbody tr")).toHaveCount(count);
  await test.info().attach("forecast, director", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  const csv = await page.request.get("/api/reports/forecast/export?format=csv");
  expect(csv.status()).toBe(200);
  const text = await csv.text();
  expect(text).toContain("Прогноз");
  expect(text).toContain("80 %: от");
});

test("a manager sees their own forecast: each past month at most the director's", async ({ page, browser }) => {
  await signInAndWait(page, logins.manager1);
  await page.goto("/forecast");
  await expect(page.getByTestId("forecast-table")).toBeVisible();
  const own = await forecastOf(page);
  const directorContext = await browser.newContext();
  const director = await directorContext.newPage();
  await signInAndWait(director, logins.director);
  const department = await forecastOf(director);
  await directorContext.close();
  const past = own.rows.filter((row) => row.forecast === null && row.actual !== null);
  expect(past.length).toBeGreaterThan(0);
  for (const row of past) {
    const theirs = department.rows.find((other) => other.month === row.month)!;
    expect(Number(row.actual)).toBeLessThanOrEqual(Number(theirs.actual));
  }
  expect(Number(own.totals.next6)).toBeGreaterThan(0);
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the forecast page fits the screen", async ({ page }, testInfo) => {
    // On a phone the viewer's name sits in the closed menu drawer: wait for the first page instead.
    await signIn(page, logins.director);
    await expect(page).not.toHaveURL(/\/login/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto("/forecast");
    await expect(page.getByTestId("forecast-chart").locator("svg.recharts-surface")).toBeVisible();
    await expect(page.getByTestId("backtest-summary")).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await testInfo.attach("forecast on a 390 px phone", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  });
});
