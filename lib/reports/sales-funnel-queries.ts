// The SQL behind the sales funnel: the pipelines' stages, deals now in each stage, deals that reached
// each stage in the period, the time deals spent in each stage, and deals closed per pipeline.
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { selectRows } from "@/db/migrate";
import { deals, pipelines, stages } from "@/db/schema";
import { baseAmountSql } from "./base-amount";
import { instant, moneySum, visibleDeals, within } from "./deal-sql";
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

/** Deals created in the period that are in each stage now; open ones valued at their creation date's rate. */
export function currentByStage(context: ReportContext) {
  const { db, org, period } = context;
  const rateDay = sql`(case when ${stages.semantic} = 'open' then ${deals.createdAt} else coalesce(${deals.closedAt}, ${deals.createdAt}) end)`;
  return db
    .select({ stageId: deals.stageId, count: sql<number>`count(*)::int`, amount: moneySum(baseAmountSql(deals, rateDay, org.baseCurrency, org.timezone)) })
    .from(deals)
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .where(and(visibleDeals(context, { withPipeline: false }), within(deals.createdAt, period)))
    .groupBy(deals.stageId);
}

/**
 * Every entry of a visible deal into a stage: its recorded stage changes, or, for a deal with none
 * recorded, its current stage at its creation time.
 */
function stageEntries(context: ReportContext): SQL {
  const visible = visibleDeals(context, { withPipeline: false });
  return sql`(
    select sc.deal_id, sc.to_stage_id as stage_id, sc.changed_at
    from stage_changes sc join ${deals} on ${deals.id} = sc.deal_id
    where ${visible}
    union all
    select ${deals.id}, ${deals.stageId}, ${deals.createdAt}
    from ${deals}
    where ${visible} and not exists (select 1 from stage_changes sc where sc.deal_id = ${deals.id})
  )`;
}

/**
 * Distinct deals that reached each stage in the period. Entering an open stage also counts as having
 * passed every earlier open stage (by sort) of the same pipeline, and a won deal has passed them all
 * (so conversion into won never exceeds 100 %); won and lost stages count only deals that entered them.
 */
export function reachedByStage(context: ReportContext) {
  return selectRows<{ stageId: string; reachedCount: number }>(
    context.db,
    sql`with reached as (
        select distinct e.deal_id, e.stage_id from ${stageEntries(context)} e where ${within(sql`e.changed_at`, context.period)}
      )
      select s.id as "stageId", count(distinct r.deal_id)::int as "reachedCount"
      from reached r
      join stages t on t.id = r.stage_id
      join stages s on s.pipeline_id = t.pipeline_id
        and (s.id = t.id or (s.semantic = 'open' and ((t.semantic = 'open' and t.sort > s.sort) or t.semantic = 'won')))
      group by s.id`,
  );
}

/**
 * Average days per stay in each stage, over stays that began in the period: from entering the stage
 * to the deal's next stage change, or until now for the stage a deal is still in.
 */
export function daysByStage(context: ReportContext) {
  return selectRows<{ stageId: string; days: number }>(
    context.db,
    sql`with stays as (
        select e.stage_id, e.changed_at,
          coalesce(lead(e.changed_at) over (partition by e.deal_id order by e.changed_at), ${instant(context.now)}) as left_at
        from ${stageEntries(context)} e
      )
      select stays.stage_id as "stageId",
        round(avg(extract(epoch from (stays.left_at - stays.changed_at)) / 86400)::numeric, 1)::float8 as days
      from stays where ${within(sql`stays.changed_at`, context.period)}
      group by stays.stage_id`,
  );
}

/** Won and lost deals closed in the period, per pipeline the deal is in. */
export function closedByPipeline(context: ReportContext) {
  return context.db
    .select({
      pipelineId: deals.pipelineId,
      wonCount: sql<number>`(count(*) filter (where ${stages.semantic} = 'won'))::int`,
      lostCount: sql<number>`(count(*) filter (where ${stages.semantic} = 'lost'))::int`,
    })
    .from(deals)
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .where(and(visibleDeals(context), within(deals.closedAt, context.period)))
    .groupBy(deals.pipelineId);
}
