// Traffic teams: per team for the period, leads, won deals, revenue, ad spend, CPL, CAC, ROMI and
// lead-to-sale conversion; a monthly trend per team; a breakdown by utm_source and utm_campaign inside
// each team; and the Unattributed row (team null), so a gap in tagging is not mistaken for a bad team.
// Spend is an organisation-wide cost: a director or a manager gets each team's spend allocated by their
// share of that team's leads (docs/traffic.md, "The traffic dashboard").
import { compareNullLast } from "./compare";
import { monthsOf } from "./deal-sql";
import type { ReportContext, ReportDefinition } from "./report";
import { addSums, allocate, noSums, toExact, trafficFigures, type TrafficFigures, type TrafficSums } from "./traffic-teams-figures";
import { leadCells, listTeams, spendCells, wonDealCells } from "./traffic-teams-queries";
import { TrafficRollup, type TrafficDimension } from "./traffic-teams-rollup";

export type { TrafficFigures } from "./traffic-teams-figures";

export type TrafficTeamRow = TrafficFigures & {
  /** null: the Unattributed row (no team matched the lead's or deal's UTM tags). */
  teamId: string | null;
  teamName: string | null;
  color: string | null;
  emoji: string | null;
  isActive: boolean | null;
  /** This row's leads ÷ all leads in the period (Unattributed included); null without leads. */
  leadShare: number | null;
  /** This row's revenue ÷ all revenue in the period; null without revenue. */
  revenueShare: number | null;
};
export type TrafficMonthRow = TrafficFigures & { teamId: string | null; month: string };
/** `utmSource` / `utmCampaign` as written (null: not set); values that differ only in case are one row. */
export type TrafficSourceRow = TrafficFigures & { teamId: string | null; utmSource: string | null };
export type TrafficCampaignRow = TrafficFigures & { teamId: string | null; utmCampaign: string | null };

export type TrafficTeamsResult = {
  /** "full": the organisation's spend (admins); "allocated": each team's spend × the viewer's share of its leads. */
  spendBasis: "full" | "allocated";
  /** The teams (most leads first), then the Unattributed row. */
  rows: TrafficTeamRow[];
  /** The teams together (Unattributed left out, so the ratios compare spend with what it bought), and the whole period's figures. */
  totals: TrafficFigures & { allLeads: number; allWonDeals: number; allRevenue: string; unattributedLeadShare: number | null; unattributedRevenueShare: number | null };
  /** Every row of `rows` × every month the period touches. */
  byMonth: TrafficMonthRow[];
  bySource: TrafficSourceRow[];
  byCampaign: TrafficCampaignRow[];
};

type Team = Awaited<ReturnType<typeof listTeams>>[number];

/** Where the leads and won deals come from: the traffic rollups; a test passes the raw tables' reads to compare. */
export type TrafficReads = { leadCells: typeof leadCells; wonDealCells: typeof wonDealCells };
const rollupReads: TrafficReads = { leadCells, wonDealCells };

