// What the win-probability model sees of a deal, as of one moment: for a closed deal the middle of
// its life (created → closed), so nothing learned comes from after the moment it describes; for an
// open deal, now. Stage, age, days in the stage, touches, days since the last touch, amount,
// pipeline, source and manager — all as they were then.
import { sql, type SQL } from "drizzle-orm";
import { selectRows } from "@/db/migrate";
import type { Db } from "@/db/types";

export type DealFeatures = {
  dealId: string;
  /** 1 won, 0 lost; null for an open deal. */
  won: 0 | 1 | null;
  closedAt: Date | null;
  /** The stage the deal was in at the moment, null when its history cannot tell. */
  stageId: string | null;
  /** Its place among the pipeline's open stages, 0 (first) … 1 (last); null when not an open stage. */
  stageRank: number | null;
  ageDays: number;
  daysInStage: number;
  touches: number;
  daysSinceTouch: number;
  amount: number;
  pipelineId: string;
  sourceId: string;
  managerId: string | null;
};

type Row = {
  deal_id: string;
  won: number | null;
  closed_at: string | Date | null;
  stage_id: string | null;
  stage_rank: string | number | null;
  age_days: string | number;
  days_in_stage: string | number;
  touches: string | number;
  days_since_touch: string | number;
  amount: string | number;
  pipeline_id: string;
  source_id: string;
  manager_id: string | null;
};

/** The closed deals of an organisation, newest first (at most `limit`), each as of the middle of its life. */
export function closedDealFeatures(db: Db, orgId: string, limit: number): Promise<DealFeatures[]> {
  return readFeatures(db, sql`d.org_id = ${orgId} and st.semantic in ('won', 'lost') and d.closed_at is not null and d.closed_at > d.created_at`, sql`d.closed_at desc`, limit, new Date());
}

/** Open deals as they are now. */
export function openDealFeatures(db: Db, orgId: string, dealIds: string[], now = new Date()): Promise<DealFeatures[]> {
  if (dealIds.length === 0) return Promise.resolve([]);
  const ids = sql.join(dealIds.map((dealId) => sql`${dealId}::uuid`), sql`, `);
  return readFeatures(db, sql`d.org_id = ${orgId} and st.semantic = 'open' and d.id in (${ids})`, sql`d.id`, dealIds.length, now);
}

async function readFeatures(db: Db, where: SQL, order: SQL, limit: number, now: Date): Promise<DealFeatures[]> {
  const at = now.toISOString();
  const rows = await selectRows<Row>(
    db,
    sql`with base as (
      select d.id, d.pipeline_id, d.source_id, d.crm_user_id, d.amount, d.created_at, d.closed_at, d.stage_id as current_stage_id, st.semantic,
        case when st.semantic = 'open' then ${at}::timestamptz else d.created_at + (d.closed_at - d.created_at) / 2 end as at
      from deals d join stages st on st.id = d.stage_id
      where d.deleted_at is null and ${where}
      order by ${order}
      limit ${limit}
    ),
    moment as (
      select b.*,
        (select sc.to_stage_id from stage_changes sc where sc.deal_id = b.id and sc.changed_at <= b.at order by sc.changed_at desc limit 1) as last_to,
        (select max(sc.changed_at) from stage_changes sc where sc.deal_id = b.id and sc.changed_at <= b.at) as entered_at,
        (select sc.from_stage_id from stage_changes sc where sc.deal_id = b.id and sc.changed_at > b.at order by sc.changed_at limit 1) as next_from,
        exists (select 1 from stage_changes sc where sc.deal_id = b.id) as has_history
      from base b
    ),
    staged as (
      select m.*,
        -- Before its first recorded move the deal stood where that move came from; with no history
        -- at all an open deal stands in its current stage, a closed one's earlier stage is unknown.
        case when m.last_to is not null then m.last_to when m.next_from is not null then m.next_from when not m.has_history and m.semantic = 'open' then m.current_stage_id end as stage_at
      from moment m
    )
    select s.id as deal_id,
      case s.semantic when 'won' then 1 when 'lost' then 0 end as won,
      s.closed_at,
      s.stage_at as stage_id,
      case when t.semantic = 'open' then
        (select count(*) from stages o where o.pipeline_id = t.pipeline_id and o.semantic = 'open' and o.sort < t.sort)::float8
        / greatest((select count(*) from stages o where o.pipeline_id = t.pipeline_id and o.semantic = 'open') - 1, 1)
      end as stage_rank,
      extract(epoch from s.at - s.created_at) / 86400 as age_days,
      extract(epoch from s.at - coalesce(s.entered_at, s.created_at)) / 86400 as days_in_stage,
      (select count(distinct (a.start_at at time zone 'UTC')::date) from activities a where a.deal_id = s.id and a.deleted_at is null and a.start_at <= s.at) as touches,
      extract(epoch from s.at - coalesce((select max(a.start_at) from activities a where a.deal_id = s.id and a.deleted_at is null and a.start_at <= s.at), s.created_at)) / 86400 as days_since_touch,
      s.amount, s.pipeline_id, s.source_id, s.crm_user_id as manager_id
    from staged s left join stages t on t.id = s.stage_at`,
  );
  return rows.map((row) => ({
    dealId: row.deal_id,
    won: row.won === null ? null : row.won === 1 || Number(row.won) === 1 ? 1 : 0,
    closedAt: row.closed_at === null ? null : new Date(row.closed_at),
    stageId: row.stage_id,
    stageRank: row.stage_rank === null ? null : Number(row.stage_rank),
    ageDays: Math.max(0, Number(row.age_days)),
    daysInStage: Math.max(0, Number(row.days_in_stage)),
    touches: Number(row.touches),
    daysSinceTouch: Math.max(0, Number(row.days_since_touch)),
    amount: Math.max(0, Number(row.amount)),
    pipelineId: row.pipeline_id,
    sourceId: row.source_id,
    managerId: row.manager_id,
  }));
}
