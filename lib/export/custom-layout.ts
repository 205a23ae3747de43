// A built report (lib/reports/builder) as an export section: a column per dimension, then per
// measure, typed as the builder page writes them — money to the kopeck, ratios as percentages, call
// minutes and days with one decimal — the totals row, and a chart of the first measure along one dimension.
import type { Locale } from "@/lib/format";
import { builderMessages } from "@/lib/i18n/builder-messages";
import { MEASURE_KIND, type Dimension, type Measure, type MeasureKind } from "@/lib/reports/builder/catalogue";
import type { CustomReportAnswer, CustomReportRow } from "@/lib/reports/builder/run-custom-report";
import { chartMonth } from "./chart-month";
import { defineTable, type CellType, type ChartSpec, type Column, type ExportSection } from "./model";

const cellOf: Record<MeasureKind, CellType> = { money: "amount", count: "integer", ratio: "percent", decimal: "decimal" };

/** "Конструктор отчётов: Выручка (выигранные), Выигранные сделки — Месяц × Менеджер". */
export function customReportTitle(answer: Pick<CustomReportAnswer, "measures" | "dimensions">, locale: Locale): string {
  const t = builderMessages[locale];
  const cut = answer.dimensions.length ? ` — ${answer.dimensions.map((d) => t.dimensions[d]).join(" × ")}` : "";
  return `${t.title}: ${answer.measures.map((m) => t.measures[m]).join(", ")}${cut}`;
}

export function customReportSections(answer: CustomReportAnswer, locale: Locale): ExportSection[] {
  const t = builderMessages[locale];
  const keyText = (dimension: Dimension, label: string | null) => label ?? (dimension === "trafficTeam" ? t.unattributed : t.notSet);
  const dimensionColumns = answer.dimensions.map(
    (dimension, i): Column<CustomReportRow> => ({
      key: dimension,
      header: t.dimensions[dimension],
      // A month stays "2025-03" in CSV and Excel and reads "март 2025" in the PDF.
      type: dimension === "month" ? "month" : "text",
      value: (row) => (dimension === "month" ? row.keys[i] : keyText(dimension, row.labels[i])),
    }),
  );
  const measureColumns = answer.measures.map((measure): Column<CustomReportRow> => ({ key: measure, header: t.measures[measure], type: cellOf[MEASURE_KIND[measure]], value: (row) => row.values[measure] ?? null }));
  const totalsRow: CustomReportRow = { keys: answer.dimensions.map(() => null), labels: answer.dimensions.map(() => ""), values: answer.totals };
  // Without a dimension the report is its totals: one row, not a "Итого" line over nothing.
  const table = defineTable<CustomReportRow>({
    columns: [...dimensionColumns, ...measureColumns],
    rows: answer.dimensions.length ? answer.rows : [totalsRow],
    ...(answer.dimensions.length ? { totals: totalsRow } : {}),
  });
  return [{ key: "rows", title: customReportTitle(answer, locale), table, ...chartOf(answer, measureColumns[0], dimensionColumns[0], locale) }];
}

/** Bars (a line for line and area charts) of the first measure along the only dimension; none for a table, a pivot or no cut. */
function chartOf(answer: CustomReportAnswer, measure: Column<CustomReportRow>, dimension: Column<CustomReportRow> | undefined, locale: Locale): { chart?: ChartSpec } {
  if (answer.dimensions.length !== 1 || !dimension || answer.chart === "table" || answer.rows.length === 0) return {};
  const first = answer.measures[0] as Measure;
  const name = (row: CustomReportRow) => (answer.dimensions[0] === "month" && row.keys[0] ? chartMonth(row.keys[0], locale) : String(dimension.value(row)));
  return {
    chart: {
      kind: answer.chart === "line" || answer.chart === "area" ? "lines" : "bars",
      categories: answer.rows.map(name),
      series: [{ name: measure.header, values: answer.rows.map((row) => (row.values[first] === null || row.values[first] === undefined ? null : Number(row.values[first]))) }],
      valueType: measure.type as CellType,
    },
  };
}
