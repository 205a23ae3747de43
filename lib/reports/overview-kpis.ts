// The overview KPIs: revenue, won deals, win rate, average deal, sales cycle, new leads and lead
// conversion for the period, each beside the period before — to date, by the one comparison rule
// (lib/time/comparison.ts) — plus a 12-month revenue sparkline. Summed from the daily rollups kept
// current on write (lib/reports/facts).
import { and, eq, inArray, sql } from "drizzle-orm";
import { reportDealDaily } from "@/db/schema";
import { comparePeriods } from "@/lib/time/comparison";
import { monthPeriod, type Period } from "@/lib/time/months";
import { averageMoney, monthsOf, ratio } from "./deal-sql";
import { dayWithin } from "./facts/query";
import { reportRows } from "./filters";
import { leadRollup } from "./lead-conversion";
import type { ReportContext, ReportDefinition } from "./report";
import { wonByMonth } from "./sales-by-month";

export const overviewKpis = ["revenue", "wonDeals", "winRate", "averageDeal", "averageSalesCycleDays", "newLeads", "leadConversion"] as const;
export type OverviewKpi = (typeof overviewKpis)[number];
type KpiValue = string | number | null;
/** Rates change by their difference (percentage points), everything else relative to the previous value. */
export type ChangeKind = "relative" | "points";
export type OverviewRow = { kpi: OverviewKpi; value: KpiValue; previousValue: KpiValue; change: number | null; changeKind: ChangeKind };
export type OverviewResult = {
  rows: OverviewRow[];
  /** The days the values count (the period up to today) and the same days of the period before. */
  totals: { currentPeriod: Period; previousPeriod: Period; isToDate: boolean };
  /** Won revenue of the 12 months ending with the period's last month. */
  sparkline: { month: string; revenue: string }[];
};

async function closedDealFigures(context: ReportContext, period: Period) {
  const { db, org } = context;
  const r = reportDealDaily;
  const isWon = sql`${r.semantic} = 'won'`;
  const [row] = await db
    .select({
      revenue: sql<string>`coalesce(sum(${r.amount}) filter (where ${isWon}), 0)::numeric(18,2)::text`,
      won: sql<number>`(coalesce(sum(${r.deals}) filter (where ${isWon}), 0))::int`,
      lost: sql<number>`(coalesce(sum(${r.deals}) filter (where ${r.semantic} = 'lost'), 0))::int`,
      // created → won, in days (rounded to one decimal for display)
      cycleDays: sql<number | null>`(sum(${r.cycleSeconds}) filter (where ${isWon}) / nullif(sum(${r.deals}) filter (where ${isWon}), 0) / 86400)::float8`,
    })
    .from(r)
    .where(and(reportRows(context, r), eq(r.kind, "closed"), inArray(r.semantic, ["won", "lost"]), dayWithin(r.day, period, org.timezone)));
  return { ...row, cycleDays: row.cycleDays === null ? null : Number(row.cycleDays) };
}

/** Leads created in the period; converted by the CRM's status or by a live deal pointing back. Leads have no pipeline. */
async function leadFigures(context: ReportContext, period: Period) {
  const { r, where, counts } = leadRollup({ ...context, period }, "channel");
  const [row] = await context.db.select(counts).from(r).where(where);
  return { created: row?.leads ?? 0, converted: row?.converted ?? 0 };
}

type Figure = { value: KpiValue; exact: number | null };
const exactRatio = (a: number, b: number) => (b === 0 ? null : a / b);

/** Each KPI as shown (rounded) and exact, so that a change is not computed from rounded figures. */
async function kpisOf(context: ReportContext, period: Period): Promise<Record<OverviewKpi, Figure>> {
  const [closed, lead] = await Promise.all([closedDealFigures(context, period), leadFigures(context, period)]);
  const winRate = exactRatio(closed.won, closed.won + closed.lost);
  const leadConversion = exactRatio(lead.converted, lead.created);
  return {
    revenue: { value: closed.revenue, exact: Number(closed.revenue) },
    wonDeals: { value: closed.won, exact: closed.won },
    winRate: { value: ratio(closed.won, closed.won + closed.lost), exact: winRate },
    averageDeal: { value: averageMoney(closed.revenue, closed.won), exact: exactRatio(Number(closed.revenue), closed.won) },
    averageSalesCycleDays: { value: closed.cycleDays === null ? null : Math.round(closed.cycleDays * 10) / 10, exact: closed.cycleDays },
    newLeads: { value: lead.created, exact: lead.created },
    leadConversion: { value: ratio(lead.converted, lead.created), exact: leadConversion },
  };
}

const rateKpis: readonly OverviewKpi[] = ["winRate", "leadConversion"];
const changeKindOf = (kpi: OverviewKpi): ChangeKind => (rateKpis.includes(kpi) ? "points" : "relative");

/**
 * Relative: (value − previous) ÷ previous, null when previous is 0. Points: value − previous as a
 * fraction (0.014 = 1.4 pp). Null when either is missing.
 */
function changeOf(value: Figure, previous: Figure, kind: ChangeKind): number | null {
  if (value.exact === null || previous.exact === null) return null;
  if (kind === "points") return Math.round((value.exact - previous.exact) * 10_000) / 10_000;
  return ratio(value.exact - previous.exact, previous.exact);
}

export async function getOverviewKpis(context: ReportContext): Promise<OverviewResult> {
  const { period, org } = context;
  const { current, previous, isToDate } = comparePeriods(period, org.timezone, context.now);
  // The 12 months ending with the month that holds the period's last instant.
  const lastInstant = new Date(period.to.getTime() - 1);
  const sparkPeriod = { from: monthPeriod(lastInstant, org.timezone, -11).from, to: monthPeriod(lastInstant, org.timezone).to };
  const [values, before, byMonth] = await Promise.all([kpisOf(context, current), kpisOf(context, previous), wonByMonth(context, sparkPeriod, 0)]);
  return {
    rows: overviewKpis.map((kpi) => {
      const changeKind = changeKindOf(kpi);
      return { kpi, value: values[kpi].value, previousValue: before[kpi].value, change: changeOf(values[kpi], before[kpi], changeKind), changeKind };
    }),
    totals: { currentPeriod: current, previousPeriod: previous, isToDate },
    sparkline: monthsOf(sparkPeriod, org.timezone).map((month) => ({ month, revenue: byMonth.get(month)?.wonAmount ?? "0.00" })),
  };
}

export const overviewReport: ReportDefinition<OverviewResult> = { name: "overview", run: getOverviewKpis };
