// The SQL that turns a deal with its activities and stage history into its stored patterns
// (deal_patterns, docs/deal-card.md). Refreshed with the report facts, in the writer's transaction.
import { sql, type SQL } from "drizzle-orm";
import { stageEntriesSql } from "./stage-entries";

/**
 * Patterns of live deals; `ids` is a condition on `d.id` / `d.source_id` (as the other builders).
 * Activities count when live and completed (a planned call is not a touch yet), on the local day
 * they start in the organisation's time zone; touches are the distinct such days.
 */
export function insertDealPatterns(orgId: string, ids: SQL): SQL {
  const selected = sql`select d.id, d.stage_id, d.created_at from deals d where d.org_id = ${orgId} and d.deleted_at is null and ${ids}`;
  return sql`insert into deal_patterns (deal_id, org_id, crm_user_id, source_id, semantic, created_day, closed_day, days_to_close,
      activities, calls, emails, meetings, tasks, touches, last_touch_day, stage_changes, moves_back)
    with moves as (
      select e.deal_id, count(*) filter (where e.is_move)::int as stage_changes, count(*) filter (where e.is_backward)::int as moves_back
      from ${stageEntriesSql(selected)} e group by e.deal_id
    )
    select d.id, d.org_id, d.crm_user_id, d.source_id, s.semantic,
      (d.created_at at time zone o.timezone)::date,
      case when s.semantic <> 'open' then (d.closed_at at time zone o.timezone)::date end,
      case when s.semantic <> 'open' and d.closed_at is not null then greatest(0, extract(epoch from (d.closed_at - d.created_at)) / 86400)::float8 end,
      coalesce(a.activities, 0), coalesce(a.calls, 0), coalesce(a.emails, 0), coalesce(a.meetings, 0), coalesce(a.tasks, 0),
      coalesce(a.touches, 0), a.last_touch_day,
      coalesce(m.stage_changes, 0), coalesce(m.moves_back, 0)
    from deals d
    join stages s on s.id = d.stage_id
    join organisations o on o.id = d.org_id
    left join moves m on m.deal_id = d.id
    left join lateral (
      select count(*)::int as activities,
        count(*) filter (where x.type = 'call')::int as calls,
        count(*) filter (where x.type = 'email')::int as emails,
        count(*) filter (where x.type = 'meeting')::int as meetings,
        count(*) filter (where x.type = 'task')::int as tasks,
        count(distinct (x.start_at at time zone o.timezone)::date)::int as touches,
        max((x.start_at at time zone o.timezone)::date) as last_touch_day
      from activities x where x.deal_id = d.id and x.deleted_at is null and x.is_completed
    ) a on true
    where d.org_id = ${orgId} and d.deleted_at is null and ${ids}`;
}
