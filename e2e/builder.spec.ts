// The report builder (docs/builder.md): an admin builds won revenue by month from the sidebar and sees
// the Sales dashboard's total; the address carries the report, and saved it reopens from the sidebar; a manager's link shows only their own
// row; a pair the facts cannot answer is said in words; on a 390 px phone the page fits the screen.
import { expect, test } from "@playwright/test";
import { builderMessages } from "../lib/i18n/builder-messages";
import { apiJson, logins, signIn, signInAndWait } from "./fixtures";

const t = builderMessages.ru;
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

test("on a 390 px phone the builder fits the screen", async ({ browser }) => {
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
  await context.close();
});
