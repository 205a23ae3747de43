// How each report's JSON result becomes export sections: which columns, in which order and type,
// and which chart the PDF draws. One entry per report in lib/reports/registry.ts.
import type { Locale } from "@/lib/format";
import type { ExportMessages } from "@/lib/i18n/export-messages";
import type { LeadConversionFigures, LeadConversionResult } from "@/lib/reports/lead-conversion";
import type { LeadSourceRow, LeadsBySourceResult } from "@/lib/reports/leads-by-source";
import type { OverviewResult, OverviewRow } from "@/lib/reports/overview-kpis";
import type { ManagerPlanRow, ManagersWithPlan, SalesWithPlan } from "@/lib/plans/report-plans";
import type { PlanProgress } from "@/lib/plans/progress";
import type { SalesByMonthRow } from "@/lib/reports/sales-by-month";
import type { SalesFunnelResult, SalesFunnelRow } from "@/lib/reports/sales-funnel";
import type { BacktestRow, ForecastResult, ForecastRow } from "@/lib/reports/revenue-forecast";
import { chartMonth } from "./chart-month";
import { defineTable, type CellType, type Column, type ExportSection } from "./model";
import { trafficTeamsLayout, trafficTitles } from "./traffic-layout";
import { conversationsLayout, conversationsTitles } from "./conversations-layout";

type Texts = { t: ExportMessages; locale: Locale };
type Layout = (result: unknown, texts: Texts) => ExportSection[];

/** A column that shows the row's field of the same name under the report's header for it. */
function field<R>(t: ExportMessages, key: keyof ExportMessages["columns"] & keyof R, type: CellType): Column<R> {
  return { key, header: t.columns[key], type, value: (row) => row[key] };
}

const num = (value: string | number | null) => (value === null ? null : Number(value));

/** The plan columns of a row that carries its plan (null: none set — empty cells). */
function planColumns<R extends { plan: PlanProgress | null }>(t: ExportMessages): Column<R>[] {
  const of = (key: "planRevenue" | "factRevenue" | "revenueDone" | "projectedRevenue" | "planWonDeals" | "factWonDeals" | "wonDealsDone" | "projectedWonDeals", type: CellType): Column<R> => ({
    key,
    header: t.columns[key],
    type,
    value: (row) => row.plan?.[key] ?? null,
  });
  return [
    of("planRevenue", "money"),
    of("factRevenue", "money"),
    of("revenueDone", "percent"),
    of("projectedRevenue", "money"),
    of("planWonDeals", "integer"),
    of("factWonDeals", "integer"),
    of("wonDealsDone", "percent"),
    of("projectedWonDeals", "decimal"),
  ];
}

/** The Sales dashboard's plan card as a one-row table: the plan month, then plan, fact, % done and projection. */
function planSection(t: ExportMessages, planMonth: string, plan: PlanProgress): ExportSection {
  const table = defineTable<{ planMonth: string; plan: PlanProgress }>({
    columns: [{ key: "planMonth", header: t.columns.planMonth, type: "month", value: (row) => row.planMonth }, ...planColumns(t)],
    rows: [{ planMonth, plan }],
  });
  return { key: "plan", title: t.sections.plan, table };
}

function salesByMonth(result: unknown, { t, locale }: Texts): ExportSection[] {
  const { rows, totals, planMonth, plan } = result as SalesWithPlan;
  const f = (key: keyof SalesByMonthRow & keyof ExportMessages["columns"], type: CellType) => field<SalesByMonthRow>(t, key, type);
  const table = defineTable<SalesByMonthRow>({
    columns: [f("month", "month"), f("wonCount", "integer"), f("wonAmount", "money"), f("averageAmount", "money"), f("previousYearWonAmount", "money")],
    rows,
    totals: { month: "", ...totals },
  });
  const chart = {
    kind: "bars" as const,
    categories: rows.map((row) => chartMonth(row.month, locale)),
    series: [
      { name: t.columns.wonAmount, values: rows.map((row) => num(row.wonAmount)) },
      { name: t.columns.previousYearWonAmount, values: rows.map((row) => num(row.previousYearWonAmount)) },
    ],
    valueType: "money" as const,
  };
  // The plan section only when a plan covers the view: a file without plans keeps its one table.
  return [{ key: "rows", title: t.reports["sales-by-month"], table, chart }, ...(plan ? [planSection(t, planMonth, plan)] : [])];
}

