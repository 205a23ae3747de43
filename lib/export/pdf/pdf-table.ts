// A table across as many pages as it needs, the header repeated on each, up to a page limit:
// past it the table stops with a note that the full table is in the Excel or CSV export.
import type { ExportMessages } from "@/lib/i18n/export-messages";
import { fill } from "@/lib/i18n/fill";
import { displayCell } from "../cells";
import { cellTypeOf, type CellType, type ExportDocument, type ExportTable, type Row } from "../model";
import { pdfLayout } from "./pdf-layout";

type Pdf = PDFKit.PDFDocument;

/** Documented in docs/exports.md: a table longer than this many pages stops there. */
export const PDF_TABLE_PAGE_LIMIT = 30;

const ROW_HEIGHT = 14;
const HEADER_HEIGHT = 30;
/** The space above a value in its row, and below a header's last line. */
const CELL_PADDING = 3.5;
/** A longer header is cut with "…" on its third line. */
const HEADER_LINES = 3;

function fit(pdf: Pdf, text: string, width: number): string {
  if (pdf.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && pdf.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

const alignOf = (type: CellType) => (type === "text" || type === "month" || type === "datetime" ? "left" : "right");

/**
 * Numbers and dates get the room their widest sample needs; text columns share what is left in
 * proportion to their own content, so amounts are never cut while long titles are.
 */
function columnWidths(pdf: Pdf, table: ExportTable, doc: ExportDocument, width: number): number[] {
  const sample = table.rows.slice(0, 100).concat(table.totals ? [table.totals] : []);
  pdf.font("regular").fontSize(7);
  const natural = table.columns.map((column) => {
    const longestWord = Math.max(...column.header.split(/\s+/).map((word) => pdf.widthOfString(word)));
    const values = sample.map((row) => pdf.widthOfString(displayCell(cellTypeOf(column, row), column.value(row), doc.locale, column.currency?.(row) ?? doc.currency, doc.timezone)));
    return Math.max(longestWord, ...values, 20) + 8;
  });
  const isText = table.columns.map((column) => column.type === "text");
  const fixed = natural.reduce((sum, w, index) => sum + (isText[index] ? 0 : w), 0);
  const flexible = natural.reduce((sum, w, index) => sum + (isText[index] ? w : 0), 0);
  if (fixed + flexible <= width) return natural.map((w) => (w / (fixed + flexible)) * width);
  if (fixed >= width * 0.8) return natural.map((w) => (w / (fixed + flexible)) * width);
  return natural.map((w, index) => (isText[index] ? (w / flexible) * (width - fixed) : w));
}

/** `totalRows`: when the caller read only the first rows of a longer table (the deals export). */
export function drawTable(pdf: Pdf, table: ExportTable, doc: ExportDocument, t: ExportMessages, totalRows = table.rows.length): void {
  const { left, width, bottom } = pdfLayout(pdf);
  const widths = columnWidths(pdf, table, doc, width);
  const startPage = pdf.bufferedPageRange().count;
  let y = pdf.y;

  const header = () => {
    pdf.rect(left, y, width, HEADER_HEIGHT).fill("#f1f5f9");
    pdf.font("bold").fontSize(7).fillColor("#0f172a");
    let x = left;
    table.columns.forEach((column, index) => {
      // Bottom-aligned, as spreadsheets head numbers: a one-line header sits on the same line as the
      // last line of a two-line one, right above its column's values, with a cell's padding below.
      const options = { width: widths[index] - 6, align: typeof column.type === "function" ? "right" : alignOf(column.type) } as const;
      const lineHeight = pdf.currentLineHeight(true);
      const lines = Math.min(Math.round(pdf.heightOfString(column.header, options) / lineHeight), HEADER_LINES);
      pdf.text(column.header, x + 3, y + HEADER_HEIGHT - CELL_PADDING - lines * lineHeight, { ...options, height: lines * lineHeight, ellipsis: true });
      x += widths[index];
    });
    y += HEADER_HEIGHT;
    pdf.font("regular");
  };

  const line = (row: Row, isTotal: boolean) => {
    pdf.font(isTotal ? "bold" : "regular").fontSize(7).fillColor("#0f172a");
    let x = left;
    table.columns.forEach((column, index) => {
      const type = cellTypeOf(column, row);
      const text = isTotal && index === 0 ? t.total : displayCell(type, column.value(row), doc.locale, column.currency?.(row) ?? doc.currency, doc.timezone);
      pdf.text(fit(pdf, text, widths[index] - 6), x + 3, y + CELL_PADDING, { width: widths[index] - 6, align: alignOf(type), lineBreak: false });
      x += widths[index];
    });
    pdf.moveTo(left, y + ROW_HEIGHT).lineTo(left + width, y + ROW_HEIGHT).lineWidth(0.3).strokeColor("#e2e8f0").stroke();
    y += ROW_HEIGHT;
  };

  if (y + HEADER_HEIGHT + ROW_HEIGHT * 2 > bottom) {
    pdf.addPage();
    y = pdf.y;
  }
  header();
  if (table.rows.length === 0) {
    pdf.fontSize(8).fillColor("#64748b").text(t.emptyTable, left, y + 4, { width });
    y = pdf.y;
  }
  const rows: [Row, boolean][] = [...table.rows.map((row) => [row, false] as [Row, boolean]), ...(table.totals ? [[table.totals, true] as [Row, boolean]] : [])];
  let shown = 0;
  for (const [row, isTotal] of rows) {
    if (y + ROW_HEIGHT > bottom) {
      const pagesUsed = pdf.bufferedPageRange().count - startPage + 1;
      if (pagesUsed >= PDF_TABLE_PAGE_LIMIT) {
        pdf.addPage();
        y = pdf.y;
        break;
      }
      pdf.addPage();
      y = pdf.y;
      header();
    }
    line(row, isTotal);
    if (!isTotal) shown++;
  }
  if (shown < totalRows) {
    const note = fill(t.pdfTruncated, { pages: PDF_TABLE_PAGE_LIMIT, shown, total: totalRows });
    pdf.font("bold").fontSize(8).fillColor("#b45309").text(note, left, y + 6, { width });
    pdf.font("regular");
    y = pdf.y;
  }
  pdf.x = left;
  pdf.y = y + 10;
}
