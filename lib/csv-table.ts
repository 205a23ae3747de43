// Reads a CSV file people made in Excel or by hand: Russian or English headers, `;` or `,` between
// fields (whichever the header line uses), quoted fields for values with the separator in them.
// Each importer names its columns; rows come back keyed by column with their line number.
import { parse } from "csv-parse/sync";
import type { ErrorCode } from "@/lib/error-codes";
import { ValidationError } from "@/lib/errors";

export type CsvRow<C extends string> = { line: number } & Partial<Record<C, string>>;

/**
 * `headers`: every header spelling accepted, folded to lower case without spaces, underscores or
 * hyphens; `required`: the columns the header line must name (`missing` gives the refusal's code and words).
 */
export function readCsvTable<C extends string>(text: string, headers: Record<string, C>, required: readonly C[], missing: (columns: C[]) => { code: ErrorCode; message: string; names: string }): CsvRow<C>[] {
  const body = text.replace(/^\uFEFF/, "");
  const headerLine = body.split(/\r?\n/, 1)[0] ?? "";
  // Whichever separator the header line uses more; headers never contain either.
  const delimiter = headerLine.split(";").length > headerLine.split(",").length ? ";" : ",";
  let records: string[][];
  try {
    records = parse(body, { delimiter, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    const details = (error as Error).message;
    throw new ValidationError(`The file is not readable CSV: ${details}`, { code: "csv_unreadable", params: { details } });
  }
  if (records.length === 0) throw new ValidationError("The file is empty", { code: "csv_empty" });
  const columns = records[0].map((header) => headers[header.toLocaleLowerCase("und").replace(/[\s_-]/g, "")] ?? null);
  const absent = required.filter((column) => !columns.includes(column));
  if (absent.length > 0) {
    const { code, message, names } = missing(absent);
    throw new ValidationError(message, { code, params: { columns: names } });
  }
  return records.slice(1).map((record, index) => {
    const row = { line: index + 2 } as CsvRow<C>;
    columns.forEach((column, position) => {
      if (column && record[position] !== undefined) (row as Record<string, string>)[column] = record[position];
    });
    return row;
  });
}