export async function getTrafficTeams(context: ReportContext, reads: TrafficReads = rollupReads): Promise<TrafficTeamsResult> {
  const { scope, filters, period, org } = context;
  // An admin looking at everyone sees the teams' whole spend; any narrower view gets its share of it.
  const isAllocated = scope.kind !== "org" || Boolean(filters.managerId || filters.departmentId || filters.sourceId);
  const [teams, leadRows, dealRows, spendRows] = await Promise.all([listTeams(context), reads.leadCells(context, isAllocated), reads.wonDealCells(context), spendCells(context)]);
  // Only the viewer's own cells make keys: another department's tags must not appear even as zeros.
  const table = new TrafficRollup()
    .add(
      leadRows.filter((cell) => cell.count > 0),
      (cell) => ({ leads: cell.count }),
    )
    .add(dealRows, (cell) => ({ wonDeals: cell.count, revenue: toExact(cell.amount) }));
  const spend = new TrafficRollup().add(spendRows, (cell) => ({ spend: toExact(cell.amount) }));
  const organisationLeads = new TrafficRollup().add(leadRows, (cell) => ({ leads: cell.orgCount }));

  /** The viewer's sums of a team over the period (month null) or a month, spend allocated when it must be. */
  const sumsOf = (teamId: string | null, dimension: TrafficDimension, value: string | null, month: string | null = null): TrafficSums => {
    const sums = table.get(teamId, dimension, value);
    if (teamId === null) return sums;
    const spent = spend.get(teamId, dimension, value).spend;
    if (!isAllocated) return { ...sums, spend: spent };
    // The breakdown of a team is allocated with the team's share, so its rows add up to the team's spend.
    const [shareOf, key] = month ? (["month", month] as const) : (["team", null] as const);
    return { ...sums, spend: allocate(spent, table.get(teamId, shareOf, key).leads, organisationLeads.get(teamId, shareOf, key).leads) };
  };

  const byId = new Map<string | null, Team | null>([[null, null], ...teams.map((team): [string, Team] => [team.id, team])]);
  const teamSums = new Map([...byId.keys()].map((id) => [id, sumsOf(id, "team", null)]));
  const all = [...teamSums.values()].reduce(addSums, noSums());
  const unattributed = teamSums.get(null)!;
  const shown = teams
    .filter((team) => {
      const sums = teamSums.get(team.id)!;
      return team.isActive || sums.leads > 0 || sums.wonDeals > 0 || spend.get(team.id, "team", null).spend !== 0n;
    })
    .sort((a, b) => teamSums.get(b.id)!.leads - teamSums.get(a.id)!.leads || a.name.localeCompare(b.name, "ru"));
  const rowIds = [...shown.map((team) => team.id), null];
  const share = (part: bigint | number, whole: bigint | number) => (Number(whole) === 0 ? null : Math.round((Number(part) / Number(whole)) * 10_000) / 10_000);

  const rows: TrafficTeamRow[] = rowIds.map((id) => {
    const team = byId.get(id) ?? null;
    const sums = teamSums.get(id)!;
    return {
      teamId: id,
      teamName: team?.name ?? null,
      color: team?.color ?? null,
      emoji: team?.emoji ?? null,
      isActive: team?.isActive ?? null,
      ...trafficFigures(sums, id !== null),
      leadShare: share(sums.leads, all.leads),
      revenueShare: share(sums.revenue, all.revenue),
    };
  });
  const teamsTotal = shown.map((team) => teamSums.get(team.id)!).reduce(addSums, noSums());
  const months = monthsOf(period, org.timezone);
  const breakdown = (dimension: "source" | "campaign") =>
    rowIds.flatMap((id) => {
      const values = [...table.valuesOf(id, dimension), ...(id === null ? [] : spend.valuesOf(id, dimension))];
      return values
        .filter(({ value }, index) => values.findIndex((other) => other.value === value) === index)
        .map(({ value }) => {
          const labels = values.filter((other) => other.value === value && other.label !== null).map((other) => other.label!);
          return { teamId: id, label: labels.sort()[0] ?? null, ...trafficFigures(sumsOf(id, dimension, value), id !== null) };
        })
        .sort((a, b) => b.leads - a.leads || b.wonDeals - a.wonDeals || compareNullLast(a.label, b.label));
    });

  return {
    spendBasis: isAllocated ? "allocated" : "full",
    rows,
    totals: {
      ...trafficFigures(teamsTotal),
      allLeads: all.leads,
      allWonDeals: all.wonDeals,
      allRevenue: trafficFigures(all).revenue,
      unattributedLeadShare: share(unattributed.leads, all.leads),
      unattributedRevenueShare: share(unattributed.revenue, all.revenue),
    },
    byMonth: rowIds.flatMap((id) => months.map((month) => ({ teamId: id, month, ...trafficFigures(sumsOf(id, "month", month, month), id !== null) }))),
    bySource: breakdown("source").map(({ label, ...row }) => ({ ...row, utmSource: label })),
    byCampaign: breakdown("campaign").map(({ label, ...row }) => ({ ...row, utmCampaign: label })),
  };
}

export const trafficTeamsReport: ReportDefinition<TrafficTeamsResult> = { name: "traffic-teams", run: (context) => getTrafficTeams(context) };