const semanticOrder = { open: 0, won: 1, lost: 2 } as const;

function salesFunnel(result: unknown, { t }: Texts): ExportSection[] {
  const { rows } = result as SalesFunnelResult;
  const pipelineIds = [...new Set(rows.map((row) => row.pipelineId))];
  const f = (key: keyof SalesFunnelRow & keyof ExportMessages["columns"], type: CellType) => field<SalesFunnelRow>(t, key, type);
  const columns: Column<SalesFunnelRow>[] = [
    f("pipelineName", "text"),
    f("stageName", "text"),
    { key: "semantic", header: t.columns.semantic, type: "text", value: (row) => t.semantic[row.semantic] },
    f("currentCount", "integer"),
    f("currentAmount", "money"),
    f("reachedCount", "integer"),
    f("conversionFromPrevious", "percent"),
    f("conversionFromFirst", "percent"),
    f("averageDaysInStage", "decimal"),
  ];
  // An organisation without pipelines still gets a (header-only) table rather than no file.
  if (pipelineIds.length === 0) return [{ key: "rows", title: t.reports["sales-funnel"], table: defineTable({ columns, rows: [] }) }];
  // A section per pipeline, as on the dashboard: open stages in order, then won, then lost.
  return pipelineIds.map((pipelineId) => {
    const stages = rows
      .filter((row) => row.pipelineId === pipelineId)
      .sort((a, b) => semanticOrder[a.semantic] - semanticOrder[b.semantic] || a.position - b.position);
    const passed = stages.filter((row) => row.semantic !== "lost");
    return {
      key: `pipeline-${pipelineId}`,
      title: `${t.reports["sales-funnel"]}: ${stages[0].pipelineName}`,
      table: defineTable({ columns, rows: stages }),
      chart: { kind: "funnel", categories: passed.map((row) => row.stageName), series: [{ name: t.columns.reachedCount, values: passed.map((row) => row.reachedCount) }], valueType: "integer" },
    };
  });
}

function managerActivity(result: unknown, { t }: Texts): ExportSection[] {
  const { rows, totals, planMonth } = result as ManagersWithPlan;
  const f = (key: keyof ManagerPlanRow & keyof ExportMessages["columns"], type: CellType) => field<ManagerPlanRow>(t, key, type);
  const name = (row: ManagerPlanRow) => row.managerName ?? t.noManager;
  const table = defineTable<ManagerPlanRow>({
    columns: [
      { key: "managerName", header: t.columns.managerName, type: "text", value: name },
      f("calls", "integer"),
      f("emails", "integer"),
      f("meetings", "integer"),
      f("tasks", "integer"),
      f("activitiesTotal", "integer"),
      f("callMinutes", "decimal"),
      f("dealsCreated", "integer"),
      f("dealsWon", "integer"),
      f("wonAmount", "money"),
      f("winRate", "percent"),
      f("medianTouchesPerWonDeal", "decimal"),
      f("medianDaysToClose", "decimal"),
      // the plan month's plan and fact (its month is in the file's plan section and docs/plans.md)
      ...planColumns<ManagerPlanRow>(t),
    ],
    rows,
    totals: { managerId: null, managerName: "", accounts: [], ...totals },
  });
  const chart = { kind: "hbars" as const, categories: rows.map(name), series: [{ name: t.columns.wonAmount, values: rows.map((row) => num(row.wonAmount)) }], valueType: "money" as const };
  return [{ key: "rows", title: t.reports["manager-activity"], table, chart }, ...(totals.plan ? [planSection(t, planMonth, totals.plan)] : [])];
}

