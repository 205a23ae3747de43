// The SQL behind the sales funnel: the pipelines' stages, deals now in each stage, deals that reached
// each stage in the period, the time deals spent in each stage, and deals closed per pipeline,
// summed from the daily rollups kept current on write (lib/reports/facts).
import { and, asc, eq, sql } from "drizzle-orm";
import { selectRows } from "@/db/migrate";
import { pipelines, reportDealDaily, reportStageDaily, reportStageGaps, stages } from "@/db/schema";
import { moneySum } from "./deal-sql";
import { dayWithin, localDay } from "./facts/query";
import { reportRows } from "./filters";
import type { ReportContext } from "./report";

export type FunnelStage = { pipelineId: string; pipelineName: string; stageId: string; stageName: string; semantic: "open" | "won" | "lost"; sort: number };

export function listFunnelStages({ db, scope, filters }: ReportContext): Promise<FunnelStage[]> {
  return db
    .select({ pipelineId: pipelines.id, pipelineName: pipelines.name, stageId: stages.id, stageName: stages.name, semantic: stages.semantic, sort: stages.sort })
    .from(stages)
    .innerJoin(pipelines, eq(pipelines.id, stages.pipelineId))
    .where(
      and(
        eq(pipelines.orgId, scope.orgId),
        eq(pipelines.isDeleted, false),
        filters.pipelineId ? eq(pipelines.id, filters.pipelineId) : undefined,
        filters.sourceId ? eq(pipelines.sourceId, filters.sourceId) : undefined,
      ),
    )
    .orderBy(asc(pipelines.sort), asc(pipelines.name), asc(pipelines.id), asc(stages.sort), asc(stages.id));
}

/**
 * Deals created in the period that are in each stage now; open ones valued at their creation date's
 * rate, closed ones at their close date's. The pipeline filter acts through the stages listed.
 */
export function currentByStage(context: ReportContext) {
  const r = reportDealDaily;
  return context.db
    .select({ stageId: r.stageId, count: sql<number>`sum(${r.deals})::int`, amount: moneySum(sql`${r.amount}`) })
    .from(r)
    .where(and(reportRows(context, { orgId: r.orgId, crmUserId: r.crmUserId, sourceId: r.sourceId }), eq(r.kind, "created"), dayWithin(r.day, context.period, context.org.timezone)))
    .groupBy(r.stageId);
}

/**
 * Per stage: the distinct deals that reached it in the period, and the average days of the stays in
 * it that began in the period — from one read of the stage rollup.
 *
 * Reached: entering an open stage also counts as having passed every earlier open stage (by sort) of
 * the same pipeline, and a won deal has passed them all (so conversion into won never exceeds 100 %);
 * won and lost stages count only deals that entered them. Exactly, from sums: the deals whose last
 * day of reaching the stage is on or after the period's first day, less those whose first such day
 * is after the period, less those with a gap between two such days spanning the whole period (found
 * through the gaps' GiST index).
 *
 * Days: from entering the stage to the deal's next stage change, or until now for the stage a deal
 * is still in. The rollup keeps finished stays' total length and unfinished stays' count and total
 * start, so the average is exact: (finished seconds + unfinished × now − unfinished starts) ÷ stays.
 */
export async function stageFigures(context: ReportContext) {
  const { db, period, org } = context;
  const r = reportStageDaily;
  const gaps = reportStageGaps;
  const from = localDay(period.from, org.timezone);
  const to = localDay(period.to, org.timezone);
  const inPeriod = sql`${r.day} < ${to}::date`; // and on or after `from`, as every row read
  const nowEpoch = context.now.getTime() / 1000;
  const [rows, spanned] = await Promise.all([
    db
      .select({
        stageId: r.stageId,
        reached: sql<number>`(sum(${r.lastReached}) - coalesce(sum(${r.firstReached}) filter (where not ${inPeriod}), 0))::int`,
        stays: sql<number>`(coalesce(sum(${r.closedStays} + ${r.openStays}) filter (where ${inPeriod}), 0))::int`,
        days: sql<number | null>`round((sum(${r.staySeconds}) filter (where ${inPeriod}) + sum(${r.openStays}) filter (where ${inPeriod}) * ${nowEpoch}::numeric
          - sum(${r.openStartEpoch}) filter (where ${inPeriod})) / nullif(sum(${r.closedStays} + ${r.openStays}) filter (where ${inPeriod}), 0) / 86400, 1)::float8`,
      })
      .from(r)
      .where(and(reportRows(context, r), sql`${r.day} >= ${from}::date`))
      .groupBy(r.stageId),
    selectRows<{ stageId: string; count: number }>(
      db,
      sql`select ${gaps.stageId} as "stageId", count(*)::int as count
        from ${gaps}
        where ${reportRows(context, gaps)} and daterange(${gaps.fromDay}, ${gaps.toDay}, '()') @> daterange(${from}::date, ${to}::date, '[)')
        group by ${gaps.stageId}`,
    ),
  ]);
  const spannedOf = new Map(spanned.map((row) => [row.stageId, row.count]));
  return rows.map((row) => ({
    stageId: row.stageId,
    reachedCount: row.reached - (spannedOf.get(row.stageId) ?? 0),
    averageDays: row.stays > 0 && row.days !== null ? Number(row.days) : null,
  }));
}

/** Won and lost deals closed in the period, per pipeline the deal is in. */
export function closedByPipeline(context: ReportContext) {
  const r = reportDealDaily;
  return context.db
    .select({
      pipelineId: r.pipelineId,
      wonCount: sql<number>`(coalesce(sum(${r.deals}) filter (where ${r.semantic} = 'won'), 0))::int`,
      lostCount: sql<number>`(coalesce(sum(${r.deals}) filter (where ${r.semantic} = 'lost'), 0))::int`,
    })
    .from(r)
    .where(and(reportRows(context, r), eq(r.kind, "closed"), dayWithin(r.day, context.period, context.org.timezone)))
    .groupBy(r.pipelineId);
}
