// The three reads of the traffic dashboard — leads, won deals and ad spend — each hash-grouped by
// team, month and the raw utm_source and utm_campaign: a few hundred cells that traffic-teams.ts rolls
// up into teams, months and tags. Leads and won deals are summed from the traffic rollups (kept by the
// report facts, refreshed by every writer and by the attribution recompute); spend is read from
// ad_spend, an organisation-wide cost that ignores the viewer's scope.
import { eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { selectRows } from "@/db/migrate";
import { adSpend, reportTrafficDaily, reportTrafficMonthly, trafficTeams } from "@/db/schema";
import { baseAmountSql } from "./base-amount";
import { dayWithin, localDay, wholeMonths } from "./facts/query";
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

const utm = (column: AnyColumn) => sql`nullif(btrim(${column}), '')`;

/**
 * Groups `inner` (team_id, month as a local date or timestamp, src, camp, visible, n rows, amount).
 * The month is cut with date_trunc and formatted once per group, not once per row.
 */
function cells(db: ReportContext["db"], inner: SQL): Promise<TrafficCell[]> {
  return selectRows<TrafficCell>(
    db,
    sql`select team_id as "teamId", to_char(month, 'YYYY-MM') as month, src as "utmSource", camp as "utmCampaign",
        coalesce(sum(n) filter (where visible), 0)::int as count, coalesce(sum(n), 0)::int as "orgCount",
        coalesce(sum(amount) filter (where visible), 0)::numeric(38,10)::text as amount
      from (${inner}) x
      group by team_id, month, src, camp`,
  );
}

type TrafficRollupTable = typeof reportTrafficDaily | typeof reportTrafficMonthly;

/**
 * The traffic rollup rows of one kind in the period, as `cells` groups them: the period's whole
 * months from the monthly table, the days of its partial months from the daily one. `where` picks
 * the rows read, `visible` flags the viewer's among them.
 */
function rollupRows(context: ReportContext, kind: "lead" | "won", where: (t: TrafficRollupTable) => SQL, visible: (t: TrafficRollupTable) => SQL): SQL {
  const { period, org } = context;
  const fromDay = localDay(period.from, org.timezone);
  const toDay = localDay(period.to, org.timezone);
  const months = wholeMonths(fromDay, toDay);
  const [m, d] = [reportTrafficMonthly, reportTrafficDaily];
  const columns = (t: TrafficRollupTable, month: SQL | AnyColumn) =>
    sql`${t.trafficTeamId} as team_id, ${month} as month, ${t.utmSource} as src, ${t.utmCampaign} as camp, ${visible(t)} as visible, ${t.rows} as n, ${t.amount} as amount`;
  return sql`select ${columns(m, m.month)} from ${m}
      where ${where(m)} and ${m.kind} = ${kind} and ${m.month} >= ${months.from}::date and ${m.month} < ${months.to}::date
    union all
    select ${columns(d, sql`date_trunc('month', ${d.day})::date`)} from ${d}
      where ${where(d)} and ${d.kind} = ${kind}
        and ((${d.day} >= ${fromDay}::date and ${d.day} < ${months.from}::date) or (${d.day} >= ${months.to}::date and ${d.day} < ${toDay}::date))`;
}

/**
 * Leads created in the period (the lead facts' rule: live, and counted as a lead). With
 * `withOrganisation` (spend allocated to a narrower view) the whole organisation's leads are read
 * in the same pass, the viewer's flagged as visible: what spend is allocated by. Leads have no pipeline.
 */
export function leadCells(context: ReportContext, withOrganisation: boolean): Promise<TrafficCell[]> {
  const { scope } = context;
  const visible = (t: TrafficRollupTable) => reportRows(context, { orgId: t.orgId, crmUserId: t.crmUserId, sourceId: t.sourceId });
  const where = (t: TrafficRollupTable) => (withOrganisation ? sql`${t.orgId} = ${scope.orgId}` : visible(t));
  return cells(context.db, rollupRows(context, "lead", where, withOrganisation ? visible : () => sql`true`));
}

/** Won deals closed in the period (the sales report's rule), their amounts at the close day's rate. */
export function wonDealCells(context: ReportContext): Promise<TrafficCell[]> {
  const visible = (t: TrafficRollupTable) => reportRows(context, { orgId: t.orgId, crmUserId: t.crmUserId, sourceId: t.sourceId, pipelineId: t.pipelineId });
  return cells(context.db, rollupRows(context, "won", visible, () => sql`true`));
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
        ${utm(adSpend.utmSource)} as src, ${utm(adSpend.utmCampaign)} as camp, true as visible, 1 as n,
        ${baseAmountSql(adSpend, localMidnight, org.baseCurrency, org.timezone)} as amount
      from ${adSpend}
      where ${adSpend.orgId} = ${scope.orgId} and ${dayWithin(adSpend.day, period, org.timezone)}`,
  );
}

export function listTeams(context: ReportContext) {
  const t = trafficTeams;
  return context.db.select({ id: t.id, name: t.name, color: t.color, emoji: t.emoji, isActive: t.isActive }).from(t).where(eq(t.orgId, context.scope.orgId));
}
