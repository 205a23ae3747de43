// Sales plans in the browser: an admin sets a department's plan on the plans page and the Sales
// dashboard measures the department against it; a manager sees their own plan and nobody else's.
import { expect, test } from "@playwright/test";
import { formatMoney, formatRate } from "../lib/format";
import { apiJson, logins, signInAndWait } from "./fixtures";

type Progress = { planRevenue: string | null; factRevenue: string; revenueDone: number | null; projectedRevenue: string | null; elapsedDays: number; daysInMonth: number };
type PlanTable = { month: string; currency: string; today: string; departments: { departmentId: string; name: string }[]; managers: { userId: string; name: string; revenue: string | null; progress: Progress }[] };
type SalesReport = { currency: string; today: string; planMonth: string; plan: (Progress & { planWonDeals: number | null }) | null; rows: { month: string; wonAmount: string }[] };

const money = (amount: string, currency: string) => formatMoney(amount, currency, "ru");

test("an admin sets a department's plan for this month, and the Sales dashboard shows plan, fact, % done and projection", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAndWait(page, logins.admin);
  const today = (await apiJson<SalesReport>(page, "/api/reports/sales-by-month")).today;
  const month = today.slice(0, 7);
  const before = await apiJson<PlanTable>(page, `/api/plans?month=${month}`);
  const department = before.departments[0];

  await page.getByRole("link", { name: "Планы продаж" }).click();
  await expect(page.getByRole("heading", { name: "Планы продаж", level: 1 })).toBeVisible();
  await expect(page.getByTestId("plan-month")).toHaveValue(month);
  await page.getByLabel(`${department.name}: План выручки`).fill("5 000 000");
  await page.getByLabel(`${department.name}: План по сделкам`).fill("40");
  await page.getByRole("button", { name: "Сохранить планы" }).click();
  await expect(page.getByTestId("plans-saved")).toBeVisible();

  // Stored as typed, in the reporting currency
  const after = await apiJson<PlanTable & { departments: { departmentId: string; revenue: string | null; wonDeals: number | null }[] }>(page, `/api/plans?month=${month}`);
  expect(after.departments.find((row) => row.departmentId === department.departmentId)).toMatchObject({ revenue: "5000000.00", wonDeals: 40 });

  await page.goto(`/sales?departmentId=${department.departmentId}`);
  const card = page.getByTestId("plan-card");
  await expect(card).toBeVisible();
  // The fact is the Sales table's own row for this month (the default twelve months end with it).
  const report = await apiJson<SalesReport>(page, `/api/reports/sales-by-month?departmentId=${department.departmentId}`);
  const fact = report.rows.find((row) => row.month === month)!.wonAmount;
  expect(report.plan).toMatchObject({ planRevenue: "5000000.00", factRevenue: fact, planWonDeals: 40 });
  const day = Number(today.slice(8, 10));
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  // % done = fact ÷ 5 000 000; projection = fact ÷ days run × days in the month (today counts whole)
  const done = Math.round((Number(fact) / 5_000_000) * 10_000) / 10_000;
  const projection = ((Math.round(Number(fact) * 100) * days) / day / 100).toFixed(2);
  const revenueLine = card.getByTestId("plan-revenue");
  await expect(revenueLine.getByTestId("plan")).toHaveText(money("5000000", report.currency));
  await expect(revenueLine.getByTestId("fact")).toHaveText(money(fact, report.currency));
  await expect(revenueLine.getByTestId("done")).toHaveText(formatRate(done, "ru"));
  await expect(revenueLine.getByTestId("projection")).toHaveText(money(projection, report.currency));
  await expect(card).toContainText(`Прошло ${day} из ${days} дн.`);
});

test("a manager sees their own plan only, and may not open the plans page or set a plan", async ({ page }) => {
  await signInAndWait(page, logins.manager1);
  await expect(page.getByRole("link", { name: "Планы продаж" })).toHaveCount(0);
  const report = await apiJson<SalesReport>(page, "/api/reports/sales-by-month");
  const own = await apiJson<PlanTable>(page, `/api/plans?month=${report.planMonth}`);
  // One row, their own; no department
  expect(own.departments).toEqual([]);
  expect(own.managers).toHaveLength(1);
  const mine = own.managers[0];
  await expect(page.getByTestId("viewer-name")).toHaveText(mine.name);
  // The demo gives each manager who has sold a plan for this month
  expect(mine.revenue).not.toBeNull();
  expect(report.plan).toMatchObject({ planRevenue: mine.revenue, factRevenue: mine.progress.factRevenue, revenueDone: mine.progress.revenueDone });

  await page.goto("/sales");
  await expect(page.getByTestId("plan-revenue").getByTestId("plan")).toHaveText(money(mine.revenue!, report.currency));
  await expect(page.getByTestId("plan-revenue").getByTestId("done")).toHaveText(formatRate(mine.progress.revenueDone, "ru"));

  expect((await page.goto("/plans"))?.status()).toBe(404);
  const put = await page.request.put("/api/plans", { data: { rows: [{ month: report.planMonth, userId: mine.userId, revenue: "1" }] } });
  expect(put.status()).toBe(403);
  expect((await apiJson<PlanTable>(page, `/api/plans?month=${report.planMonth}`)).managers[0].revenue).toBe(mine.revenue);
});

test("a director imports a CSV file: one bad line refuses the whole file, the fixed file is applied", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAndWait(page, logins.director);
  const month = (await apiJson<SalesReport>(page, "/api/reports/sales-by-month")).today.slice(0, 7);
  const before = await apiJson<PlanTable & { managers: { email: string }[] }>(page, `/api/plans?month=${month}`);
  const [first, second] = before.managers;
  await page.goto(`/plans?month=${month}`);
  const file = (lines: string[]) => ({ name: "plans.csv", mimeType: "text/csv", buffer: Buffer.from(["месяц;e-mail;выручка;сделки", ...lines].join("\n")) });

  // line 3 names someone of another department's (or no one): nothing is imported
  await page.getByTestId("plans-csv").setInputFiles(file([`${month};${first.email};2 000 000,50;9`, `${month};nobody@voronka.demo;1;1`]));
  await page.getByRole("button", { name: "Загрузить", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Ничего не загружено" })).toContainText("(3)");
  expect((await apiJson<PlanTable>(page, `/api/plans?month=${month}`)).managers[0].revenue).toBe(before.managers[0].revenue);

  // The «Выбрать файл» button opens the file dialog from the keyboard, and the chosen file is named beside it.
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Выбрать файл" }).focus();
  await page.keyboard.press("Enter");
  await (await chooser).setFiles(file([`${month};${first.email};2 000 000,50;9`, `${month};${second.email};;3`]));
  await expect(page.getByTestId("plans-csv-name")).toHaveText("plans.csv");
  await page.getByRole("button", { name: "Загрузить", exact: true }).click();
  await expect(page.getByTestId("plans-imported")).toBeVisible();
  const after = await apiJson<PlanTable & { managers: { wonDeals: number | null }[] }>(page, `/api/plans?month=${month}`);
  expect([after.managers[0].revenue, after.managers[0].wonDeals, after.managers[1].wonDeals]).toEqual(["2000000.50", 9, 3]);
  // the page shows the stored plan after the import
  await expect(page.getByLabel(`${first.name}: План выручки`)).toHaveValue("2000000.50");
});