function sourceTable(t: ExportMessages, rows: LeadSourceRow[], totals?: LeadsBySourceResult["totals"]) {
  const f = (key: keyof LeadSourceRow & keyof ExportMessages["columns"], type: CellType) => field<LeadSourceRow>(t, key, type);
  return defineTable<LeadSourceRow>({
    columns: [
      { key: "sourceName", header: t.columns.sourceName, type: "text", value: (row) => row.sourceName ?? row.source ?? t.notSet },
      f("leads", "integer"),
      f("share", "percent"),
      f("converted", "integer"),
      f("conversionRate", "percent"),
    ],
    rows,
    totals: totals && { source: "", sourceName: "", share: null, ...totals },
  });
}

function leadsBySource(result: unknown, { t }: Texts): ExportSection[] {
  const { rows, byUtmSource, totals } = result as LeadsBySourceResult;
  const chart = (list: LeadSourceRow[]) => ({
    kind: "hbars" as const,
    categories: list.map((row) => row.sourceName ?? row.source ?? t.notSet),
    series: [{ name: t.columns.leads, values: list.map((row) => row.leads) }],
    valueType: "integer" as const,
  });
  return [
    { key: "rows", title: t.reports["leads-by-source"], table: sourceTable(t, rows, totals), chart: chart(rows) },
    { key: "byUtmSource", title: t.sections.byUtmSource, table: sourceTable(t, byUtmSource, totals), chart: chart(byUtmSource) },
  ];
}

function conversionColumns<R extends LeadConversionFigures>(t: ExportMessages, first: Column<R>): Column<R>[] {
  return [first, field<R>(t, "leads", "integer"), field<R>(t, "converted", "integer"), field<R>(t, "conversionRate", "percent"), field<R>(t, "medianDaysToConvert", "decimal")];
}

function leadConversion(result: unknown, { t, locale }: Texts): ExportSection[] {
  const { byMonth, bySource, byManager, totals } = result as LeadConversionResult;
  return [
    {
      key: "byMonth",
      title: t.sections.byMonth,
      table: defineTable({ columns: conversionColumns(t, { key: "month", header: t.columns.month, type: "month", value: (row: (typeof byMonth)[number]) => row.month }), rows: byMonth, totals: { month: "", ...totals } }),
      chart: {
        kind: "lines",
        categories: byMonth.map((row) => chartMonth(row.month, locale)),
        series: [{ name: t.columns.conversionRate, values: byMonth.map((row) => row.conversionRate) }],
        valueType: "percent",
      },
    },
    {
      key: "bySource",
      title: t.sections.bySource,
      table: defineTable({
        columns: conversionColumns(t, { key: "sourceName", header: t.columns.sourceName, type: "text", value: (row: (typeof bySource)[number]) => row.sourceName ?? row.source ?? t.notSet }),
        rows: bySource,
        totals: { source: "", sourceName: "", ...totals },
      }),
    },
    {
      key: "byManager",
      title: t.sections.byManager,
      table: defineTable({
        columns: conversionColumns(t, { key: "managerName", header: t.columns.managerName, type: "text", value: (row: (typeof byManager)[number]) => row.managerName ?? t.noManager }),
        rows: byManager,
        totals: { managerId: null, managerName: "", ...totals },
      }),
    },
  ];
}

const kpiTypes: Record<OverviewRow["kpi"], CellType> = {
  revenue: "money",
  wonDeals: "integer",
  winRate: "percent",
  averageDeal: "money",
  averageSalesCycleDays: "decimal",
  newLeads: "integer",
  leadConversion: "percent",
};

