// A workbook of a report or a whole dashboard: the "About" sheet first, then a sheet per section
// with a bold frozen header, an auto-filter, typed cells and a totals row. It opens on the first
// data sheet: "About" stays first, one tab to the left, for whoever wants to know what was exported.
import ExcelJS from "exceljs";
import type { ExportMessages } from "@/lib/i18n/export-messages";
import { displayCell } from "./cells";
import { cellTypeOf, type ExportDocument, type ExportSection } from "./model";
import { aboutLines } from "./about";
import { columnWidth, numberFormat, sheetName, xlsxValue } from "./xlsx-cells";

/** The data sheet's view: the header frozen; the first data sheet is the selected tab. */
export function dataSheetViews(isFirst: boolean): Partial<ExcelJS.WorksheetView>[] {
  return [{ state: "frozen", ySplit: 1, ...(isFirst ? { tabSelected: true } : {}) }];
}

/** Excel and LibreOffice open a workbook on its active tab: the first sheet after "About". */
export function openOnFirstDataSheet(workbook: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter) {
  workbook.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: "visible" }];
}

export function addAboutSheet(workbook: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter, doc: ExportDocument, t: ExportMessages) {
  const sheet = workbook.addWorksheet(t.about.sheet);
  sheet.columns = [{ width: 22 }, { width: 60 }];
  for (const [label, value] of aboutLines(doc, t)) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (value instanceof Date) row.getCell(2).numFmt = doc.locale === "ru" ? "dd.mm.yyyy hh:mm" : "yyyy-mm-dd hh:mm";
    row.commit();
  }
  return sheet;
}

function addSectionSheet(workbook: ExcelJS.Workbook, section: ExportSection, doc: ExportDocument, t: ExportMessages, taken: Set<string>, isFirst: boolean) {
  const sheet = workbook.addWorksheet(sheetName(section.title, taken), { views: dataSheetViews(isFirst) });
  const { columns, rows, totals } = section.table;
  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  const write = (row: Record<string, unknown>) =>
    sheet.addRow(columns.map((column) => xlsxValue(cellTypeOf(column, row), column.value(row), doc.timezone))).eachCell((cell, index) => {
      const column = columns[index - 1];
      const format = numberFormat(cellTypeOf(column, row), column.currency?.(row) ?? doc.currency, doc.locale);
      if (format) cell.numFmt = format;
    });
  for (const row of rows) write(row);
  if (totals) {
    write(totals);
    const last = sheet.lastRow!;
    last.getCell(1).value = t.total;
    last.font = { bold: true };
  }
  if (rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
  const sample = rows.slice(0, 200);
  sheet.columns.forEach((column, index) => {
    const spec = columns[index];
    column.width = columnWidth(spec.header, sample.map((row) => displayCell(cellTypeOf(spec, row), spec.value(row), doc.locale, doc.currency, doc.timezone)));
  });
}

export async function documentToXlsx(doc: ExportDocument, t: ExportMessages): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Voronka";
  workbook.created = doc.exportedAt;
  addAboutSheet(workbook, doc, t);
  const taken = new Set([t.about.sheet.toLowerCase()]);
  doc.sections.forEach((section, index) => addSectionSheet(workbook, section, doc, t, taken, index === 0));
  if (doc.sections.length > 0) openOnFirstDataSheet(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
