// An admin connects a Bitrix24 portal (the mock, on loopback), tests the connection, clicks
// "Sync now", watches the run finish and finds the portal's deals in the reports.
// The server needs ENCRYPTION_KEY (playwright.config.ts webServer env) to store the webhook URL.
import { expect, test } from "@playwright/test";
import { startBitrix24Mock, type Bitrix24Mock } from "./mocks/bitrix24-mock";
import { apiJson, logins, signInAndWait } from "./fixtures";

let mock: Bitrix24Mock;

test.beforeAll(async () => {
  mock = await startBitrix24Mock({ deals: 60, seed: 42 });
});
test.afterAll(async () => {
  await mock.close();
});

test("an admin adds a Bitrix24 portal, tests it, syncs it and sees its deals in the reports", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  await page.goto("/admin");
  await page.getByRole("link", { name: /Источники/ }).click();
  await expect(page.getByRole("heading", { name: "Источники" })).toBeVisible();

  const form = page.getByRole("form", { name: "Добавить источник" });
  await form.getByLabel("Тип").selectOption("bitrix24");
  await form.getByLabel("Название").fill("Портал (mock)");
  await form.getByLabel("Входящий вебхук Bitrix24").fill(mock.webhookUrl);
  await form.getByRole("button", { name: "Добавить" }).click();
  // The connection is checked before the source is saved; the form is then cleared for the next one.
  await expect(page.getByTestId("created-check")).toHaveText(`Подключение проверено: портал ${new URL(mock.url).host}, пользователь Айгерим Садыкова.`);
  await expect(page.getByTestId("created-inbound-url")).toContainText("/api/webhooks/bitrix24/");
  await expect(form.getByLabel("Название")).toHaveValue("");
  await expect(form.getByLabel("Входящий вебхук Bitrix24")).toHaveValue("");

  const card = page.getByRole("region", { name: "Портал (mock)" });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("freshness")).toHaveText("ещё не синхронизировано");
  await expect(card.getByTestId("source-health")).toHaveAttribute("data-level", "attention");
  await expect(card.getByTestId("source-health")).toContainText("Нет токена приложения: события из Bitrix24 не принимаются.");
  // Bitrix24 gives the outgoing webhook's application token only after it is saved there: it comes back here.
  await card.getByLabel("Токен приложения").fill("jvh9y1ulvt2m6k5or90v9mg8nn32ozas");
  await card.getByRole("button", { name: "Сохранить токен" }).click();
  await expect(card.getByLabel("Токен приложения")).toHaveCount(0);
  await card.getByRole("button", { name: "Проверить подключение" }).click();
  await expect(card.getByTestId("test-result")).toContainText("Подключение работает");
  await expect(card.getByTestId("test-result")).toContainText("Айгерим Садыкова");

  await card.getByRole("button", { name: "Синхронизировать" }).click();
  // The run shows per-entity progress while it goes, then lands in the history as done.
  const history = card.getByTestId("sync-history");
  await expect(history.getByRole("row").nth(1)).toContainText("готово", { timeout: 60_000 });
  await expect(card.getByTestId("freshness")).toHaveText("синхронизировано только что");
  await expect(card.getByTestId("sync-progress")).toHaveCount(0);
  await expect(card.getByTestId("source-health")).toHaveAttribute("data-level", "ok");
  await expect(card.getByTestId("source-health")).toHaveText("Работает");

  // The portal's deals are in the reports: its won deals (semantic S), counted by the same API the dashboards use.
  const { sources } = await apiJson<{ sources: { id: string; name: string }[] }>(page, "/api/sources");
  const sourceId = sources.find((s) => s.name === "Портал (mock)")!.id;
  const wonInMock = mock.state.mutations.rows("deal").filter((d) => d.STAGE_SEMANTIC_ID === "S").length;
  const report = await apiJson<{ totals: { wonCount: number } }>(page, `/api/reports/sales-by-month?sourceId=${sourceId}&from=2025-01-01&to=2026-12-31`);
  expect(wonInMock).toBeGreaterThan(0);
  expect(report.totals.wonCount).toBe(wonInMock);

  // And on the Sales dashboard, filtered to the new source.
  await page.goto(`/sales?sourceId=${sourceId}&from=2025-01-01&to=2026-12-31`);
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
});

