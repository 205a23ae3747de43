// Reads an ad-spend CSV file (lib/csv-table.ts). Columns: docs/traffic.md.
import { readCsvTable } from "@/lib/csv-table";
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
  return readCsvTable(text, HEADERS, REQUIRED, (missing) => {
    const names = missing.map((column) => (column === "day" ? "date" : column)).join(", ");
    return { code: "csv_missing_columns", message: `The header line must name the columns date, team and amount (or дата, команда, сумма); missing: ${names}`, names };
  });
}
