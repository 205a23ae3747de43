// The admin pages as an admin uses them: invite a manager, link their CRM account, disable them;
// rename the organisation. Other roles do not get the pages at all.
import { expect, test } from "@playwright/test";
import { logins, signIn, signInAndWait } from "./fixtures";

// One of the two CRM users the demo leaves unlinked (db/demo/catalog.ts), in the amoCRM source.
const FREE_CRM_USER = "Бауыржан Алиев";

test("an admin invites a manager, links a CRM user to them and disables them; then the manager cannot sign in", async ({ page, browser }) => {
  const stamp = Date.now();
  const email = `e2e-${stamp}@voronka.demo`;
  const name = `Тестовый Менеджер ${stamp}`;
  const password = "e2e-initial-password";

  await signInAndWait(page, logins.admin);
  await page.getByRole("link", { name: "Администрирование" }).click();
  await page.getByRole("link", { name: /^Пользователи/ }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);

  const invite = page.getByTestId("invite-user-form");
  await invite.getByLabel("E-mail").fill(email);
  await invite.getByLabel("Имя", { exact: true }).fill(name);
  await invite.getByLabel("Роль", { exact: true }).selectOption("manager");
  await invite.getByLabel("Отдел").selectOption({ label: "Онлайн-продажи" });
  await invite.getByLabel("Начальный пароль").fill(password);
  await invite.getByRole("button", { name: "Пригласить" }).click();
  await expect(invite.getByRole("status")).toContainText(`${email} добавлен(а)`);

  const row = page.getByTestId("users-table").getByRole("row").filter({ hasText: email });
  await expect(row).toContainText(name);
  await expect(row).toContainText("Менеджер");
  await expect(row).toContainText("Онлайн-продажи");
  await expect(row).toContainText("Активен");
  await expect(row).toContainText("не входил(а)");

  // The same e-mail again is refused beside the field, and nothing is added.
  await invite.getByLabel("E-mail").fill(email);
  await invite.getByLabel("Имя", { exact: true }).fill("Дубликат");
  await invite.getByLabel("Начальный пароль").fill(password);
  await invite.getByRole("button", { name: "Пригласить" }).click();
  await expect(invite.getByText("Пользователь с таким e-mail уже есть", { exact: false })).toBeVisible();
  await expect(invite.getByLabel("Имя", { exact: true })).toHaveValue("Дубликат");
  await expect(page.getByTestId("users-table").getByRole("row").filter({ hasText: email })).toHaveCount(1);

  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  const links = page.getByTestId("crm-links-form");
  const freeCrmUser = links.getByRole("checkbox", { name: new RegExp(FREE_CRM_USER) });
  await expect(links.getByText(FREE_CRM_USER).locator("..")).toContainText("ни с кем не связан");
  await freeCrmUser.check();
  await links.getByRole("button", { name: "Сохранить связи" }).click();
  await expect(links.getByRole("status")).toHaveText("Связи с CRM сохранены.");
  await expect(freeCrmUser).toBeChecked();
  await expect(links.getByText(FREE_CRM_USER).locator("..")).toContainText("связан с этим пользователем");

  await page.getByRole("link", { name: "← Пользователи" }).click();
  await expect(row).toContainText(FREE_CRM_USER);
  await expect(row).toContainText("amoCRM");

  // The new manager can sign in with the initial password while enabled…
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, email, password);
  await expect(manager.getByTestId("viewer-name")).toHaveText(name);
  await expect(manager.getByTestId("viewer-role")).toContainText("Менеджер");

  await row.getByRole("link", { name }).click();
  const access = page.getByTestId("access-form");
  await access.getByRole("button", { name: "Отключить" }).click();
  await expect(access.getByRole("status")).toHaveText("Пользователь отключён.");
  await expect(page.getByTestId("user-status")).toHaveText("Отключён");
  await expect(access.getByRole("button", { name: "Включить" })).toBeVisible();

  // …and once disabled, their open session ends and signing in again fails.
  await manager.reload();
  await expect(manager).toHaveURL(/\/login/);
  await signIn(manager, email, password);
  await expect(manager.getByRole("alert").filter({ hasText: /./ })).toHaveText("Неверный e-mail или пароль");
  await managerContext.close();

  await page.getByRole("link", { name: "← Пользователи" }).click();
  await expect(row).toContainText("Отключён");
});

