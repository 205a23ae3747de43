// CSV of one table: a BOM so Excel reads UTF-8 Cyrillic, `;` and a decimal comma for Russian,
// `,` and a dot for English, one header row, and a totals row when the report has totals.
import type { Locale } from "@/lib/format";
import { csvCell, type CsvNumberStyle } from "./cells";
import { cellTypeOf, type Column, type ExportTable, type Row } from "./model";

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

/**
 * Writes records as RFC 4180 lines ending in CRLF: a field is quoted when it holds a quote, the
 * delimiter or a line break, and its quotes are doubled (csv-stringify's defaults, written by hand
 * because a million-row export spent half its time in the library).
 */
export function csvLineWriter(delimiter: CsvStyle["delimiter"]): (fields: string[]) => string {
  const needsQuotes = delimiter === ";" ? /[";\r\n]/ : /[",\r\n]/;
  const field = (value: string) => (needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
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
