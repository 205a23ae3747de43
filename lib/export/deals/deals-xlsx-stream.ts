// A list table (deals, leads) as a streamed workbook (exceljs' WorkbookWriter): the rows' XML is
// written batch by batch into the zip, which flows straight into the response; the writer waits
// whenever the client or the zip lags, so memory stays flat whatever the row count. The rows come
// either as row objects rendered here (xlsxRowRenderer) or as XML PostgreSQL wrote (COPY).
import { once } from "node:events";
import { PassThrough, Readable, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { ExportMessages } from "@/lib/i18n/export-messages";
import { errorForLog } from "@/lib/error-text";
import { cellTypeOf, type Column, type ExportDocument } from "../model";
import { addAboutSheet, dataSheetViews, openOnFirstDataSheet } from "../xlsx";
import { columnWidth, numberFormat, sheetName, xlsxValue } from "../xlsx-cells";
import { sheetStyles, xlsxRowRenderer, type StyleRegistry } from "./xlsx-row-xml";

/** exceljs' style registry of a streamed workbook (not in its typings). */
const registryOf = (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => (workbook as unknown as { styles: StyleRegistry }).styles;

/** Column widths in characters (the rest from the header). */
export const widths: Record<string, number> = { externalId: 12, title: 36, managerName: 24, pipelineName: 18, stageName: 18, amount: 16, baseAmount: 18, createdAt: 17, closedAt: 17 };

/** exceljs' stream of one worksheet's XML and the zip entry it feeds (not in its typings). */
type SheetStream = { write: (xml: string | Buffer) => void; pipes: Writable[] };

/**
 * What a row source needs to write a sheet's rows: the registry behind the style ids, what each
 * row's opening tag carries, the column letters, each column's own number format (undefined for a
 * column formatted per row, as the deal's amount in its currency) and the format of an amount in a
 * currency.
 */
export type SheetCells = ReturnType<typeof sheetStyles> & {
  registry: StyleRegistry;
  columnFormats: (string | undefined)[];
  amountFormat: (currency: string) => string;
};

/** Rows' XML, a batch at a time, and how many rows each batch holds; never more than `rowLimit` rows. */
export type SheetRows = (cells: SheetCells, rowLimit: number) => AsyncGenerator<{ xml: string | Buffer; rows: number }>;

/** Row objects (the keyset or cursor stream) rendered into the sheet's XML here. */
export function renderedRows<R>(batches: AsyncGenerator<R[]>, columns: Column<R>[], timeZone: string): SheetRows {
  return async function* (cells, rowLimit) {
    const ownCurrency = columns.findIndex((column) => column.currency);
    const renderRow = xlsxRowRenderer<R>(cells.registry, columns.length, (index, row) =>
      index === ownCurrency ? cells.amountFormat(columns[index].currency!(row)) : cells.columnFormats[index],
    );
    let written = 0;
    try {
      for await (const batch of batches) {
        // Rows added since the count could push a sheet past Excel's last row: stop there.
        const rows = batch.slice(0, rowLimit - written);
        let xml = "";
        for (const row of rows) {
          xml += renderRow(written + 2, columns.map((column) => xlsxValue(cellTypeOf(column, row), column.value(row), timeZone)), row);
          written++;
        }
        yield { xml, rows: rows.length };
        if (written >= rowLimit) return;
      }
    } finally {
      await batches.return(undefined);
    }
  };
}

/** `total`: the rows counted before streaming (for the auto-filter); `rowLimit`: never more rows than a sheet holds. */
export function dealsXlsxStream<R>(source: SheetRows, columns: Column<R>[], doc: ExportDocument, t: ExportMessages, total: number, rowLimit: number): ReadableStream<Uint8Array> {
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
    const amountFormats = new Map<string, string>();
    const registry = registryOf(workbook);
    const cells: SheetCells = {
      ...sheetStyles(registry, columns.length),
      registry,
      columnFormats,
      amountFormat: (currency) => {
        let format = amountFormats.get(currency);
        if (!format) amountFormats.set(currency, (format = numberFormat("amount", currency, doc.locale)!));
        return format;
      },
    };
    const sheetXml = (sheet as unknown as { stream: SheetStream }).stream;
    const rows = source(cells, rowLimit);
    try {
      for await (const batch of rows) {
        sheetXml.write(batch.xml);
        // A client that went away: stop reading the database.
        if (output.destroyed) return;
        // exceljs hands the sheet's XML to the zip without waiting for it: whatever deflate has not
        // taken yet piles up in the entry's pipe. Waiting for that pipe, as well as for the client,
        // keeps memory flat however fast the database is.
        for (const pending of [...sheetXml.pipes, output]) {
          if (pending.writableNeedDrain) await Promise.race([once(pending, "drain"), once(output, "close")]);
        }
      }
    } finally {
      await rows.return(undefined);
    }
    sheet.commit();
    await workbook.commit();
  }

  write().catch((error: unknown) => {
    // A client that went away ends the writer with an abort: nothing failed.
    if (output.destroyed) return;
    console.error("[export] streamed workbook failed", errorForLog(error));
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