test("a wrong webhook code is caught before saving, named precisely, and shown red to admins only", async ({ page, browser }) => {
  await signInAndWait(page, logins.admin);
  await page.goto("/admin/sources");
  const form = page.getByRole("form", { name: "Добавить источник" });
  await form.getByLabel("Название").fill("Неверный код");
  await form.getByLabel("Входящий вебхук Bitrix24").fill(mock.webhookUrl.replace("mockwebhookcode42", "wrongcode000"));
  await form.getByRole("button", { name: "Добавить" }).click();
  // Not saved: the form says why, keeps what was typed, and offers to save it anyway.
  const failed = page.getByTestId("check-failed");
  await expect(failed).toContainText("Источник не сохранён: подключение не прошло проверку.");
  await expect(failed).toContainText("CRM не принимает код вебхука или токен: создайте новый входящий вебхук или подключите заново. Подробности от CRM: NO_AUTH_FOUND: Wrong authorization data");
  await expect(page.getByRole("region", { name: "Неверный код" })).toHaveCount(0);
  await expect(form.getByLabel("Название")).toHaveValue("Неверный код");
  await failed.getByRole("button", { name: "Сохранить без проверки" }).click();
  await expect(page.getByTestId("created-check")).toHaveText("Источник сохранён без проверки подключения: проверьте его, когда CRM будет доступна.");
  const card = page.getByRole("region", { name: "Неверный код" });
  await card.getByRole("button", { name: "Проверить подключение" }).click();
  await expect(card.getByTestId("test-result")).toBeVisible();
  await expect(card.getByTestId("test-result")).not.toContainText("Подключение работает");
  // What to do, in the admin's language, then the portal's own words from its error answer.
  await expect(card.getByTestId("test-result")).toHaveText(
    "CRM не принимает код вебхука или токен: создайте новый входящий вебхук или подключите заново. Подробности от CRM: NO_AUTH_FOUND: Wrong authorization data",
  );
  await expect(card.getByTestId("test-result")).not.toContainText("wrongcode000");

  // A sync the portal refuses says why in the history, the same way: the reason, then the portal's words.
  await card.getByRole("button", { name: "Синхронизировать" }).click();
  const run = card.getByTestId("sync-history").getByRole("row").nth(1);
  await expect(run).toContainText("ошибка", { timeout: 60_000 });
  await expect(run).toContainText("CRM не принимает код вебхука или токен: создайте новый входящий вебхук или подключите источник заново. Подробности от CRM: NO_AUTH_FOUND: Wrong authorization data");
  await expect(run).not.toContainText("wrongcode000");
  // The card goes red with the reason and the next step.
  const health = card.getByTestId("source-health");
  await expect(health).toHaveAttribute("data-level", "broken");
  await expect(health).toContainText("Не работает");
  await expect(health).toContainText("Последняя синхронизация завершилась ошибкой: CRM не принимает код вебхука или токен");
  await expect(health).toContainText("Нажмите «Проверить подключение», исправьте причину и запустите синхронизацию снова.");

  // Dashboards: an admin sees a banner that leads to the fix; a manager never sees the broken source.
  await page.goto("/sales");
  const banner = page.getByTestId("broken-source-banner");
  await expect(banner).toContainText("Источник «Неверный код» не работает: цифры на панелях могут быть неполными.");
  await expect(banner.getByRole("link", { name: "Открыть источники" })).toHaveAttribute("href", "/admin/sources");
  const managerContext = await browser.newContext();
  const managerPage = await managerContext.newPage();
  await signInAndWait(managerPage, logins.manager1);
  await managerPage.goto("/sales");
  await expect(managerPage.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(managerPage.getByTestId("broken-source-banner")).toHaveCount(0);
  // (It stays a choice of the source filter: its name is no secret, its health is.)
  await expect(managerPage.getByTestId("source-freshness")).toBeVisible();
  await expect(managerPage.getByTestId("source-freshness")).not.toContainText("Неверный код");
  await managerContext.close();
  await page.goto("/admin/sources");

  // An address that is not a webhook is refused before anything is stored, naming the field as the form labels it.
  await form.getByLabel("Название").fill("Не адрес");
  await form.getByLabel("Входящий вебхук Bitrix24").fill("https://portal.bitrix24.kz/crm/deal/");
  await form.getByRole("button", { name: "Добавить" }).click();
  await expect(form.getByRole("alert")).toHaveText("Не получилось: Проверьте введённые данные: поле «Входящий вебхук Bitrix24».");

  // Deleted again, so that no later test's dashboards carry its banner.
  page.once("dialog", (dialog) => dialog.accept());
  await card.getByRole("button", { name: "Удалить" }).click();
  await expect(card).toHaveCount(0);
});

test("an admin connects a Bitrix24 OAuth application with its tokens and tests it", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  await page.goto("/admin/sources");
  const form = page.getByRole("form", { name: "Добавить источник" });
  await form.getByLabel("Название").fill("Приложение OAuth");
  await form.getByLabel("Способ подключения").selectOption({ label: "Приложение (OAuth)" });
  await expect(form.getByLabel("Входящий вебхук Bitrix24")).toHaveCount(0);
  await form.getByLabel("Адрес портала").fill(mock.url);
  await form.getByLabel("client_id приложения").fill(mock.state.oauth.clientId);
  await form.getByLabel("client_secret приложения").fill(mock.state.oauth.clientSecret);
  await form.getByLabel("access_token").fill(mock.state.oauth.accessToken);
  await form.getByLabel("refresh_token").fill(mock.state.oauth.refreshToken);
  await form.getByRole("button", { name: "Добавить" }).click();
  await expect(page.getByTestId("created-inbound-url")).toContainText("/api/webhooks/bitrix24/");
  const card = page.getByRole("region", { name: "Приложение OAuth" });
  await card.getByRole("button", { name: "Проверить подключение" }).click();
  await expect(card.getByTestId("test-result")).toContainText("Подключение работает");
  await expect(card.getByTestId("test-result")).toContainText("Айгерим Садыкова");
});

test("a shop's signing secret is shown once at creation, then only on Reveal; Rotate replaces it", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  await page.goto("/admin/sources");
  const form = page.getByRole("form", { name: "Добавить источник" });
  await form.getByLabel("Тип").selectOption("shop");
  await form.getByLabel("Название").fill("Магазин (e2e)");
  await form.getByRole("button", { name: "Добавить" }).click();
  const secret = (await page.getByTestId("created-signing-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);

  // Not in the page any more, nor in the data the page was built from.
  await page.reload();
  const card = page.getByRole("region", { name: "Магазин (e2e)" });
  await expect(card).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  await card.getByRole("button", { name: "Показать секрет" }).click();
  await expect(card.getByTestId("signing-secret")).toHaveText(secret);

  page.once("dialog", (dialog) => dialog.accept());
  await card.getByRole("button", { name: "Сменить секрет" }).click();
  await expect(card).toContainText("Секрет сменён: старый больше не принимается.");
  await expect(card.getByTestId("signing-secret")).not.toHaveText(secret);
  await expect(card.getByTestId("signing-secret")).toHaveText(/^[A-Za-z0-9_-]{32}$/);
});
