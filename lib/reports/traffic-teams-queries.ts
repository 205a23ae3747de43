// The three reads of the traffic dashboard — leads, won deals and ad spend — each one pass over its
// table, hash-grouped by team, month and the raw utm_source and utm_campaign: a few hundred cells that
// traffic-teams.ts rolls up into teams, months and tags. Leads and deals are read from their own tables
// (the report facts carry no team) through the (org, created/closed) and (org, manager, …) indexes;
// spend is an organisation-wide cost and ignores the viewer's scope.
import { eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { selectRows } from "@/db/migrate";
import { adSpend, deals, leads, stages, trafficTeams } from "@/db/schema";
import { countsAsLead } from "@/lib/forms/counting";
import { baseAmountSql } from "./base-amount";
import { dayWithin } from "./facts/query";
import { reportRows } from "./filters";
import type { ReportContext } from "./report";

export type TrafficCell = {
  teamId: string | null;
  /** "YYYY-MM" in the organisation's time zone. */
  month: string;
  /** Trimmed, as written; null when not set. */
  utmSource: string | null;
  utmCampaign: string | null;
  /** Rows the viewer may see. */
  count: number;
  /** Rows of the whole organisation (leads, when spend is allocated; else the same as count). */
  orgCount: number;
  /** Exact sum of the base-currency amounts with ten decimals ("0" for leads). */
  amount: string;
};

/** An instant as a bound parameter both PostgreSQL drivers read the same way. */
const instant = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const utm = (column: AnyColumn) => sql`nullif(btrim(${column}), '')`;

/**
 * Groups `inner` (team_id, month as a local timestamp, src, camp, visible, amount). The month is cut
 * with date_trunc and formatted once per group, not once per row.
 */
function cells(db: ReportContext["db"], inner: SQL): Promise<TrafficCell[]> {
  return selectRows<TrafficCell>(
    db,
    sql`select team_id as "teamId", to_char(month, 'YYYY-MM') as month, src as "utmSource", camp as "utmCampaign",
        (count(*) filter (where visible))::int as count, count(*)::int as "orgCount",
        coalesce(sum(amount) filter (where visible), 0)::numeric(38,10)::text as amount
      from (${inner}) x
      group by team_id, month, src, camp`,
  );
}

/**
 * Leads created in the period. With `withOrganisation` (spend allocated to a narrower view) the whole
 * organisation's leads are read in the same pass, the viewer's flagged as visible: what spend is
 * allocated by. Leads have no pipeline.
 */
export function leadCells(context: ReportContext, withOrganisation: boolean): Promise<TrafficCell[]> {
  const { period, org, scope } = context;
  const visible = reportRows(context, { orgId: leads.orgId, crmUserId: leads.crmUserId, sourceId: leads.sourceId });
  return cells(
    context.db,
    sql`select ${leads.trafficTeamId} as team_id, date_trunc('month', ${leads.createdAt} at time zone ${org.timezone}) as month,
        ${utm(leads.utmSource)} as src, ${utm(leads.utmCampaign)} as camp, ${withOrganisation ? visible : sql`true`} as visible, null::numeric as amount
      from ${leads}
      where ${withOrganisation ? sql`${leads.orgId} = ${scope.orgId}` : visible}
        and ${leads.deletedAt} is null and ${leads.createdAt} >= ${instant(period.from)} and ${leads.createdAt} < ${instant(period.to)}
        and ${countsAsLead(leads.id)}`,
  );
}

/** Won deals closed in the period (the sales report's rule), their amounts at the close day's rate. */
export function wonDealCells(context: ReportContext): Promise<TrafficCell[]> {
  const { period, org } = context;
  const visible = reportRows(context, { orgId: deals.orgId, crmUserId: deals.crmUserId, sourceId: deals.sourceId, pipelineId: deals.pipelineId });
  return cells(
    context.db,
    sql`select ${deals.trafficTeamId} as team_id, date_trunc('month', ${deals.closedAt} at time zone ${org.timezone}) as month,
        ${utm(deals.utmSource)} as src, ${utm(deals.utmCampaign)} as camp, true as visible,
        ${baseAmountSql(deals, deals.closedAt, org.baseCurrency, org.timezone)} as amount
      from ${deals} join ${stages} on ${stages.id} = ${deals.stageId}
      where ${visible} and ${stages.semantic} = 'won' and ${deals.deletedAt} is null
        and ${deals.closedAt} >= ${instant(period.from)} and ${deals.closedAt} < ${instant(period.to)}`,
  );
}

/**
 * Ad spend on the period's days, in the base currency at the rate of the spend's own day. baseAmountSql
 * takes an instant and reads its local day, so the day is handed over as its local midnight: a bare
 * date would be read as midnight in the database session's zone, which can fall on another local day.
 */
export function spendCells(context: ReportContext): Promise<TrafficCell[]> {
  const { period, org, scope } = context;
  const localMidnight = sql`(${adSpend.day}::timestamp at time zone ${org.timezone})`;
  return cells(
    context.db,
    sql`select ${adSpend.teamId} as team_id, date_trunc('month', ${adSpend.day}::timestamp) as month,
        ${utm(adSpend.utmSource)} as src, ${utm(adSpend.utmCampaign)} as camp, true as visible,
        ${baseAmountSql(adSpend, localMidnight, org.baseCurrency, org.timezone)} as amount
      from ${adSpend}
      where ${adSpend.orgId} = ${scope.orgId} and ${dayWithin(adSpend.day, period, org.timezone)}`,
  );
}

export function listTeams(context: ReportContext) {
  const t = trafficTeams;
  return context.db.select({ id: t.id, name: t.name, color: t.color, emoji: t.emoji, isActive: t.isActive }).from(t).where(eq(t.orgId, context.scope.orgId));
}
