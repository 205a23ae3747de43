// The SQL that turns a deal with its activities and stage history into its stored patterns
// (deal_patterns, docs/deal-card.md). Refreshed with the report facts, in the writer's transaction.
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { activities, dealPatterns, deals, organisations, stages } from "@/db/schema";
import { factSources } from "./fact-sql";
import { insertTarget } from "./sql-names";
import { stageEntriesSql } from "./stage-entries";

const d = factSources.deal;
const s = alias(stages, "s");
const o = alias(organisations, "o");
const x = alias(activities, "x");

/** A moment's local day in the organisation's time zone. */
const localDay = (at: AnyColumn) => sql`(${at} at time zone ${o.timezone})::date`;

/**
 * Patterns of live deals; `ids` is a condition on `d.id` / `d.source_id` (as the other builders).
 * Activities count when live and completed (a planned call is not a touch yet), on the local day
 * they start in the organisation's time zone; touches are the distinct such days.
 */
export function insertDealPatterns(orgId: string, ids: SQL): SQL {
  const p = dealPatterns;
  const target = insertTarget(p, [p.dealId, p.orgId, p.crmUserId, p.sourceId, p.semantic, p.createdDay, p.closedDay, p.daysToClose,
    p.activities, p.calls, p.emails, p.meetings, p.tasks, p.touches, p.lastTouchDay, p.stageChanges, p.movesBack]);
  const selected = sql`select ${d.id}, ${d.stageId}, ${d.createdAt} from ${deals} ${d} where ${d.orgId} = ${orgId} and ${d.deletedAt} is null and ${ids}`;
  return sql`insert into ${target}
    with moves as (
      select e.deal_id, count(*) filter (where e.is_move)::int as stage_changes, count(*) filter (where e.is_backward)::int as moves_back
      from ${stageEntriesSql(selected)} e group by e.deal_id
    )
    select ${d.id}, ${d.orgId}, ${d.crmUserId}, ${d.sourceId}, ${s.semantic},
      ${localDay(d.createdAt)},
      case when ${s.semantic} <> 'open' then ${localDay(d.closedAt)} end,
      case when ${s.semantic} <> 'open' and ${d.closedAt} is not null then greatest(0, extract(epoch from (${d.closedAt} - ${d.createdAt})) / 86400)::float8 end,
      coalesce(a.activities, 0), coalesce(a.calls, 0), coalesce(a.emails, 0), coalesce(a.meetings, 0), coalesce(a.tasks, 0),
      coalesce(a.touches, 0), a.last_touch_day,
      coalesce(m.stage_changes, 0), coalesce(m.moves_back, 0)
    from ${deals} ${d}
    join ${stages} ${s} on ${s.id} = ${d.stageId}
    join ${organisations} ${o} on ${o.id} = ${d.orgId}
    left join moves m on m.deal_id = ${d.id}
    left join lateral (
      select count(*)::int as activities,
        count(*) filter (where ${x.type} = 'call')::int as calls,
        count(*) filter (where ${x.type} = 'email')::int as emails,
        count(*) filter (where ${x.type} = 'meeting')::int as meetings,
        count(*) filter (where ${x.type} = 'task')::int as tasks,
        count(distinct ${localDay(x.startAt)})::int as touches,
        max(${localDay(x.startAt)}) as last_touch_day
      from ${activities} ${x} where ${x.dealId} = ${d.id} and ${x.deletedAt} is null and ${x.isCompleted}
    ) a on true
    where ${d.orgId} = ${orgId} and ${d.deletedAt} is null and ${ids}`;
}
