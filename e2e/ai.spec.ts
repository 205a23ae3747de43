// The conversation-analysis admin page as an admin uses it on a fresh install without a model: the
// basic analyser is named, the request log is empty, analysis is turned on with a budget and stays on
// after a reload. Directors do not get the page.
import { expect, test } from "@playwright/test";
import { logins, signInAndWait } from "./fixtures";

test("an admin sees the basic analyser and turns analysis on with a monthly budget", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  await page.goto("/admin");
  await page.getByRole("link", { name: /^Анализ разговоров/ }).click();
  await expect(page).toHaveURL(/\/admin\/ai$/);
  await expect(page.getByRole("heading", { level: 1, name: "Анализ разговоров" })).toBeVisible();
  await expect(page.getByTestId("ai-provider")).toContainText("Базовый анализатор (встроенный, русский и английский): модель не настроена, тексты не покидают сервер.");
  await expect(page.getByTestId("ai-requests-table-empty")).toHaveText("Запросов к модели ещё не было.");

  const form = page.getByTestId("ai-settings-form");
  const enabled = form.getByLabel(/Отправлять тексты организации в модель/);
  const budget = form.getByLabel("Бюджет токенов на месяц");
  await expect(budget).toHaveValue("1000000");
  if (await enabled.isChecked()) await enabled.uncheck(); // a re-run against the same data directory
  await enabled.check();
  await budget.fill("250000");
  await form.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByRole("status")).toContainText("Настройки сохранены.");
  await expect(page.getByTestId("ai-usage")).toContainText(/израсходовано 0 из 250\s000 токенов/);

  await page.reload();
  await expect(page.getByTestId("ai-settings-form").getByLabel(/Отправлять тексты организации в модель/)).toBeChecked();
  await expect(page.getByTestId("ai-settings-form").getByLabel("Бюджет токенов на месяц")).toHaveValue("250000");

  // Back to the defaults, so that other specs find the page as a fresh install has it.
  await page.getByTestId("ai-settings-form").getByLabel(/Отправлять тексты организации в модель/).uncheck();
  await page.getByTestId("ai-settings-form").getByLabel("Бюджет токенов на месяц").fill("1000000");
  await page.getByTestId("ai-settings-form").getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByRole("status")).toContainText("Настройки сохранены.");
});

test("a director does not get the conversation-analysis page", async ({ page }) => {
  await signInAndWait(page, logins.director);
  const response = await page.goto("/admin/ai");
  expect(response?.status()).toBe(404);
});
