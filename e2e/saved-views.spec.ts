// Saved views: a director saves the Sales dashboard filtered to one manager, pins it, finds it in the
// sidebar, opens it with its filters restored, makes it the landing page and lands on it after
// signing in again. A manager of the department who opens the shared view sees their own figures.
import { expect, test, type Page } from "@playwright/test";
import { formatNumber } from "../lib/format";
import { apiJson, logins, signIn, signInAndWait } from "./fixtures";

const VIEW_NAME = "Один менеджер — этот год";

type SavedView = { id: string; name: string; query: string; isPinned: boolean; isDefault: boolean };

async function viewsOf(page: Page): Promise<SavedView[]> {
  return (await apiJson<{ views: SavedView[] }>(page, "/api/saved-reports")).views;
}

/** A write as the signed-in page sends it: same-origin, or the cross-site guard refuses it. */
function write(page: Page, method: "POST" | "PATCH" | "DELETE", path: string, data?: object) {
  return page.request.fetch(path, { method, data, headers: { origin: new URL(page.url()).origin } });
}

// The demo database is shared by every spec of a run: leave no view (and no landing page) behind.
test.afterEach(async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAndWait(page, logins.director);
  for (const view of await viewsOf(page)) expect((await write(page, "DELETE", `/api/saved-reports/${view.id}`)).status()).toBe(204);
  await context.close();
});

