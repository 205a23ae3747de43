// The builder's traffic figures — leads, won deals, revenue, ad spend, CPL, CAC, ROMI — are the
// traffic dashboard's own rows (getTrafficTeams), not a second computation: spend is an organisation-wide
// cost a director or a manager gets allocated by their share of a team's leads, and only that report
// knows the rule. Its cuts: per team, and inside a team per month, utm_source or utm_campaign.
import { averageMoney } from "../deal-sql";
import type { ReportContext } from "../report";
import { getTrafficTeams, type TrafficFigures } from "../traffic-teams";
import type { Dimension, Measure } from "./catalogue";
import type { MeasureValues } from "./values";

export type TrafficCut = { keys: (string | null)[]; labels: (string | null)[]; values: MeasureValues };

function valuesOf(figures: TrafficFigures, measures: Measure[]): MeasureValues {
  const all: Partial<MeasureValues> = {
    leads: figures.leads,
    wonDeals: figures.wonDeals,
    wonRevenue: figures.revenue,
    averageDeal: averageMoney(figures.revenue, figures.wonDeals),
    adSpend: figures.spend,
    cpl: figures.cpl,
    cac: figures.cac,
    romi: figures.romi,
  };
  return Object.fromEntries(measures.map((m) => [m, all[m] ?? null])) as MeasureValues;
}

const hasFigures = (f: TrafficFigures) => f.leads > 0 || f.wonDeals > 0 || (f.spend !== null && f.spend !== "0.00");

/**
 * The rows for the asked dimensions (the team first, or second when asked so) and the total: the
 * teams together, Unattributed left out, as the dashboard's total row. No dimension: the total only.
 */
export async function trafficCuts(context: ReportContext, measures: Measure[], dimensions: Dimension[]): Promise<{ rows: TrafficCut[]; totals: MeasureValues }> {
  const report = await getTrafficTeams(context);
  const teamName = new Map(report.rows.map((row) => [row.teamId, row.teamName]));
  const inner = dimensions.find((d) => d !== "trafficTeam");
  const cells: { teamId: string | null; key: string | null; figures: TrafficFigures }[] = !inner
    ? report.rows.map((row) => ({ teamId: row.teamId, key: null, figures: row }))
    : inner === "month"
      ? report.byMonth.filter(hasFigures).map((row) => ({ teamId: row.teamId, key: row.month, figures: row }))
      : inner === "utmSource"
        ? report.bySource.map((row) => ({ teamId: row.teamId, key: row.utmSource, figures: row }))
        : report.byCampaign.map((row) => ({ teamId: row.teamId, key: row.utmCampaign, figures: row }));
  const rows = dimensions.length === 0
    ? []
    : cells.map((cell) => {
        const byDimension = (d: Dimension) => (d === "trafficTeam" ? { key: cell.teamId, label: teamName.get(cell.teamId) ?? null } : { key: cell.key, label: cell.key });
        const parts = dimensions.map(byDimension);
        return { keys: parts.map((p) => p.key), labels: parts.map((p) => p.label), values: valuesOf(cell.figures, measures) };
      });
  return { rows, totals: valuesOf(report.totals, measures) };
}
