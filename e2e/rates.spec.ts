// The exchange-rate editor as an admin uses it: find a rate, refuse a bad one beside its field,
// add one, edit it through the list, delete it. Directors do not get the page.
import { expect, test } from "@playwright/test";
import { logins, signInAndWait } from "./fixtures";

test("an admin adds, edits and deletes an exchange rate, and bad input is refused beside its field", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  await page.goto("/admin");
  await page.getByRole("link", { name: /^Курсы валют/ }).click();
  await expect(page).toHaveURL(/\/admin\/rates$/);
  // The demo's daily rates are listed by currency.
  await page.getByRole("link", { name: "USD", exact: true }).click();
  await expect(page.getByTestId("rates-table").getByRole("row").nth(1)).toContainText("USD");

  const form = page.getByTestId("rate-form");
  // The base currency has no rate, and a rate must be above zero: each said beside its field.
  await form.getByLabel("Валюта").fill("KZT");
  await form.getByLabel("Действует с").fill("2020-01-15");
  await form.getByLabel(/^Курс, KZT/).fill("1");
  await form.getByRole("button", { name: "Сохранить курс" }).click();
  await expect(form.getByText("KZT — базовая валюта организации: её курс всегда 1.")).toBeVisible();
  await form.getByLabel("Валюта").fill("EUR");
  await form.getByLabel(/^Курс, KZT/).fill("-5");
  await form.getByRole("button", { name: "Сохранить курс" }).click();
  await expect(form.getByText("Укажите курс больше нуля")).toBeVisible();
  await expect(form.getByText("KZT — базовая валюта организации: её курс всегда 1.")).toHaveCount(0);

  await form.getByLabel(/^Курс, KZT/).fill("550,25");
  await form.getByRole("button", { name: "Сохранить курс" }).click();
  await expect(page.getByRole("status")).toContainText("Курс EUR на 2020-01-15 добавлен");

  await page.getByRole("link", { name: "EUR", exact: true }).click();
  const row = page.getByTestId("rates-table").getByRole("row").filter({ hasText: "2020-01-15" });
  await expect(row).toContainText("550,25");
  await row.getByRole("link", { name: "Изменить" }).click();
  await expect(form.getByLabel(/^Курс, KZT/)).toHaveValue("550.25");
  await form.getByLabel(/^Курс, KZT/).fill("560");
  await form.getByRole("button", { name: "Сохранить курс" }).click();
  await expect(page.getByRole("status")).toContainText("Курс EUR на 2020-01-15 изменён");
  await expect(page.getByTestId("rates-table").getByRole("row").filter({ hasText: "2020-01-15" })).toContainText("560");

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByTestId("rates-table").getByRole("button", { name: "Удалить EUR 2020-01-15" }).click();
  // EUR had only this rate: its tab goes, the other currencies stay
  await expect(page.getByRole("link", { name: "EUR", exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "USD", exact: true })).toBeVisible();
});

test("a director does not get the exchange-rate editor", async ({ page }) => {
  await signInAndWait(page, logins.director);
  const response = await page.goto("/admin/rates");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Страница не найдена" })).toBeVisible();
});
