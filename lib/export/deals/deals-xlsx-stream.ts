// The deals table as a streamed workbook (exceljs' WorkbookWriter): rows are committed batch by
// batch into the zip, which flows straight into the response; the writer waits whenever the
// client lags, so memory stays flat whatever the row count.
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { DealListRow } from "@/lib/deals/deal-list";
import type { ExportMessages } from "@/lib/i18n/export-messages";
import { errorForLog } from "@/lib/error-text";
import { cellTypeOf, type Column, type ExportDocument } from "../model";
import { addAboutSheet } from "../xlsx";
import { columnWidth, numberFormat, sheetName, xlsxValue } from "../xlsx-cells";

const widths: Record<string, number> = { externalId: 12, title: 36, managerName: 24, pipelineName: 18, stageName: 18, amount: 16, baseAmount: 18, createdAt: 17, closedAt: 17 };

/** `total`: the rows counted before streaming (for the auto-filter); `rowLimit`: never more rows than a sheet holds. */
export function dealsXlsxStream(
  batches: AsyncGenerator<DealListRow[]>,
  columns: Column<DealListRow>[],
  doc: ExportDocument,
  t: ExportMessages,
  total: number,
  rowLimit: number,
): ReadableStream<Uint8Array> {
  const output = new PassThrough({ highWaterMark: 1 << 20 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Voronka";

  async function write() {
    addAboutSheet(workbook, doc, t).commit();
    const sheet = workbook.addWorksheet(sheetName(doc.title, new Set([t.about.sheet.toLowerCase()])), { views: [{ state: "frozen", ySplit: 1 }] });
    // Column formats are set once on the columns (cells inherit them); only the deal's own amount,
    // whose currency varies by row, gets a format per cell.
    sheet.columns = columns.map((column) => {
      const format = column.currency ? undefined : numberFormat(cellTypeOf(column, {} as DealListRow), doc.currency, doc.locale);
      return { key: column.key, width: widths[column.key] ?? columnWidth(column.header, []), style: format ? { numFmt: format } : {} };
    });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.min(Math.max(total, 1), rowLimit) + 1, column: columns.length } };
    const header = sheet.addRow(columns.map((column) => column.header));
    header.font = { bold: true };
    header.eachCell((cell) => (cell.numFmt = "General"));
    header.commit();
    const ownCurrency = columns.findIndex((column) => column.currency);
    let written = 0;
    for await (const batch of batches) {
      // Deals added since the count could push a sheet past Excel's last row: stop there.
      for (const deal of batch.slice(0, rowLimit - written)) {
        const row = sheet.addRow(columns.map((column) => xlsxValue(cellTypeOf(column, deal), column.value(deal), doc.timezone)));
        if (ownCurrency >= 0) row.getCell(ownCurrency + 1).numFmt = numberFormat("money", columns[ownCurrency].currency!(deal), doc.locale)!;
        row.commit();
      }
      written += Math.min(batch.length, rowLimit - written);
      if (written >= rowLimit) break;
      // A client that went away: stop reading the database.
      if (output.destroyed) return void (await batches.return(undefined));
      if (output.writableNeedDrain) await Promise.race([once(output, "drain"), once(output, "close")]);
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