test("a director saves a filtered Sales view, pins it, opens it from the sidebar and lands on it after signing in", async ({ page }) => {
  await signInAndWait(page, logins.director);
  await page.getByRole("link", { name: "Продажи", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Продажи" })).toBeVisible();

  await page.getByRole("button", { name: "Этот год" }).click();
  const managerSelect = page.getByLabel("Менеджер", { exact: true });
  const managerOption = managerSelect.locator("option").nth(1);
  const managerId = (await managerOption.getAttribute("value"))!;
  const managerName = (await managerOption.textContent())!;
  await managerSelect.selectOption(managerId);
  await expect(page).toHaveURL(new RegExp(`[?&]managerId=${managerId}(&|$)`));

  // Save it: pinned by default, shared with the department.
  await page.getByRole("button", { name: "Сохранить вид" }).click();
  const form = page.getByRole("form", { name: "Сохранить фильтры как вид" });
  await form.getByLabel("Название").fill(VIEW_NAME);
  await form.getByLabel("Кому виден").selectOption({ label: "Моему отделу" });
  await expect(form.getByLabel("Закрепить в меню")).toBeChecked();
  await form.getByRole("button", { name: "Сохранить", exact: true }).click();
  await expect(page.getByTestId("view-saved")).toHaveText(`Вид «${VIEW_NAME}» сохранён`);

  const [saved] = await viewsOf(page);
  expect(saved).toMatchObject({ name: VIEW_NAME, query: `managerId=${managerId}&preset=this-year`, isPinned: true, isDefault: false });

  // The sidebar lists it under the pinned views, and it is the current page.
  const pinned = page.getByTestId("pinned-views").getByRole("link", { name: VIEW_NAME });
  await expect(pinned).toBeVisible();
  await expect(pinned).toHaveAttribute("aria-current", "page");

  // From another dashboard, the pinned link restores the dashboard and its filters.
  await page.getByRole("link", { name: "Воронка", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Воронка" })).toBeVisible();
  await expect(pinned).not.toHaveAttribute("aria-current", "page");
  await pinned.click();
  await expect(page).toHaveURL(new RegExp(`/sales\\?managerId=${managerId}&preset=this-year$`));
  await expect(page.getByRole("heading", { name: "Продажи" })).toBeVisible();
  await expect(page.getByLabel("Менеджер", { exact: true })).toHaveValue(managerId);
  await expect(page.getByLabel("Менеджер", { exact: true }).locator("option:checked")).toHaveText(managerName);
  await expect(page.getByRole("button", { name: "Этот год" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("sales-table")).toBeVisible();

  // Make it the landing page on the management page.
  await page.getByRole("link", { name: "Сохранённые виды" }).click();
  const card = page.getByTestId("saved-view").filter({ hasText: VIEW_NAME });
  await expect(card).toContainText("Продажи · Моему отделу · Автор: вы");
  await card.getByRole("button", { name: "Сделать стартовым" }).click();
  await expect(card.getByText("По умолчанию", { exact: true })).toBeVisible();
  // The Overview keeps its own address now that `/` lands elsewhere.
  await expect(page.getByRole("link", { name: "Обзор" })).toHaveAttribute("href", "/overview");

  // Sign out, sign in: the director lands on the view.
  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, logins.director);
  await expect(page).toHaveURL(new RegExp(`/sales\\?managerId=${managerId}&preset=this-year$`));
  await expect(page.getByLabel("Менеджер", { exact: true })).toHaveValue(managerId);
  // The Overview is still one click away.
  await page.getByRole("link", { name: "Обзор" }).click();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByRole("heading", { name: "Обзор" })).toBeVisible();
});

test("a manager opening the director's department view sees their own figures, and cannot share", async ({ page }) => {
  await signInAndWait(page, logins.director);
  const directorName = (await page.getByTestId("viewer-name").textContent())!;
  const created = await write(page, "POST", "/api/saved-reports", { name: "Отдел — этот год", dashboard: "sales", query: "preset=this-year", visibility: "department" });
  expect(created.status()).toBe(201);
  const view = ((await created.json()) as { view: SavedView }).view;
  await page.getByRole("button", { name: "Выйти" }).click();

  await signInAndWait(page, logins.manager1);
  await page.goto("/settings/views");
  const card = page.getByTestId("saved-view").filter({ hasText: "Отдел — этот год" });
  await expect(card).toContainText(`Автор: ${directorName}`);
  await card.getByRole("button", { name: "Закрепить" }).click();
  await expect(card.getByText("В меню", { exact: true })).toBeVisible();
  await page.getByTestId("pinned-views").getByRole("link", { name: "Отдел — этот год" }).click();
  await expect(page).toHaveURL(/\/sales\?preset=this-year$/);
  // The figures on screen are the manager's own: the same as the manager's own report, not the department's.
  const own = await apiJson<{ totals: { wonCount: number } }>(page, "/api/reports/sales-by-month?preset=this-year");
  await expect(page.getByTestId("sales-totals").getByTestId("won-count")).toHaveText(formatNumber(own.totals.wonCount, "ru"));
  // A manager's save form has no sharing choice at all.
  await page.getByRole("button", { name: "Сохранить вид" }).click();
  await expect(page.getByRole("form", { name: "Сохранить фильтры как вид" }).getByLabel("Кому виден")).toHaveCount(0);
  // Nor can it rename the director's view.
  expect((await write(page, "PATCH", `/api/saved-reports/${view.id}`, { name: "Моё" })).status()).toBe(403);
});

test("a manager opening a department view filtered to a colleague is told the filter was not applied", async ({ page }) => {
  await signInAndWait(page, logins.manager1);
  const managerName = (await page.getByTestId("viewer-name").textContent())!;
  await page.getByRole("button", { name: "Выйти" }).click();

  await signInAndWait(page, logins.director);
  await page.goto("/sales");
  const options = page.getByLabel("Менеджер", { exact: true }).locator("option");
  await expect(options.nth(2)).toBeAttached();
  const colleague = options.filter({ hasNotText: managerName }).nth(1);
  const colleagueId = (await colleague.getAttribute("value"))!;
  const created = await write(page, "POST", "/api/saved-reports", { name: "Коллега — этот год", dashboard: "sales", query: `preset=this-year&managerId=${colleagueId}`, visibility: "department" });
  expect(created.status()).toBe(201);
  const view = ((await created.json()) as { view: SavedView }).view;
  await page.getByRole("button", { name: "Выйти" }).click();

  await signInAndWait(page, logins.manager1);
  await page.goto(`/views/${view.id}`);
  await expect(page).toHaveURL(/\/sales\?preset=this-year&dropped=managerId$/);
  await expect(page.getByTestId("dropped-filters")).toHaveText(
    "Фильтр вида «Менеджер» относится к данным, которых вам не видно, поэтому не применён: показаны ваши данные.",
  );
  // Choosing another period is the manager's own filter now: the note leaves the address.
  await page.getByRole("button", { name: "Этот квартал" }).click();
  await expect(page).toHaveURL(/\/sales\?preset=this-quarter$/);
});

test("on a phone, «Сохранить вид» sits in the filters' sheet and pinned views in the menu drawer", async ({ page }) => {
  await signInAndWait(page, logins.director);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/leads?preset=this-month");
  await page.getByRole("button", { name: "Фильтры" }).click();
  const sheet = page.getByRole("dialog", { name: "Фильтры" });
  await sheet.getByRole("button", { name: "Сохранить вид" }).click();
  await sheet.getByLabel("Название").fill("Лиды месяца");
  await sheet.getByRole("button", { name: "Сохранить", exact: true }).click();
  await expect(sheet.getByTestId("view-saved")).toHaveText("Вид «Лиды месяца» сохранён");
  await sheet.getByRole("button", { name: "Готово" }).click();

  await page.goto("/funnel");
  await page.getByRole("button", { name: "Меню" }).click();
  const drawer = page.getByRole("complementary", { name: "Меню" });
  await drawer.getByTestId("pinned-views").getByRole("link", { name: "Лиды месяца" }).click();
  await expect(page).toHaveURL(/\/leads\?preset=this-month$/);
  await expect(drawer).toBeHidden();
  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
