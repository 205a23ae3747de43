// The report builder (docs/builder.md): an admin builds won revenue by month from the sidebar and sees
// the Sales dashboard's total; the address carries the report, and saved it reopens from the sidebar; a manager's link shows only their own
// row; a pair the facts cannot answer is said in words; a director filters by one manager and gets that
// manager's figures; on a 390 px phone the page fits the screen.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { builderMessages } from "../lib/i18n/builder-messages";
import { dashboardMessages } from "../lib/i18n/dashboard-messages";
import { apiJson, logins, signIn, signInAndWait } from "./fixtures";

const t = builderMessages.ru;
const f = dashboardMessages.ru.filters;
type Sales = { totals: { wonAmount: string; wonCount: number } };
type Built = { rows: { labels: (string | null)[] }[]; totals: Record<string, string | number | null> };
const digits = (text: string) => text.replace(/\D/g, "");

test("an admin builds won revenue by month and sees the Sales dashboard's total", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  await page.getByRole("link", { name: t.title }).first().click();
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
  // the default report: won revenue and won deals by month over 12 months
  await page.getByTestId("builder-chart-type").selectOption("line");
  await page.getByTestId("measure-wonDeals").uncheck();
  await expect(page).toHaveURL(/m=wonRevenue&d=month&preset=last-12-months&chart=line/);
  const sales = await apiJson<Sales>(page, "/api/reports/sales-by-month?preset=last-12-months");
  expect(Number(sales.totals.wonAmount)).toBeGreaterThan(0);
  // "12 345 678,00 ₸": the same digits as the dashboard's "12345678.00"
  await expect(page.getByTestId("builder-total")).toHaveText(new RegExp(`^${t.total}`));
  expect(digits(await page.getByTestId("builder-total").innerText())).toBe(digits(sales.totals.wonAmount));
  await expect(page.getByTestId("builder-chart").locator("svg.recharts-surface").first()).toBeVisible();

  // a second dimension: the pivot appears, and the link rebuilds the same report
  await page.getByTestId("dimension-1").selectOption("manager");
  await expect(page.getByTestId("builder-pivot")).toBeVisible();
  const link = page.url();
  expect(link).toContain("d=month%2Cmanager");
  await page.goto(link);
  await expect(page.getByTestId("dimension-1")).toHaveValue("manager");
  expect(digits(await page.getByTestId("builder-total").innerText())).toBe(digits(sales.totals.wonAmount));

  // saved and pinned, it reopens from the sidebar as the same report
  const name = `Выручка по менеджерам ${Date.now()}`;
  await page.getByTestId("save-view").click();
  const form = page.getByRole("form", { name: "Сохранить построенный отчёт" });
  await form.getByLabel("Название").fill(name);
  await form.getByRole("button", { name: "Сохранить", exact: true }).click();
  await expect(page.getByTestId("view-saved")).toHaveText(`Вид «${name}» сохранён`);
  const pinned = page.getByTestId("pinned-views").getByRole("link", { name });
  await expect(pinned).toHaveAttribute("aria-current", "page");
  await page.goto("/builder");
  await pinned.click();
  await expect(page).toHaveURL(/\/builder\?m=wonRevenue&d=month%2Cmanager&preset=last-12-months&chart=line$/);
  await expect(page.getByTestId("builder-pivot")).toBeVisible();
  expect(digits(await page.getByTestId("builder-total").innerText())).toBe(digits(sales.totals.wonAmount));
  const views = await apiJson<{ views: { id: string; name: string }[] }>(page, "/api/saved-reports");
  const saved = views.views.find((view) => view.name === name)!;
  expect((await page.request.delete(`/api/saved-reports/${saved.id}`, { headers: { origin: new URL(page.url()).origin } })).status()).toBe(204);
});

test("a manager's link shows only their own row; an impossible pair is said in words", async ({ page }) => {
  await signInAndWait(page, logins.manager1);
  const response = await page.request.post("/api/reports/custom", { data: { measures: ["wonRevenue", "calls"], dimensions: ["manager"], period: { preset: "last-12-months" } }, headers: { origin: new URL(page.url()).origin } });
  expect(response.status()).toBe(200);
  const built = (await response.json()) as Built;
  expect(built.rows).toHaveLength(1);
  await page.goto("/builder?m=wonRevenue,calls&d=manager&preset=last-12-months&chart=bar");
  await expect(page.getByTestId("builder-table").locator("tbody tr")).toHaveCount(2); // their row and the total
  await expect(page.getByTestId("builder-table")).toContainText(built.rows[0].labels[0]!);

  await page.goto("/builder?m=calls&d=pipeline&preset=this-year&chart=bar");
  await expect(page.getByTestId("builder-error")).toHaveText("Показатель «Звонки» нельзя разрезать по «Воронка»: в данных нет такой пары.");

  // a manager may narrow by pipeline or source, never choose a manager or a department
  await page.goto("/builder?m=wonRevenue&d=manager&preset=last-12-months&chart=bar");
  const filters = page.getByTestId("builder-filters");
  await expect(filters.getByLabel(f.pipeline, { exact: true })).toBeVisible();
  await expect(filters.getByLabel(f.source, { exact: true })).toBeVisible();
  await expect(filters.getByLabel(f.manager, { exact: true })).toHaveCount(0);
  await expect(filters.getByLabel(f.department, { exact: true })).toHaveCount(0);
  // a link naming someone else is refused in words; «Сбросить» takes the filter away
  await page.goto(`/builder?m=wonRevenue&d=manager&preset=last-12-months&managerId=${randomUUID()}&chart=bar`);
  await expect(page.getByTestId("builder-error")).toHaveText("Этот менеджер вне того, что вам доступно.");
  await page.getByTestId("builder-filters").getByRole("button", { name: f.reset }).click();
  await expect(page).not.toHaveURL(/managerId/);
  await expect(page.getByTestId("builder-error")).toHaveCount(0);
  await expect(page.getByTestId("builder-table")).toContainText(built.rows[0].labels[0]!);
});

