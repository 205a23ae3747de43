// The Managers dashboard: a bar per manager, a sortable table with totals, the period presets in the
// URL, the same figures as the JSON API, and a manager who sees only their own row(s).
import { expect, test, type Page } from "@playwright/test";
import { formatMoney, formatNumber } from "../lib/format";
import { logins, signInAndWait } from "./fixtures";

type Figures = { calls: number; activitiesTotal: number; dealsWon: number; wonAmount: string };
type Account = { crmUserId: string; sourceName: string; wonAmount: string };
type ManagersReport = { currency: string; rows: ({ managerId: string | null; managerName: string | null; accounts: Account[] } & Figures)[]; totals: Figures };

async function reportOf(page: Page, query: string): Promise<ManagersReport> {
  const response = await page.request.get(`/api/reports/manager-activity?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ManagersReport;
}

/** One row per manager, the largest won amount first, and the totals of the API. */
async function expectTableShows(page: Page, report: ManagersReport) {
  const money = (value: string) => formatMoney(value, report.currency, "ru");
  const rows = page.getByTestId("manager-row");
  await expect(rows).toHaveCount(report.rows.length);
  if (report.rows.length === 0) return;
  const top = Math.max(...report.rows.map((row) => Number(row.wonAmount)));
  await expect(rows.first().getByTestId("wonAmount")).toHaveText(formatMoney(top, report.currency, "ru"));
  const totals = page.getByTestId("managers-totals");
  await expect(totals.getByTestId("wonAmount")).toHaveText(money(report.totals.wonAmount));
  await expect(totals.getByTestId("activitiesTotal")).toHaveText(formatNumber(report.totals.activitiesTotal, "ru"));
  await expect(totals.getByTestId("dealsWon")).toHaveText(formatNumber(report.totals.dealsWon, "ru"));
  for (const row of report.rows) {
    await expect(rows.filter({ hasText: row.managerId === null ? "Без менеджера" : row.managerName! }).first()).toBeVisible();
  }
}

test("a director sees each manager's activity, switches to this year, and sorts the table", async ({ page }) => {
  await signInAndWait(page, logins.director);
  await page.goto("/managers");
  await expect(page.getByRole("heading", { level: 1, name: "Менеджеры" })).toBeVisible();
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("managers-table")).toBeVisible();

  const lastTwelve = await reportOf(page, "");
  expect(lastTwelve.rows.length).toBeGreaterThan(1);
  await expectTableShows(page, lastTwelve);

  await page.getByRole("button", { name: "Этот год" }).click();
  await expect(page).toHaveURL(/[?&]preset=this-year(&|$)/);
  const thisYear = await reportOf(page, "preset=this-year");
  await expectTableShows(page, thisYear);

  // A click on a header sorts by it, the largest first; a second click reverses the order.
  const table = page.getByTestId("managers-table");
  const calls = thisYear.rows.map((row) => row.calls);
  await table.getByRole("button", { name: "Звонки", exact: true }).click();
  await expect(table.getByRole("columnheader", { name: "Звонки", exact: true })).toHaveAttribute("aria-sort", "descending");
  await expect(page.getByTestId("manager-row").first().getByTestId("calls")).toHaveText(formatNumber(Math.max(...calls), "ru"));
  await table.getByRole("button", { name: "Звонки", exact: true }).click();
  await expect(table.getByRole("columnheader", { name: "Звонки", exact: true })).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByTestId("manager-row").first().getByTestId("calls")).toHaveText(formatNumber(Math.min(...calls), "ru"));

  // The chart switches between revenue and activities.
  const metric = page.getByTestId("managers-chart").getByRole("button", { name: "Всего активностей" });
  await metric.click();
  await expect(metric).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
});

test("a manager sees only their own row: one person, their Bitrix24 and amoCRM accounts as detail", async ({ page }) => {
  await signInAndWait(page, logins.manager1);
  await page.goto("/managers");
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  const report = await reportOf(page, "");
  // manager1 (Айгерим Нурланова) has an account in Bitrix24 and one in amoCRM: one row, the person.
  expect(report.rows).toHaveLength(1);
  const [person] = report.rows;
  expect(person.managerName).toBe("Айгерим Нурланова");
  expect(person.accounts).toHaveLength(2);
  // the person's figures are the sum of the accounts'
  const cents = (amount: string) => Math.round(Number(amount) * 100);
  expect(person.accounts.reduce((sum, account) => sum + cents(account.wonAmount), 0)).toBe(cents(person.wonAmount));
  const rows = page.getByTestId("manager-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("manager")).toContainText("Айгерим Нурланова");
  const accounts = rows.first().getByTestId("manager-accounts");
  for (const account of person.accounts) await expect(accounts).toContainText(`${account.sourceName} ${formatMoney(account.wonAmount, report.currency, "ru")}`);
  await expect(page.getByText("Без менеджера")).toHaveCount(0);
  await expect(page.getByLabel("Менеджер", { exact: true })).toHaveCount(0);
  await expectTableShows(page, report);
});
