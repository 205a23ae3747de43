// Exports as a person makes them: open a dashboard, pick a format in the "Экспорт" menu, and get a
// file whose name says what it is and which opens — a workbook with its sheets, a PDF whose first
// page is saved as a PNG beside the test's results, a CSV with its BOM and Russian header.
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { logins, signInAndWait } from "./fixtures";

const PERIOD = "from=2025-01-01&to=2025-12-31";
const DATED = "2025-01-01_2025-12-31";

/** Opens the menu `menuId` and downloads the `format` entry; returns the saved file and its name. */
async function download(page: Page, menuId: string, format: "csv" | "xlsx" | "pdf", savePath: (name: string) => string) {
  const menu = page.getByTestId(menuId);
  await menu.getByRole("button", { name: "Экспорт" }).click();
  const [file] = await Promise.all([page.waitForEvent("download"), menu.getByTestId(`${menuId}-${format}`).click()]);
  const name = file.suggestedFilename();
  const path = savePath(name);
  await file.saveAs(path);
  return { name, path, size: statSync(path).size };
}

test.describe("exports through the menu", () => {
  test.beforeEach(async ({ page }) => {
    await signInAndWait(page, logins.admin);
  });

  test("the sales dashboard as one workbook and one PDF, with their names and sizes", async ({ page }, testInfo) => {
    await page.goto(`/sales?${PERIOD}`);
    const save = (name: string) => testInfo.outputPath(name);

    const xlsx = await download(page, "export-dashboard-sales", "xlsx", save);
    expect(xlsx.name).toBe(`dashboard-sales_${DATED}.xlsx`);
    expect(xlsx.size).toBeGreaterThan(5_000);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx.path) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["О выгрузке", "Продажи по месяцам"]);
    expect(workbook.worksheets[1].rowCount).toBe(14); // header, 12 months, totals

    const pdf = await download(page, "export-dashboard-sales", "pdf", save);
    expect(pdf.name).toBe(`dashboard-sales_${DATED}.pdf`);
    expect(pdf.size).toBeGreaterThan(10_000);
    expect(readFileSync(pdf.path).subarray(0, 5).toString()).toBe("%PDF-");
    const text = execFileSync("pdftotext", ["-layout", pdf.path, "-"], { encoding: "utf8" });
    expect(text).toContain("Продажи");
    expect(text).toMatch(/Страница 1 из \d+/);
    // The first page as a picture, kept with the test's results for a person to look at.
    const prefix = testInfo.outputPath("dashboard-sales-page");
    execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf.path, prefix]);
    await testInfo.attach("dashboard-sales PDF, page 1", { path: `${prefix}.png`, contentType: "image/png" });
    expect(statSync(`${prefix}.png`).size).toBeGreaterThan(10_000);
  });

  test("a report card as CSV with a BOM and a Russian header", async ({ page }, testInfo) => {
    await page.goto(`/sales?${PERIOD}`);
    const csv = await download(page, "export-report-sales-by-month", "csv", (name) => testInfo.outputPath(name));
    expect(csv.name).toBe(`sales-by-month_${DATED}.csv`);
    const bytes = readFileSync(csv.path);
    expect(bytes.subarray(0, 3).toString("hex")).toBe("efbbbf");
    const lines = bytes.subarray(3).toString("utf8").trim().split("\r\n");
    expect(lines[0]).toBe("Месяц;Выиграно сделок;Выручка;Средний чек;Год назад");
    expect(lines).toHaveLength(14); // header, 12 months, totals
    expect(lines.at(-1)).toMatch(/^Итого;/);
  });

  test("the leads dashboard as a workbook with a sheet per card", async ({ page }, testInfo) => {
    await page.goto(`/leads?${PERIOD}`);
    const xlsx = await download(page, "export-dashboard-leads", "xlsx", (name) => testInfo.outputPath(name));
    expect(xlsx.name).toBe(`dashboard-leads_${DATED}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx.path) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "О выгрузке",
      "Конверсия по месяцам",
      "Конверсия по источникам",
      "Конверсия по менеджерам",
      "Лиды по источникам",
      "Лиды по utm_source",
    ]);
  });
});
