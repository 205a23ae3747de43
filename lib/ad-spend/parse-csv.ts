// Reads an ad-spend CSV file: Russian or English headers, `;` or `,` between fields (whichever the
// header line uses), quoted fields for values with the separator in them. Columns: docs/traffic.md.
import { parse } from "csv-parse/sync";
import { ValidationError } from "@/lib/errors";
import type { RawSpendRow } from "./validate";

type Column = Exclude<keyof RawSpendRow, "line">;

/** Every header spelling we accept, folded to lower case without spaces or underscores. */
const HEADERS: Record<string, Column> = {
  date: "day", day: "day", дата: "day", день: "day",
  team: "team", команда: "team", таргетолог: "team",
  source: "source", utmsource: "source", источник: "source",
  campaign: "campaign", utmcampaign: "campaign", кампания: "campaign",
  amount: "amount", spend: "amount", сумма: "amount", расход: "amount",
  currency: "currency", валюта: "currency",
};
const REQUIRED: Column[] = ["day", "team", "amount"];

export function parseSpendCsv(text: string): RawSpendRow[] {
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
  const columns = records[0].map((header) => HEADERS[header.toLocaleLowerCase("und").replace(/[\s_]/g, "")] ?? null);
  const missing = REQUIRED.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    const names = missing.map((column) => (column === "day" ? "date" : column)).join(", ");
    throw new ValidationError(`The header line must name the columns date, team and amount (or дата, команда, сумма); missing: ${names}`, { code: "csv_missing_columns", params: { columns: names } });
  }
  return records.slice(1).map((record, index) => {
    const row: RawSpendRow = { line: index + 2 };
    columns.forEach((column, position) => {
      if (column && record[position] !== undefined) row[column] = record[position];
    });
    return row;
  });
}
