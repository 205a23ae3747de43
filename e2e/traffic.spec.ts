// Traffic teams and ad spend as an admin uses them on the demo organisation: the example teams are
// there, a new team and rule are previewed and saved (the recompute runs and finishes), and spend is
// imported from a CSV file with a preview — twice, without doubling. Directors do not get the pages.
import { expect, test } from "@playwright/test";
import { logins, signInAndWait } from "./fixtures";

test("an admin creates a team and a rule, previews and saves it, and the recompute finishes", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  await page.goto("/admin");
  await page.getByRole("link", { name: /^Команды трафика/ }).click();
  await expect(page).toHaveURL(/\/admin\/traffic-teams$/);
  await expect(page.getByTestId("team-Kenesary")).toBeVisible();

  // The demo already uses the example rules, so importing them adds nothing.
  await page.getByRole("button", { name: "Загрузить примеры правил" }).click();
  await expect(page.getByTestId("traffic-message")).toHaveText("Примеры уже загружены — ничего не добавлено.");

  const teamForm = page.getByTestId("team-form");
  await teamForm.getByLabel("Название").fill("Brand team");
  await teamForm.getByLabel("Основной код источника").fill("brand_src");
  await teamForm.getByRole("button", { name: "Создать команду" }).click();
  await expect(page.getByTestId("team-Brand team")).toBeVisible();

  // The demo's "google / brand_search" leads are unattributed: a rule would move them to the new team.
  const ruleForm = page.getByTestId("rule-form");
  await ruleForm.getByLabel("Команда").selectOption({ label: "Brand team" });
  await ruleForm.getByLabel("Поле").selectOption("utm_campaign");
  await ruleForm.getByLabel("Условие").selectOption("contains");
  await ruleForm.getByLabel("Значение").fill("BRAND_SEARCH");
  await ruleForm.getByRole("button", { name: "Предпросмотр" }).click();
  const preview = page.getByTestId("attribution-preview");
  await expect(preview).toContainText("Brand team");
  await expect(preview.getByRole("row").filter({ hasText: "Без команды" }).first()).toBeVisible();
  await expect(preview).toContainText("→ Brand team");

  await ruleForm.getByRole("button", { name: "Добавить правило" }).click();
  await expect(page.getByTestId("traffic-message")).toContainText("Сохранено");
  await expect(page.getByTestId("recompute-done")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("recompute-done")).not.toContainText("изменено 0.", { timeout: 60_000 });
  await expect(page.getByRole("cell", { name: "BRAND_SEARCH" })).toBeVisible();

  // Raising the new rule's priority moves nothing more: the preview says so, and the change saves.
  await page.getByRole("row").filter({ hasText: "BRAND_SEARCH" }).getByRole("button", { name: "Изменить" }).click();
  await expect(ruleForm.getByLabel("Значение")).toHaveValue("BRAND_SEARCH");
  await ruleForm.getByLabel("Приоритет").fill("5");
  await ruleForm.getByRole("button", { name: "Предпросмотр" }).click();
  await expect(preview).toContainText("Изменение не переносит ни одной записи.");
  await ruleForm.getByRole("button", { name: "Сохранить правило" }).click();
  await expect(page.getByRole("row").filter({ hasText: "BRAND_SEARCH" })).toContainText("5");

  // A regex that does not compile is refused with the reason.
  await ruleForm.getByLabel("Условие").selectOption("regex");
  await ruleForm.getByLabel("Значение").fill("([a-z]");
  await ruleForm.getByRole("button", { name: "Добавить правило" }).click();
  await expect(page.getByTestId("traffic-message")).toContainText("pattern: not a valid regular expression");
});

test("an admin imports ad spend from a CSV file after a preview, and a second import replaces it", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  await page.goto("/admin/ad-spend");
  const csv = ["дата;команда;источник;кампания;сумма;валюта", "01.01.2020;Kenesary;e2e_src;e2e_campaign;1 500,50;KZT", "01.01.2020;Muha;;;250;USD"].join("\n");
  const upload = () => page.getByTestId("spend-csv").setInputFiles({ name: "spend.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });

  // A bad row is shown with its line, and nothing can be imported.
  await page.getByTestId("spend-csv").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("date;team;amount\n2020-01-01;Ghost;5\n") });
  await page.getByRole("button", { name: "Проверить файл" }).click();
  await expect(page.getByTestId("spend-row-errors")).toContainText('Строка 2: team: no traffic team "Ghost"');

  await upload();
  await page.getByRole("button", { name: "Проверить файл" }).click();
  await expect(page.getByTestId("spend-preview").getByRole("row")).toHaveCount(3); // header + 2 rows
  await page.getByRole("button", { name: "Импортировать 2 строк" }).click();
  await expect(page.getByTestId("spend-imported")).toHaveText("Импортировано строк: 2 (новых 2, заменено 0).");

  await upload();
  await page.getByRole("button", { name: "Проверить файл" }).click();
  await page.getByRole("button", { name: "Импортировать 2 строк" }).click();
  await expect(page.getByTestId("spend-imported")).toHaveText("Импортировано строк: 2 (новых 0, заменено 2).");

  // Only 1 January 2020 (before the demo's data): 1 500,50 ₸ + 250 $, once each.
  await page.getByLabel("С", { exact: true }).fill("2020-01-01");
  await page.getByLabel("По", { exact: true }).fill("2020-01-01");
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page.getByRole("table", { name: "Расходы" }).locator("tbody tr")).toHaveCount(2);
  await expect(page.getByTestId("spend-total-KZT")).toContainText(/1\s500,50/);
  await expect(page.getByTestId("spend-total-USD")).toContainText("250,00");
});

test("a director gets neither page nor API", async ({ page }) => {
  await signInAndWait(page, logins.director);
  const response = await page.request.get("/api/traffic-teams");
  expect(response.status()).toBe(403);
  expect((await page.request.get("/api/ad-spend")).status()).toBe(403);
});
