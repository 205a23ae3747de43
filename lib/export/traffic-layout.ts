// How the traffic-teams report becomes export sections: the teams with the Unattributed row and the
// teams' totals, then the months, utm_sources and utm_campaigns of each team. Headers the other
// reports share (leads, revenue, conversion, month) come from the export texts, the rest from the
// traffic texts; spend is headed "allocated" for a director or a manager, as on the dashboard.
import type { Locale } from "@/lib/format";
import type { ExportMessages } from "@/lib/i18n/export-messages";
import { trafficMessages } from "@/lib/i18n/traffic-messages";
import type { TrafficFigures, TrafficTeamsResult } from "@/lib/reports/traffic-teams";
import { chartMonth } from "./chart-month";
import { defineTable, type ChartSpec, type Column, type ExportSection } from "./model";

type Texts = { t: ExportMessages; locale: Locale };

/** The title of the report and of its dashboard, in the export's language. */
export const trafficTitles = (locale: Locale) => ({ report: trafficMessages[locale].report.title, dashboard: trafficMessages[locale].report.dashboard });

function figureColumns<R extends TrafficFigures>(t: ExportMessages, locale: Locale, isAllocated: boolean): Column<R>[] {
  const c = trafficMessages[locale].report.columns;
  return [
    { key: "leads", header: t.columns.leads, type: "integer", value: (row) => row.leads },
    { key: "wonDeals", header: c.wonDeals, type: "integer", value: (row) => row.wonDeals },
    { key: "revenue", header: t.columns.revenue, type: "money", value: (row) => row.revenue },
    { key: "spend", header: isAllocated ? c.allocatedSpend : c.spend, type: "money", value: (row) => row.spend },
    { key: "cpl", header: c.cpl, type: "money", value: (row) => row.cpl },
    { key: "cac", header: c.cac, type: "money", value: (row) => row.cac },
    { key: "romi", header: c.romi, type: "percent", value: (row) => row.romi },
    { key: "conversionRate", header: c.saleConversion, type: "percent", value: (row) => row.conversionRate },
  ];
}

const num = (value: string | null) => (value === null ? null : Number(value));

export function trafficTeamsLayout(result: unknown, { t, locale }: Texts): ExportSection[] {
  const { rows, totals, byMonth, bySource, byCampaign, spendBasis } = result as TrafficTeamsResult;
  const m = trafficMessages[locale].report;
  const isAllocated = spendBasis === "allocated";
  const names = new Map(rows.map((row) => [row.teamId, row.teamName ?? m.unattributed]));
  const teamColumn = <R extends { teamId: string | null }>(): Column<R> => ({ key: "team", header: m.columns.team, type: "text", value: (row) => names.get(row.teamId) ?? "" });
  const teamRows = rows.filter((row) => row.teamId !== null);

  const teams = defineTable<(typeof rows)[number]>({
    columns: [
      teamColumn(),
      ...figureColumns(t, locale, isAllocated),
      { key: "leadShare", header: m.columns.leadShare, type: "percent", value: (row) => row.leadShare },
      { key: "revenueShare", header: m.columns.revenueShare, type: "percent", value: (row) => row.revenueShare },
    ],
    rows,
    totals: { teamId: "", teamName: "", color: null, emoji: null, isActive: null, leadShare: null, revenueShare: null, ...totals },
  });
  const revenueAndSpend: ChartSpec = {
    kind: "bars",
    categories: teamRows.map((row) => row.teamName ?? ""),
    series: [
      { name: t.columns.revenue, values: teamRows.map((row) => num(row.revenue)) },
      { name: isAllocated ? m.columns.allocatedSpend : m.columns.spend, values: teamRows.map((row) => num(row.spend)) },
    ],
    valueType: "money",
  };
  const months = [...new Set(byMonth.map((row) => row.month))];
  const revenueByMonth: ChartSpec = {
    kind: "lines",
    categories: months.map((month) => chartMonth(month, locale)),
    series: teamRows.map((team) => ({ name: team.teamName ?? "", values: months.map((month) => num(byMonth.find((row) => row.teamId === team.teamId && row.month === month)?.revenue ?? null)) })),
    valueType: "money",
  };
  const breakdown = <R extends TrafficFigures & { teamId: string | null }>(key: string, header: string, value: (row: R) => string | null, list: R[]) =>
    defineTable<R>({ columns: [teamColumn<R>(), { key, header, type: "text", value: (row) => value(row) ?? t.notSet }, ...figureColumns<R>(t, locale, isAllocated)], rows: list });

  return [
    { key: "rows", title: m.title, table: teams, chart: revenueAndSpend },
    {
      key: "byMonth",
      title: m.sections.byMonth,
      table: defineTable<(typeof byMonth)[number]>({
        columns: [teamColumn(), { key: "month", header: t.columns.month, type: "month", value: (row) => row.month }, ...figureColumns(t, locale, isAllocated)],
        rows: byMonth,
      }),
      chart: revenueByMonth,
    },
    { key: "bySource", title: m.sections.bySource, table: breakdown("utmSource", m.columns.utmSource, (row) => row.utmSource, bySource) },
    { key: "byCampaign", title: m.sections.byCampaign, table: breakdown("utmCampaign", m.columns.utmCampaign, (row) => row.utmCampaign, byCampaign) },
  ];
}
