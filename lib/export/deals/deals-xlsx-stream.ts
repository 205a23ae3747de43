// A list table (deals, leads) as a streamed workbook (exceljs' WorkbookWriter): rows are committed batch by
// batch into the zip, which flows straight into the response; the writer waits whenever the
// client lags, so memory stays flat whatever the row count.
import { once } from "node:events";
import { PassThrough, Readable, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { ExportMessages } from "@/lib/i18n/export-messages";
import { errorForLog } from "@/lib/error-text";
import { cellTypeOf, type Column, type ExportDocument } from "../model";
import { addAboutSheet, dataSheetViews, openOnFirstDataSheet } from "../xlsx";
import { columnWidth, numberFormat, sheetName, xlsxValue } from "../xlsx-cells";
import { xlsxRowRenderer, type StyleRegistry } from "./xlsx-row-xml";

/** exceljs' style registry of a streamed workbook (not in its typings). */
const registryOf = (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => (workbook as unknown as { styles: StyleRegistry }).styles;

/** Column widths in characters (the rest from the header). */
export const widths: Record<string, number> = { externalId: 12, title: 36, managerName: 24, pipelineName: 18, stageName: 18, amount: 16, baseAmount: 18, createdAt: 17, closedAt: 17 };

/** exceljs' stream of one worksheet's XML and the zip entry it feeds (not in its typings). */
type SheetStream = { write: (xml: string) => void; pipes: Writable[] };

/** `total`: the rows counted before streaming (for the auto-filter); `rowLimit`: never more rows than a sheet holds. */
export function dealsXlsxStream<R>(
  batches: AsyncGenerator<R[]>,
  columns: Column<R>[],
  doc: ExportDocument,
  t: ExportMessages,
  total: number,
  rowLimit: number,
): ReadableStream<Uint8Array> {
  const output = new PassThrough({ highWaterMark: 1 << 20 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Voronka";
  openOnFirstDataSheet(workbook);

  async function write() {
    addAboutSheet(workbook, doc, t).commit();
    const sheet = workbook.addWorksheet(sheetName(doc.title, new Set([t.about.sheet.toLowerCase()])), { views: dataSheetViews(true) });
    // Column formats are set once on the columns; only the deal's own amount, whose currency varies
    // by row, gets a format per cell.
    const columnFormats = columns.map((column) => (column.currency ? undefined : numberFormat(cellTypeOf(column, {} as R), doc.currency, doc.locale)));
    sheet.columns = columns.map((column, index) => {
      const format = columnFormats[index];
      return { key: column.key, width: widths[column.key] ?? columnWidth(column.header, []), style: format ? { numFmt: format } : {} };
    });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.min(Math.max(total, 1), rowLimit) + 1, column: columns.length } };
    const header = sheet.addRow(columns.map((column) => column.header));
    header.font = { bold: true };
    header.eachCell((cell) => (cell.numFmt = "General"));
    header.commit();
    // The rows go into the sheet's XML as exceljs would render them, without exceljs' per-cell objects.
    const ownCurrency = columns.findIndex((column) => column.currency);
    const amountFormats = new Map<string, string>();
    const amountFormat = (currency: string) => {
      let format = amountFormats.get(currency);
      if (!format) amountFormats.set(currency, (format = numberFormat("amount", currency, doc.locale)!));
      return format;
    };
    const renderRow = xlsxRowRenderer<R>(registryOf(workbook), columns.length, (index, deal) =>
      index === ownCurrency ? amountFormat(columns[index].currency!(deal)) : columnFormats[index],
    );
    const sheetXml = (sheet as unknown as { stream: SheetStream }).stream;
    let written = 0;
    for await (const batch of batches) {
      // Deals added since the count could push a sheet past Excel's last row: stop there.
      let xml = "";
      for (const deal of batch.slice(0, rowLimit - written)) {
        xml += renderRow(written + 2, columns.map((column) => xlsxValue(cellTypeOf(column, deal), column.value(deal), doc.timezone)), deal);
        written++;
      }
      sheetXml.write(xml);
      if (written >= rowLimit) break;
      // A client that went away: stop reading the database.
      if (output.destroyed) return void (await batches.return(undefined));
      // exceljs hands the sheet's XML to the zip without waiting for it: whatever deflate has not
      // taken yet piles up in the entry's pipe. Waiting for that pipe, as well as for the client,
      // keeps memory flat however fast the database is.
      for (const pending of [...sheetXml.pipes, output]) {
        if (pending.writableNeedDrain) await Promise.race([once(pending, "drain"), once(output, "close")]);
      }
    }
    sheet.commit();
    await workbook.commit();
  }

  write().catch((error: unknown) => {
    console.error("[export] streamed workbook failed", errorForLog(error));
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