test("the admin finds a change in the audit log, filters it by kind of object and exports what is shown", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  const origin = new URL(page.url()).origin;
  const tokenName = `Аудит e2e ${Date.now()}`;
  const created = await page.request.post("/api/tokens", { data: { name: tokenName }, headers: { origin } });
  expect(created.status()).toBe(201);
  const token = (await created.json()) as { id: string };

  await page.getByRole("link", { name: "Администрирование" }).click();
  await page.getByRole("link", { name: /^Журнал изменений/ }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  const newest = page.getByTestId("audit-row").first();
  await expect(newest).toContainText("API-токен создан");
  await expect(newest).toContainText(token.id);
  await expect(newest).toContainText(tokenName);

  const filters = page.getByRole("form", { name: "Фильтры журнала" });
  await filters.getByLabel("Что").selectOption({ label: "API-токен" });
  await filters.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(/targetType=api_token/);
  for (const row of await page.getByTestId("audit-row").all()) await expect(row).toContainText("API-токен");
  // Days are typed as the dashboards take them (no «mm/dd/yyyy»), and kept in the address.
  const from = filters.getByLabel("С", { exact: true });
  await expect(from).toHaveAttribute("placeholder", "ГГГГ-ММ-ДД");
  await from.fill("2020-01-01");
  await filters.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(/targetType=api_token&from=2020-01-01/);
  await expect(page.getByTestId("audit-row").first()).toContainText(token.id);
  await expect(filters.getByLabel("С", { exact: true })).toHaveValue("2020-01-01");

  await page.getByTestId("export-audit").getByRole("button", { name: "Экспорт" }).click();
  const csv = page.getByTestId("export-audit").getByRole("menuitem", { name: "CSV" });
  // The file has what is shown: the same kind of object and days.
  await expect(csv).toHaveAttribute("href", "/api/audit/export?format=csv&targetType=api_token&from=2020-01-01");
  const file = await page.request.get("/api/audit/export?format=csv&targetType=api_token&from=2020-01-01");
  expect(file.status()).toBe(200);
  expect(await file.text()).toContain(`API-токен создан;API-токен;${token.id}`);
  // Leave no token behind for the specs that count them.
  expect((await page.request.delete(`/api/tokens/${token.id}`, { headers: { origin } })).status()).toBe(204);
});

test("on a phone the audit log's details fold under «Показать», so a row stays low", async ({ page }) => {
  // Signed in at desktop size (the viewer's name hides in the phone's closed menu), then a phone.
  await signInAndWait(page, logins.admin);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/admin/audit");
  const row = page.getByTestId("audit-row").filter({ has: page.getByTestId("audit-details") }).first();
  const details = row.getByTestId("audit-details");
  await expect(details.getByText("Показать")).toBeVisible();
  await expect(details.locator("code")).toBeHidden();
  // At most two or three lines of text: under 100 px high.
  expect((await row.boundingBox())!.height).toBeLessThan(100);
  await details.getByText("Показать").click();
  await expect(details.locator("code")).toBeVisible();
  await expect(details.locator("code")).toContainText("{");
});

test("a manager opening the admin pages gets a 404 page", async ({ page }) => {
  await signInAndWait(page, logins.manager1);
  for (const path of ["/admin", "/admin/users", "/admin/organisation", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Страница не найдена" })).toBeVisible();
  }
});

test("an unknown or malformed user id is a 404 page for the admin too", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
    const response = await page.goto(`/admin/users/${id}`);
    expect(response?.status(), id).toBe(404);
    await expect(page.getByRole("heading", { name: "Страница не найдена" })).toBeVisible();
  }
});

test("the admin renames the organisation and the sidebar shows the new name, then renames it back", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  await page.getByRole("link", { name: "Администрирование" }).click();
  await page.getByRole("link", { name: /^Организация/ }).click();
  await expect(page).toHaveURL(/\/admin\/organisation$/);

  const form = page.getByTestId("org-settings-form");
  const nameField = form.getByLabel("Название", { exact: true });
  const original = await nameField.inputValue();
  expect(original).not.toBe("");
  const renamed = `${original} (e2e)`;
  const rename = async (to: string) => {
    await nameField.fill(to);
    await form.getByRole("button", { name: "Сохранить" }).click();
    await expect(form.getByRole("status")).toHaveText("Настройки организации сохранены.");
    await expect(page.getByTestId("viewer-role")).toHaveText(`Администратор · ${to}`);
  };

  try {
    await rename(renamed);
    await expect(nameField).toHaveValue(renamed);
    await expect(form.getByLabel("Часовой пояс")).toHaveValue("Asia/Almaty");
    await expect(form.getByLabel("Базовая валюта")).toHaveValue("KZT");
    // An empty name is refused beside the field, and the saved name stays.
    await nameField.fill(" ");
    await form.getByRole("button", { name: "Сохранить" }).click();
    await expect(form.getByText("Укажите название организации")).toBeVisible();
    await expect(page.getByTestId("viewer-role")).toHaveText(`Администратор · ${renamed}`);
  } finally {
    await rename(original);
  }
});

test("an address that matches no page answers 404 in the viewer's language, with the way back", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  const missing = await page.goto("/no-such-report");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Страница не найдена" })).toBeVisible();
  await expect(page).toHaveTitle("Страница не найдена · Voronka");
  // The language the viewer chose with the switch (its cookie) wins, on this page too.
  await page.context().addCookies([{ name: "voronka-locale", value: "en", url: page.url() }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.context().addCookies([{ name: "voronka-locale", value: "ru", url: page.url() }]);
  await page.reload();
  await page.getByRole("link", { name: "На главную" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Обзор" })).toBeVisible();
});
