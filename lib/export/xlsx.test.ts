// A report's workbook read back with exceljs: "About" stays the first tab, the workbook opens on the
// first data sheet.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { exportMessages } from "@/lib/i18n/export-messages";
import { defineTable, type ExportDocument, type ExportSection } from "./model";
import { documentToXlsx } from "./xlsx";

const section = (key: string, title: string): ExportSection => ({
  key,
  title,
  table: defineTable<{ month: string; amount: string }>({
    columns: [
      { key: "month", header: "Месяц", type: "month", value: (row) => row.month },
      { key: "amount", header: "Выручка", type: "money", value: (row) => row.amount },
    ],
    rows: [{ month: "2025-01", amount: "100000" }],
  }),
});

const doc: ExportDocument = {
  slug: "dashboard-sales",
  title: "Продажи",
  locale: "ru",
  currency: "KZT",
  timezone: "Asia/Almaty",
  period: { from: "2025-01-01", to: "2025-03-31" },
  filters: [],
  scope: "Вся компания",
  exportedBy: "Админ",
  exportedAt: new Date("2025-04-01T06:00:00Z"),
  sections: [section("byMonth", "По месяцам"), section("byManager", "По менеджерам")],
};

describe("XLSX", () => {
  it("opens on the first data sheet, with «О выгрузке» one tab to the left", async () => {
    const bytes = await documentToXlsx(doc, exportMessages.ru);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([exportMessages.ru.about.sheet, "По месяцам", "По менеджерам"]);
    expect(workbook.views[0].activeTab).toBe(1);
    expect(workbook.worksheets[workbook.views[0].activeTab].getCell("B2").value).toBe(100000);
    // only the tab it opens on is selected (exceljs does not read tabSelected back: the sheets' XML)
    const zip = await JSZip.loadAsync(bytes);
    const sheets = await Promise.all([1, 2, 3].map((n) => zip.file(`xl/worksheets/sheet${n}.xml`)!.async("string")));
    expect(sheets.map((xml) => xml.includes('tabSelected="1"'))).toEqual([false, true, false]);
  });
});
