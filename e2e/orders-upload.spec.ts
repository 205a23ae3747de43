// A shop's past orders uploaded on the Sources page: a `;` CSV with Russian headers, decimal commas
// and Russian dates, two bad rows among five. The admin sees the preview and the guessed columns,
// imports, sees the counts and the bad rows by line, downloads them, and the customers are built.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { apiJson, logins, signInAndWait } from "./fixtures";

type CustomerList = { rows: { phone: string | null; name: string | null; orderCount: number; totalSpent: string }[]; total: number };

// Line 1 is the header; line 4 has a date that does not exist, line 6 a total that is a word.
const CSV = [
  "Номер заказа;Дата;Сумма;Телефон;Статус;Покупатель",
  "UP-1;05.03.2025;1 234,50;+7 701 900 00 01;Выполнен;Гульнара Загрузкина",
  "UP-2;06.03.2025 14:30;2 000,00;8 (701) 900-00-01;Выполнен;",
  "UP-3;31.02.2025;500;+7 701 900 00 02;Выполнен;",
  "UP-4;07.03.2025;700,25;+7 701 900 00 03;Отменён;Иван Загрузкин",
  "UP-5;08.03.2025;много;+7 701 900 00 04;Выполнен;",
  "",
].join("\r\n");

/** Adds a shop source on the Sources page and gives its upload section. */
async function addShop(page: Page, name: string) {
  await signInAndWait(page, logins.admin);
  await page.goto("/admin/sources");
  const form = page.getByRole("form", { name: "Добавить источник" });
  await form.getByLabel("Тип").selectOption("shop");
  await form.getByLabel("Название").fill(name);
  await form.getByRole("button", { name: "Добавить" }).click();
  return page.getByRole("region", { name }).getByTestId("orders-upload");
}

test("an admin uploads a shop's past orders from a CSV with two bad rows and downloads the rejected rows", async ({ page }) => {
  test.setTimeout(120_000);
  const upload = await addShop(page, "Магазин (история)");
  await expect(upload.getByRole("heading", { name: "Загрузить прошлые заказы" })).toBeVisible();

  await upload.getByTestId("orders-file").setInputFiles({ name: "orders.csv", mimeType: "text/csv", buffer: Buffer.from(CSV, "utf8") });
  await expect(upload.getByTestId("orders-file-name")).toHaveText("orders.csv");
  // The preview shows the rows as they are; the columns are found by their Russian headers.
  const preview = upload.getByTestId("orders-upload-preview");
  await expect(preview).toContainText("1 234,50");
  await expect(preview).toContainText("31.02.2025");
  await expect(upload).toContainText("в файле 5 строк данных");
  await expect(upload.getByTestId("orders-map-number")).toHaveValue("0");
  await expect(upload.getByTestId("orders-map-date")).toHaveValue("1");
  await expect(upload.getByTestId("orders-map-total")).toHaveValue("2");
  await expect(upload.getByTestId("orders-map-phone")).toHaveValue("3");
  await expect(upload.getByTestId("orders-map-name")).toHaveValue("5");
  await expect(upload.getByTestId("orders-map-currency")).toHaveValue("");

  // Unmapping a required column blocks the import and says which; mapping it again allows it.
  await upload.getByTestId("orders-map-total").selectOption("");
  await expect(upload.getByTestId("orders-upload-missing")).toHaveText("Укажите столбцы: Сумма.");
  await expect(upload.getByTestId("orders-upload-import")).toBeDisabled();
  await upload.getByTestId("orders-map-total").selectOption("2");

  await upload.getByRole("button", { name: "Загрузить 5 заказов" }).click();
  await expect(upload.getByTestId("orders-upload-done")).toHaveText("Загружено заказов: 3. Отклонено строк: 2.");
  await expect(upload.getByTestId("orders-upload-rejected").getByRole("listitem")).toHaveText([
    "Строка 4: «31.02.2025» — не дата (пишите 05.03.2025 или 05.03.2025 14:30).",
    "Строка 6: Сумма «много» — не число.",
  ]);

  const [download] = await Promise.all([page.waitForEvent("download"), upload.getByRole("button", { name: "Скачать отклонённые строки (CSV)" }).click()]);
  expect(download.suggestedFilename()).toBe("orders-rejected.csv");
  const rejected = await readFile((await download.path())!, "utf8");
  expect(rejected.split("\r\n")).toEqual([
    "\uFEFFСтрока;Причина;Номер заказа;Дата;Сумма;Телефон;Статус;Покупатель",
    "4;«31.02.2025» — не дата (пишите 05.03.2025 или 05.03.2025 14:30).;UP-3;31.02.2025;500;+7 701 900 00 02;Выполнен;",
    "6;Сумма «много» — не число.;UP-5;08.03.2025;много;+7 701 900 00 04;Выполнен;",
    "",
  ]);

  // One customer per phone: UP-1 and UP-2 are Гульнара's (1 234.50 + 2 000.00 = 3 234.50); Иван's only order was cancelled.
  const gulnara = await apiJson<CustomerList>(page, "/api/customers?q=7019000001");
  expect(gulnara.rows).toEqual([expect.objectContaining({ phone: "+77019000001", name: "Гульнара Загрузкина", orderCount: 2, totalSpent: "3234.50" })]);
  const ivan = await apiJson<CustomerList>(page, "/api/customers?q=7019000003");
  expect(ivan.rows).toEqual([expect.objectContaining({ orderCount: 0, totalSpent: "0.00" })]);
});

test("the upload fits a 390 px phone without sideways scrolling", async ({ page }) => {
  const upload = await addShop(page, "Магазин (телефон)");
  // Signed in on a desktop (where the viewer's name shows), then narrowed to a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await upload.getByTestId("orders-file").setInputFiles({ name: "orders.csv", mimeType: "text/csv", buffer: Buffer.from(CSV, "utf8") });
  await expect(upload.getByTestId("orders-upload-preview")).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});
