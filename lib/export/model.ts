// What every export writer takes: a document of titled sections, each a typed table and maybe a
// chart. Reports are turned into this once (report-layouts.ts); CSV, XLSX and PDF only render it.
import type { Locale } from "@/lib/format";

/**
 * How a cell is typed. money: a report's figure, a decimal string in `currency`, shown in whole
 * units; amount: one record's own amount (a deal's), shown to the kopeck (MONEY_DECIMALS); percent: a fraction (0.2345);
 * decimal: a number with a fraction (days, minutes); month: "YYYY-MM"; datetime: an instant (Date or ISO string) shown in the organisation's zone.
 */
/** `percent` and `points` both hold fractions: a share (0.235 = 23,5 %), or a rate's change (0.014 = +1,4 п.п.). */
export type CellType = "text" | "integer" | "money" | "amount" | "percent" | "points" | "decimal" | "month" | "datetime";

export type Column<R = Record<string, unknown>> = {
  key: string;
  header: string;
  /** Most columns have one type; the overview's "value" column depends on the KPI of the row. */
  type: CellType | ((row: R) => CellType);
  value: (row: R) => unknown;
  /** A column of money in another currency than the document's (the deals table's amount). */
  currency?: (row: R) => string;
};

export type ExportTable<R = Record<string, unknown>> = {
  columns: Column<R>[];
  rows: R[];
  /** The totals row, read through the same columns; the first column shows "Итого". */
  totals?: R;
};

export type ChartSeries = { name: string; values: (number | null)[] };
export type ChartSpec = {
  kind: "bars" | "lines" | "funnel" | "hbars";
  categories: string[];
  series: ChartSeries[];
  valueType: CellType;
};

export type Row = Record<string, unknown>;
export type ExportSection = { key: string; title: string; table: ExportTable; chart?: ChartSpec };

/** Lets each layout keep its own row type; the writers only read rows through the columns. */
export function defineTable<R>(table: ExportTable<R>): ExportTable {
  return table as unknown as ExportTable;
}

export type ExportDocument = {
  /** The slug that starts the file name: "sales-by-month", "dashboard-sales", "deals". */
  slug: string;
  title: string;
  locale: Locale;
  currency: string;
  timezone: string;
  /** Inclusive dates in the organisation's zone, "2025-01-01" … "2025-12-31". */
  period: { from: string; to: string } | null;
  /** [label, value] pairs of the filters that were set, already named for people. */
  filters: [string, string][];
  scope: string;
  exportedBy: string;
  exportedAt: Date;
  sections: ExportSection[];
};

export function cellTypeOf<R>(column: Column<R>, row: R): CellType {
  return typeof column.type === "function" ? column.type(row) : column.type;
}