test("a director filters the built report by one manager and gets that manager's figures", async ({ page }) => {
  await signInAndWait(page, logins.director);
  await page.goto("/builder?m=wonRevenue,wonDeals&d=month&preset=last-12-months&chart=bar");
  await expect(page.getByTestId("builder-total")).toBeVisible();
  // Worked out beside the page: the unfiltered answer by manager, the manager with the most revenue.
  const response = await page.request.post("/api/reports/custom", { data: { measures: ["wonRevenue", "wonDeals"], dimensions: ["manager"], period: { preset: "last-12-months" } }, headers: { origin: new URL(page.url()).origin } });
  expect(response.status()).toBe(200);
  const all = (await response.json()) as { rows: { keys: (string | null)[]; labels: (string | null)[]; values: { wonRevenue: string; wonDeals: number } }[]; totals: { wonRevenue: string; wonDeals: number } };
  const named = all.rows.filter((row) => row.keys[0] !== null);
  expect(named.length).toBeGreaterThan(1);
  const top = [...named].sort((a, b) => Number(b.values.wonRevenue) - Number(a.values.wonRevenue))[0];
  expect(Number(top.values.wonRevenue)).toBeLessThan(Number(all.totals.wonRevenue));

  const filters = page.getByTestId("builder-filters");
  // a director picks among their department's managers, not departments
  await expect(filters.getByLabel(f.department, { exact: true })).toHaveCount(0);
  const manager = filters.getByLabel(f.manager, { exact: true });
  await expect(manager.locator("option", { hasText: top.labels[0]! })).toHaveCount(1);
  await manager.selectOption(top.keys[0]!);
  await expect(page).toHaveURL(new RegExp(`managerId=${top.keys[0]}`));
  const total = page.getByTestId("builder-total").locator("td");
  await expect(total.nth(1)).toHaveText(String(top.values.wonDeals));
  expect(digits(await total.nth(0).innerText())).toBe(digits(top.values.wonRevenue));

  // the link keeps the filter; «Все» clears it, and the whole department's total is back
  await page.goto(page.url());
  await expect(filters.getByLabel(f.manager, { exact: true })).toHaveValue(top.keys[0]!);
  await expect(total.nth(1)).toHaveText(String(top.values.wonDeals));
  await filters.getByLabel(f.manager, { exact: true }).selectOption("");
  await expect(page).not.toHaveURL(/managerId/);
  await expect(total.nth(1)).toHaveText(String(all.totals.wonDeals));
  expect(digits(await total.nth(0).innerText())).toBe(digits(all.totals.wonRevenue));
});

test("a director sorts managers by won revenue, highest first, and keeps the top two", async ({ page }) => {
  await signInAndWait(page, logins.director);
  await page.goto("/builder?m=wonRevenue&d=manager&preset=last-12-months&chart=bar");
  await expect(page.getByTestId("builder-table").locator("tbody tr").first()).toBeVisible();
  // The order worked out here from the unsorted answer: revenue descending, the first two names.
  const response = await page.request.post("/api/reports/custom", { data: { measures: ["wonRevenue"], dimensions: ["manager"], period: { preset: "last-12-months" } }, headers: { origin: new URL(page.url()).origin } });
  const all = (await response.json()) as { rows: { labels: (string | null)[]; values: { wonRevenue: string } }[] };
  expect(all.rows.length).toBeGreaterThan(2);
  const topTwo = [...all.rows].sort((a, b) => Number(b.values.wonRevenue) - Number(a.values.wonRevenue)).slice(0, 2).map((row) => row.labels[0] ?? t.notSet);

  await page.getByTestId("builder-sort").selectOption("wonRevenue");
  await page.getByTestId("builder-direction").selectOption("desc");
  await page.getByTestId("builder-limit").fill("2");
  await expect(page).toHaveURL(/sort=wonRevenue&dir=desc&limit=2/);
  const rows = page.getByTestId("builder-table").locator("tbody tr:not([data-testid=builder-total])");
  await expect(rows).toHaveCount(2);
  expect(await rows.locator("td:first-child, th:first-child").allInnerTexts()).toEqual(topTwo);
});

test("on a 390 px phone the builder fits the screen", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "ru-RU", timezoneId: "Asia/Almaty", reducedMotion: "reduce" });
  const page = await context.newPage();
  // on a phone the viewer's name is inside the closed menu: wait for the page instead
  await signIn(page, logins.director);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/builder?m=wonRevenue,leads&d=month,manager&preset=this-year&chart=bar");
  await expect(page.getByTestId("builder-chart").locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("builder-pivot")).toBeVisible();
  // wide tables scroll inside their cards; the page itself does not scroll sideways
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // the filters too: each choice a full-width row
  await page.getByTestId("builder-filters").getByLabel(f.source, { exact: true }).selectOption({ index: 1 });
  await expect(page).toHaveURL(/sourceId=/);
  await expect(page.getByTestId("builder-filters").getByLabel(f.manager, { exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath("builder-390.png"), fullPage: true });
  await context.close();
});
