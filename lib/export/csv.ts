// CSV of one table: a BOM so Excel reads UTF-8 Cyrillic, `;` and a decimal comma for Russian,
// `,` and a dot for English, one header row, and a totals row when the report has totals.
import type { Locale } from "@/lib/format";
import { csvCell, localDateTime, neutraliseFormula, type CsvNumberStyle, type Instant } from "./cells";
import { cellTypeOf, type CellType, type Column, type ExportTable, type Row } from "./model";

export const BOM = "\uFEFF";

export type CsvStyle = CsvNumberStyle & { delimiter: ";" | "," };

export function csvStyleFor(locale: Locale, override?: { delimiter?: string; decimal?: string }): CsvStyle {
  const base: CsvStyle = locale === "ru" ? { delimiter: ";", decimal: "," } : { delimiter: ",", decimal: "." };
  const delimiter = override?.delimiter === ";" || override?.delimiter === "," ? override.delimiter : base.delimiter;
  // A decimal comma inside a comma-separated file would still be quoted, but a dot is what people expect.
  const decimal = override?.decimal === "," || override?.decimal === "." ? override.decimal : base.decimal;
  return { delimiter, decimal };
}

export function csvRecord(columns: Column<Row>[], row: Row, style: CsvStyle, timeZone: string): string[] {
  return columns.map((column) => csvCell(cellTypeOf(column, row), column.value(row), style, timeZone));
}

const exactCents = /^-?\d{1,13}\.\d\d$/;

/**
 * `csvCell` of one type, built once for a column: a million-row export calls it fifteen million
 * times, so the common types skip the per-call dispatch (the same text: deals/csv-writers.test.ts).
 */
export function csvCellWriter(type: CellType, style: CsvStyle, timeZone: string): (value: unknown) => string {
  switch (type) {
    case "text":
      return (value) => (value === null || value === undefined ? "" : neutraliseFormula(String(value)));
    case "datetime":
      return (value) => (value === null || value === undefined ? "" : localDateTime(value as Instant, timeZone));
    case "money":
    case "amount": {
      // numeric(18,2) text of up to 15 digits is already what `toFixed(2)` of its number writes.
      const fixed = (value: unknown) => (typeof value === "string" && exactCents.test(value) ? value : Number(value).toFixed(2));
      return style.decimal === ","
        ? (value) => (value === null || value === undefined ? "" : fixed(value).replace(".", ","))
        : (value) => (value === null || value === undefined ? "" : fixed(value));
    }
    default:
      return (value) => csvCell(type, value, style, timeZone);
  }
}

/**
 * One field as csv-stringify's defaults write it: quoted when it holds a quote, the delimiter or a
 * line break, its quotes doubled (written by hand: a million-row export spent half its time in the
 * library).
 */
export function csvFieldWriter(delimiter: CsvStyle["delimiter"]): (value: string) => string {
  const needsQuotes = delimiter === ";" ? /[";\r\n]/ : /[",\r\n]/;
  return (value) => (needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
}

/** Records as RFC 4180 lines ending in CRLF. */
export function csvLineWriter(delimiter: CsvStyle["delimiter"]): (fields: string[]) => string {
  const field = csvFieldWriter(delimiter);
  return (fields) => {
    let line = field(fields[0] ?? "");
    for (let i = 1; i < fields.length; i++) line += delimiter + field(fields[i]);
    return line + "\r\n";
  };
}

export function tableToCsv(table: ExportTable, style: CsvStyle, timeZone: string, totalLabel: string): string {
  const line = csvLineWriter(style.delimiter);
  let text = BOM + line(table.columns.map((column) => column.header));
  for (const row of table.rows) text += line(csvRecord(table.columns, row, style, timeZone));
  if (table.totals) {
    const totals = csvRecord(table.columns, table.totals, style, timeZone);
    totals[0] = totalLabel;
    text += line(totals);
  }
  return text;
}
