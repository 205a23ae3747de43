// A deal's entries into stages, in order, with the stage it came from: the one reading of stage
// history behind the deal card's timeline and the stored deal patterns (deal-pattern-sql.ts), so
// the card and the list cannot disagree on what a move or a move backwards is.
import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { stageChanges, stages } from "@/db/schema";

const sc = alias(stageChanges, "sc");
const t = alias(stages, "t");
const p = alias(stages, "p");


/**
 * One row per entry of each selected deal into a stage. `selectedDeals` is a query returning
 * `id, stage_id, created_at` of the deals. As in the report's stage facts, the entries are the
 * recorded stage changes, or — with none recorded — the current stage from the deal's creation.
 * Each stay lasts until the next entry (`left_at` null for the last). The stage it came from is the
 * previous entry's, else what the change itself recorded. A move is an entry from another stage; a
 * move backwards is a move into an open stage from a closed one (a reopened deal) or from a later
 * stage (higher sort) of the same pipeline.
 */
export function stageEntriesSql(selectedDeals: SQL): SQL {
  return sql`(with vd as (${selectedDeals}),
    e as (
      select ${sc.dealId}, ${sc.toStageId} as stage_id, ${sc.changedAt} as entered_at, ${sc.fromStageId}, ${sc.id} as tiebreak
      from ${stageChanges} ${sc} join vd on vd.id = ${sc.dealId}
      union all
      select vd.id, vd.stage_id, vd.created_at, null::uuid, vd.id from vd
      where not exists (select 1 from ${stageChanges} ${sc} where ${sc.dealId} = vd.id)
    ),
    s as (
      select e.deal_id, e.stage_id, e.entered_at,
        lead(e.entered_at) over w as left_at,
        coalesce(lag(e.stage_id) over w, e.from_stage_id) as prev_stage_id,
        row_number() over w as position
      from e window w as (partition by e.deal_id order by e.entered_at, e.tiebreak)
    )
    select s.deal_id, s.stage_id, s.entered_at, s.left_at, s.position, ${t.name} as stage_name, ${t.semantic},
      (s.prev_stage_id is not null and s.prev_stage_id <> s.stage_id) as is_move,
      (s.prev_stage_id is not null and s.prev_stage_id <> s.stage_id and ${t.semantic} = 'open'
        and (${p.semantic} <> 'open' or (${p.pipelineId} = ${t.pipelineId} and ${t.sort} < ${p.sort}))) as is_backward
    from s join ${stages} ${t} on ${t.id} = s.stage_id left join ${stages} ${p} on ${p.id} = s.prev_stage_id)`;
}