function overview(result: unknown, { t, locale }: Texts): ExportSection[] {
  const { rows, sparkline } = result as OverviewResult;
  const kpiType = (row: OverviewRow) => kpiTypes[row.kpi];
  const table = defineTable<OverviewRow>({
    columns: [
      { key: "kpi", header: t.columns.kpi, type: "text", value: (row) => t.kpis[row.kpi] },
      { key: "value", header: t.columns.value, type: kpiType, value: (row) => row.value },
      { key: "previousValue", header: t.columns.previousValue, type: kpiType, value: (row) => row.previousValue },
      // a rate moves in percentage points, an amount or a count in percent (the KPI cards' rule)
      { key: "change", header: t.columns.change, type: (row) => (row.changeKind === "points" ? "points" : "percent"), value: (row) => row.change },
    ],
    rows,
  });
  const trend = defineTable<OverviewResult["sparkline"][number]>({
    columns: [
      { key: "month", header: t.columns.month, type: "month", value: (row) => row.month },
      { key: "revenue", header: t.columns.revenue, type: "money", value: (row) => row.revenue },
    ],
    rows: sparkline,
  });
  return [
    { key: "rows", title: t.reports.overview, table },
    {
      key: "sparkline",
      title: t.sections.sparkline,
      table: trend,
      chart: { kind: "lines", categories: sparkline.map((row) => chartMonth(row.month, locale)), series: [{ name: t.columns.revenue, values: sparkline.map((row) => num(row.revenue)) }], valueType: "money" },
    },
  ];
}

/** The forecast: months with actual, forecast and both bands (a line each in the PDF), then the backtest. */
function forecast(result: unknown, { t, locale }: Texts): ExportSection[] {
  const { rows, backtest } = result as ForecastResult;
  const f = (key: keyof ForecastRow & keyof ExportMessages["columns"], type: CellType) => field<ForecastRow>(t, key, type);
  const table = defineTable<ForecastRow>({
    columns: [f("month", "month"), f("actual", "money"), f("forecast", "money"), f("low80", "money"), f("high80", "money"), f("low95", "money"), f("high95", "money"), f("pipeline", "money")],
    rows,
  });
  const series = (key: "actual" | "forecast" | "low95" | "high95") => ({ name: t.columns[key], values: rows.map((row) => num(row[key])) });
  const chart = { kind: "lines" as const, categories: rows.map((row) => chartMonth(row.month, locale)), series: [series("actual"), series("forecast"), series("low95"), series("high95")], valueType: "money" as const };
  const b = (key: keyof BacktestRow & keyof ExportMessages["columns"], type: CellType) => field<BacktestRow>(t, key, type);
  const yesNo = (key: "held80" | "held95"): Column<BacktestRow> => ({ key, header: t.columns[key], type: "text", value: (row) => (row[key] ? t.yes : t.no) });
  const tested = defineTable<BacktestRow>({
    columns: [b("month", "month"), b("actual", "money"), b("forecast", "money"), b("low80", "money"), b("high80", "money"), yesNo("held80"), b("low95", "money"), b("high95", "money"), yesNo("held95")],
    rows: backtest.rows,
  });
  return [
    { key: "rows", title: t.reports.forecast, table, chart },
    { key: "backtest", title: t.sections.backtest, table: tested },
  ];
}

const layouts: Record<string, Layout> = {
  forecast,
  overview,
  "sales-by-month": salesByMonth,
  "sales-funnel": salesFunnel,
  "manager-activity": managerActivity,
  "leads-by-source": leadsBySource,
  "lead-conversion": leadConversion,
  "traffic-teams": trafficTeamsLayout,
  conversations: conversationsLayout,
};

/** The sections of a report's export; a report without a layout is a programming error, not a 404. */
export function reportSections(reportName: string, result: unknown, texts: Texts): ExportSection[] {
  const layout = layouts[reportName];
  if (!layout) throw new Error(`No export layout for report "${reportName}"`);
  return layout(result, texts);
}

export function reportTitle(reportName: string, t: ExportMessages, locale: Locale): string {
  if (reportName === "traffic-teams") return trafficTitles(locale).report; // its texts live with the traffic pages'
  if (reportName === "conversations") return conversationsTitles(locale).report;
  return (t.reports as Record<string, string>)[reportName] ?? reportName;
}
