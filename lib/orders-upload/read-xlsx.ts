// The first sheet of a past-orders XLSX as rows of text cells, the same shape the browser reads a
// CSV into (./read-csv.ts), so one mapping serves both. Dates stored as dates come back as
// «dd.MM.yyyy HH:mm» wall time (Excel keeps no time zone), read in the organisation's zone later.
import ExcelJS from "exceljs";
import { ValidationError } from "@/lib/errors";

/** Rows read from one workbook: more should come as CSV or JSON lines (docs/orders-import.md). */
export const MAX_SHEET_ROWS = 100_000;

export async function readXlsx(bytes: ArrayBuffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch {
    throw new ValidationError("The file is not an XLSX workbook", { code: "orders_sheet_unreadable" });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ValidationError("The workbook has no sheet", { code: "orders_sheet_unreadable" });
  if (sheet.rowCount > MAX_SHEET_ROWS + 1) {
    throw new ValidationError(`The sheet has more than ${MAX_SHEET_ROWS} rows`, { code: "orders_sheet_too_long", params: { limit: MAX_SHEET_ROWS } });
  }
  const rows: string[][] = [];
  // Row numbers are kept: an empty row in the sheet stays an empty row, so line numbers match Excel's.
  for (let number = 1; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(textOf(row.getCell(column).value));
    rows.push(cells);
  }
  return rows;
}

function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return wallTime(value);
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("result" in value) return textOf(value.result as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  return "";
}

const two = (n: number) => String(n).padStart(2, "0");

/** Excel's dates are wall time stored as if UTC. */
function wallTime(date: Date): string {
  const day = `${two(date.getUTCDate())}.${two(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
  return date.getUTCHours() || date.getUTCMinutes() ? `${day} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}` : day;
}
