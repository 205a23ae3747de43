// The traffic dashboard's leads and won deals read straight from the leads and deals tables, as the
// report did before the traffic rollups existed: the reference that traffic-teams-rollups.test.ts
// compares the rollups with, so a fact or rollup that drifts from the source rows fails a test.
// Not used by the app (the report reads traffic-teams-queries.ts).
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { selectRows } from "@/db/migrate";
import { deals, leads, stages } from "@/db/schema";
import { countsAsLead } from "@/lib/forms/counting";
import { baseAmountSql } from "./base-amount";
import { reportRows } from "./filters";
import type { ReportContext } from "./report";
import type { TrafficCell } from "./traffic-teams-queries";

const instant = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const utm = (column: AnyColumn) => sql`nullif(btrim(${column}), '')`;

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

export function rawLeadCells(context: ReportContext, withOrganisation: boolean): Promise<TrafficCell[]> {
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

export function rawWonDealCells(context: ReportContext): Promise<TrafficCell[]> {
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

/** The raw reads, in the shape getTrafficTeams takes. */
export const rawTrafficReads = { leadCells: rawLeadCells, wonDealCells: rawWonDealCells };
