// The first figures come with the page (issue 16 §6): the server renders each dashboard's report
// into the HTML of the page's own response, in the viewer's scope, and the browser shows them
// without asking the JSON API after it has loaded. Were a dashboard to fetch its figures after
// hydration, its HTML would hold no figure and the browser would call /api/reports/… first.
import { expect, test, type Page } from "@playwright/test";
import { formatMoney, formatNumber } from "../lib/format";
import { apiJson, logins, signInAndWait } from "./fixtures";

type OverviewReport = { currency: string; rows: { kpi: string; value: string | number | null }[] };
type SalesReport = { currency: string; totals: { wonCount: number; wonAmount: string } };

/** Every /api/reports/… request the page makes from now on. */
function reportCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith("/api/reports/")) calls.push(path);
  });
  return calls;
}

/** The dashboard's figures are on screen: a KPI, a table or a chart in <main>, and no card still loading. */
async function expectFiguresShown(page: Page) {
  const main = page.locator("main");
  await expect(main.locator("table, [data-testid='kpi-value']").first()).toBeVisible();
  await expect(main.locator("[aria-busy='true']")).toHaveCount(0);
}

test("the Overview's HTML holds a manager's own KPIs, as the API counts them for that manager", async ({ page }) => {
  await signInAndWait(page, logins.manager1);
  // The page's HTML as the server sends it (the signed-in cookie, no JavaScript run).
  const response = await page.request.get("/overview");
  expect(response.status()).toBe(200);
  const html = await response.text();
  const report = await apiJson<OverviewReport>(page, "/api/reports/overview");
  const valueOf = (kpi: string) => report.rows.find((row) => row.kpi === kpi)?.value ?? null;
  const revenue = valueOf("revenue");
  const wonDeals = valueOf("wonDeals");
  expect(revenue, "the manager has won revenue in the demo's last 12 months").not.toBeNull();
  expect(Number(wonDeals)).toBeGreaterThan(0);
  expect(html).toContain(`data-testid="kpi-value"`);
  expect(html).toContain(formatMoney(revenue!, report.currency, "ru"));
  expect(html).toContain(`>${formatNumber(Number(wonDeals), "ru")}<`);
});

test("the Sales page's HTML holds the table's totals for the director's department", async ({ page }) => {
  await signInAndWait(page, logins.director);
  const html = await (await page.request.get("/sales")).text();
  const report = await apiJson<SalesReport>(page, "/api/reports/sales-by-month");
  expect(report.totals.wonCount).toBeGreaterThan(0);
  expect(html).toContain(`data-testid="sales-totals"`);
  expect(html).toContain(formatMoney(report.totals.wonAmount, report.currency, "ru"));
});

test("signing in and opening every dashboard shows the figures without a single call to the reports API", async ({ page }) => {
  const calls = reportCalls(page);
  await signInAndWait(page, logins.admin);
  await expectFiguresShown(page);
  for (const name of ["Продажи", "Воронка", "Менеджеры", "Лиды", "Трафик"]) {
    // A click in the menu: the page's server render brings its figures along.
    await page.getByRole("navigation").getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expectFiguresShown(page);
  }
  // A full load of a dashboard's address too.
  await page.goto("/managers");
  await expectFiguresShown(page);
  expect(calls).toEqual([]);
});
