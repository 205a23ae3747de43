// A deals sheet's rows as the XML exceljs' streaming writer renders them (row-xform.js and
// cell-xform.js of exceljs 4.4), written here in one string per batch: per cell exceljs builds a
// Cell, a Value, a model and a style lookup, which made a 100,000-row workbook three times slower
// than the zip it ends in. The same XML (xlsx-row-xml.test.ts compares it with exceljs' own),
// with each style id looked up once per column and type through exceljs' style registry.
import type { XlsxValue } from "../xlsx-cells";

/** The part of exceljs' style registry (workbook.styles of a WorkbookWriter) that gives a cell its style id. */
export type StyleRegistry = { addStyleModel: (style: { numFmt?: string }, cellType?: number) => number };

/** exceljs' ValueType numbers (doc/enums.js). */
export const valueType = { Null: 0, Number: 2, String: 3, Date: 4 } as const;

const encodeNeeded = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/;

/** exceljs' xmlEncode (utils.js): the five entities, and control characters XML cannot hold dropped. */
export function xmlEncode(text: string): string {
  if (!encodeNeeded.test(text)) return text;
  let result = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) result += "&quot;";
    else if (code === 38) result += "&amp;";
    else if (code === 39) result += "&apos;";
    else if (code === 60) result += "&lt;";
    else if (code === 62) result += "&gt;";
    else if (code === 127 || (code <= 31 && (code <= 8 || (code >= 11 && code !== 13)))) continue;
    else result += text[i];
  }
  return result;
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Excel's serial day number of a date, as exceljs' dateToExcel computes it. */
const excelDate = (date: Date) => 25569 + date.getTime() / (24 * 3600 * 1000);

/**
 * A sheet's cell styles: the style id of a cell by its column, value type and number format, asked
 * of the registry the first time a (column, type, format) appears — in the order exceljs would ask
 * — and reused after; and what every row's opening tag carries after its number.
 */
export function sheetStyles(styles: StyleRegistry, columnCount: number) {
  const styleIds = new Map<string, number>();
  // The last (format, id) per column and type: a column's format rarely changes from row to row.
  const last = Array.from({ length: columnCount }, () => new Map<number, { format: string | undefined; id: number }>());
  const styleId = (column: number, type: number, format: string | undefined) => {
    const previous = last[column].get(type);
    if (previous && previous.format === format) return previous.id;
    const key = `${column}|${type}|${format ?? ""}`;
    let id = styleIds.get(key);
    if (id === undefined) {
      id = styles.addStyleModel(format ? { numFmt: format } : {}, type);
      styleIds.set(key, id);
    }
    last[column].set(type, { format, id });
    return id;
  };
  const rowStyle = styles.addStyleModel({});
  const rowAttributes = `" spans="1:${columnCount}"${rowStyle ? ` s="${rowStyle}" customFormat="1"` : ""} x14ac:dyDescent="0.25">`;
  return { styleId, rowAttributes, letters: Array.from({ length: columnCount }, (_, index) => columnLetters(index + 1)) };
}

/** A value's exceljs type. */
export const valueTypeOf = (value: XlsxValue) =>
  value === null ? valueType.Null : typeof value === "number" ? valueType.Number : typeof value === "string" ? valueType.String : valueType.Date;

/**
 * Writes rows of cells given as their type and text — a string as it is (escaped here), a number
 * or a serial date as the text of its `<v>` — with `formatOf(column, row)` the cell's number format
 * (a column's own, or per row, as the deal's currency).
 */
export function xlsxRowWriter<R>(styles: StyleRegistry, columnCount: number, formatOf: (column: number, row: R) => string | undefined) {
  const { styleId, rowAttributes, letters } = sheetStyles(styles, columnCount);
  return (number: number, types: number[], texts: (string | null)[], row: R): string => {
    let xml = `<row r="${number}${rowAttributes}`;
    for (let column = 0; column < columnCount; column++) {
      const type = types[column];
      const id = styleId(column, type, formatOf(column, row));
      if (type === valueType.Null && !id) continue;
      xml += `<c r="${letters[column]}${number}"${id ? ` s="${id}"` : ""}`;
      if (type === valueType.Null) xml += "/>";
      else if (type === valueType.String) xml += ` t="str"><v>${xmlEncode(texts[column]!)}</v></c>`;
      else xml += `><v>${texts[column]}</v></c>`;
    }
    return xml + "</row>";
  };
}

/** Renders rows of cell values (numbers, dates, strings, null) through `xlsxRowWriter`. */
export function xlsxRowRenderer<R>(styles: StyleRegistry, columnCount: number, formatOf: (column: number, row: R) => string | undefined) {
  const write = xlsxRowWriter(styles, columnCount, formatOf);
  const types = new Array<number>(columnCount);
  const texts = new Array<string | null>(columnCount);
  return (number: number, values: XlsxValue[], row: R): string => {
    for (let column = 0; column < columnCount; column++) {
      const value = values[column];
      const type = valueTypeOf(value);
      types[column] = type;
      texts[column] = type === valueType.Null ? null : type === valueType.String ? (value as string) : type === valueType.Number ? `${value}` : `${excelDate(value as Date)}`;
    }
    return write(number, types, texts, row);
  };
}
