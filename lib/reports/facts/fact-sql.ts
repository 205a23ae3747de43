// The SQL that turns source rows (deals with their stage changes, leads, activities) into per-row
// report facts. Each builder takes the organisation and a condition on the source row's id (all of
// the organisation's rows for a rebuild, a list of ids for a refresh) and inserts the facts.
// Local days and exchange rates use the organisation's own time zone and base currency.
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  activities,
  deals,
  leads,
  leadStatusChanges,
  organisations,
  reportActivityFacts,
  reportDealFacts,
  reportLeadFacts,
  reportStageFacts,
  reportStageGaps,
  sources,
  stageChanges,
  stages,
} from "@/db/schema";
import { countsAsLead } from "@/lib/forms/counting";
import { baseAmountSql } from "../base-amount";
import { insertTarget } from "./sql-names";

// The source rows under the aliases the statements below use; refresh.ts selects rows through them.
const d = alias(deals, "d");
const l = alias(leads, "l");
const a = alias(activities, "a");
const f = alias(reportStageFacts, "f");
export const factSources = { deal: d, lead: l, activity: a, stageFact: f };

// The other rows the statements join.
const o = alias(organisations, "o");
const s = alias(stages, "s");
const t = alias(stages, "t");
const q = alias(stages, "q");
const cur = alias(stages, "cur");
const sc = alias(stageChanges, "sc");
const lh = alias(leadStatusChanges, "lh");
const src = alias(sources, "src");

/** A deal's amount in the base currency at the latest rate on or before the local day of `at`. */
function baseAmount(at: SQL): SQL {
  return baseAmountSql(d, at, o.baseCurrency, o.timezone);
}

/** A UTM tag as the reports key it: trimmed, null when blank. */
const tag = (column: AnyColumn) => sql`nullif(btrim(${column}), '')`;

/** A moment's local day in the organisation's time zone. */
const localDay = (at: SQL | AnyColumn) => sql`(${at} at time zone ${o.timezone})::date`;

/** Deal facts: live deals only (a deleted deal counts nowhere). `ids` is a condition on `d.id`. */
export function insertDealFacts(orgId: string, ids: SQL): SQL {
  const x = reportDealFacts;
  const currentRateAt = sql`(case when ${s.semantic} = 'open' then ${d.createdAt} else coalesce(${d.closedAt}, ${d.createdAt}) end)`;
  const target = insertTarget(x, [x.dealId, x.orgId, x.crmUserId, x.sourceId, x.pipelineId, x.stageId, x.semantic, x.leadId, x.currency,
    x.createdDay, x.closedDay, x.currentAmount, x.closedAmount, x.cycleSeconds, x.trafficTeamId, x.utmSource, x.utmCampaign]);
  return sql`insert into ${target}
    select ${d.id}, ${d.orgId}, ${d.crmUserId}, ${d.sourceId}, ${d.pipelineId}, ${d.stageId}, ${s.semantic}, ${d.leadId}, ${d.currency},
      ${localDay(d.createdAt)},
      ${localDay(d.closedAt)},
      ${baseAmount(currentRateAt)},
      case when ${d.closedAt} is not null then ${baseAmount(sql`${d.closedAt}`)} end,
      extract(epoch from (${d.closedAt} - ${d.createdAt})),
      ${d.trafficTeamId}, ${tag(d.utmSource)}, ${tag(d.utmCampaign)}
    from ${deals} ${d}
    join ${stages} ${s} on ${s.id} = ${d.stageId}
    join ${organisations} ${o} on ${o.id} = ${d.orgId}
    where ${d.orgId} = ${orgId} and ${d.deletedAt} is null and ${ids}`;
}

/**
 * Stage facts of live deals. A deal's entries into stages are its recorded stage changes, or, when
 * none is recorded, its current stage at its creation. Each entry is a stay lasting until the deal's
 * next entry (unfinished for the last one). A deal reaches a stage when it enters it, or, for an open
 * stage, a later open stage of the same pipeline or a won stage; per local day, and flagged on the
 * first and the last such day. (`vd` and the later names are the statement's own CTEs and columns.)
 */
export function insertStageFacts(orgId: string, ids: SQL): SQL {
  const x = reportStageFacts;
  const target = insertTarget(x, [x.dealId, x.stageId, x.day, x.orgId, x.crmUserId, x.sourceId, x.reached, x.firstReached, x.lastReached,
    x.closedStays, x.staySeconds, x.openStays, x.openStartEpoch]);
  return sql`insert into ${target}
    with vd as (
      select ${d.id}, ${d.orgId}, ${d.crmUserId}, ${d.sourceId}, ${d.stageId}, ${d.createdAt}, ${o.timezone}
      from ${deals} ${d} join ${organisations} ${o} on ${o.id} = ${d.orgId}
      where ${d.orgId} = ${orgId} and ${d.deletedAt} is null and ${ids}
    ),
    entries as (
      select ${sc.dealId}, ${sc.toStageId} as stage_id, ${sc.changedAt} from ${stageChanges} ${sc} join vd v on v.id = ${sc.dealId}
      union all
      select v.id, v.stage_id, v.created_at from vd v where not exists (select 1 from ${stageChanges} ${sc} where ${sc.dealId} = v.id)
    ),
    stays as (
      select e.deal_id, e.stage_id, e.changed_at, lead(e.changed_at) over (partition by e.deal_id order by e.changed_at) as left_at from entries e
    ),
    parts as (
      select deal_id, stage_id, changed_at as at, 0 as reached,
        case when left_at is null then 0 else 1 end as closed_stays,
        coalesce(extract(epoch from (left_at - changed_at)), 0) as stay_seconds,
        case when left_at is null then 1 else 0 end as open_stays,
        case when left_at is null then extract(epoch from changed_at) else 0 end as open_start_epoch
      from stays
      union all
      select e.deal_id, ${s.id}, e.changed_at, 1, 0, 0, 0, 0
      from entries e
      join ${stages} ${t} on ${t.id} = e.stage_id
      join ${stages} ${s} on ${s.pipelineId} = ${t.pipelineId}
        and (${s.id} = ${t.id} or (${s.semantic} = 'open' and ((${t.semantic} = 'open' and ${t.sort} > ${s.sort}) or ${t.semantic} = 'won')))
    ),
    daily as (
      select p.deal_id, p.stage_id, (p.at at time zone v.timezone)::date as day, v.org_id, v.crm_user_id, v.source_id,
        max(p.reached) as reached, sum(p.closed_stays) as closed_stays, sum(p.stay_seconds) as stay_seconds,
        sum(p.open_stays) as open_stays, sum(p.open_start_epoch) as open_start_epoch
      from parts p join vd v on v.id = p.deal_id
      group by 1, 2, 3, 4, 5, 6
    )
    select deal_id, stage_id, day, org_id, crm_user_id, source_id, reached,
      case when reached = 1 and day = min(day) filter (where reached = 1) over (partition by deal_id, stage_id) then 1 else 0 end,
      case when reached = 1 and day = max(day) filter (where reached = 1) over (partition by deal_id, stage_id) then 1 else 0 end,
      closed_stays, stay_seconds, open_stays, open_start_epoch
    from daily`;
}

/** Gaps of two days or more between consecutive reach days of the deals already in report_stage_facts. */
export function insertStageGaps(orgId: string, ids: SQL): SQL {
  const x = reportStageGaps;
  const target = insertTarget(x, [x.dealId, x.stageId, x.fromDay, x.toDay, x.orgId, x.crmUserId, x.sourceId]);
  return sql`insert into ${target}
    select deal_id, stage_id, day, next_day, org_id, crm_user_id, source_id
    from (
      select ${f.dealId}, ${f.stageId}, ${f.day}, lead(${f.day}) over (partition by ${f.dealId}, ${f.stageId} order by ${f.day}) as next_day,
        ${f.orgId}, ${f.crmUserId}, ${f.sourceId}
      from ${reportStageFacts} ${f}
      where ${f.orgId} = ${orgId} and ${f.reached} = 1 and ${ids}
    ) reach
    where next_day - day >= 2`;
}

/**
 * The organisation's amoCRM stages that count as qualified: at or past the stage the source's
 * settings name for the pipeline (`settings.qualifiedStages`, pipeline id → stage id), as a deal
 * reaches a stage in the funnel (an open stage is reached by a later open stage or a won one); with
 * no stage named, the won stages. A few hundred stages at most, computed once per statement.
 */
function qualifyingStages(orgId: string): SQL {
  return sql`select ${t.id} from ${stages} ${t}
    join ${sources} ${src} on ${src.id} = ${t.sourceId} and ${src.kind} = 'amocrm'
    left join ${stages} ${q} on ${q.pipelineId} = ${t.pipelineId} and ${q.semantic} <> 'lost'
      and ${q.id}::text = ${src.settings} -> 'qualifiedStages' ->> (${t.pipelineId}::text)
    where ${t.orgId} = ${orgId}
      and case when ${q.id} is null then ${t.semantic} = 'won'
        else ${t.id} = ${q.id} or (${q.semantic} = 'open' and ((${t.semantic} = 'open' and ${t.sort} > ${q.sort}) or ${t.semantic} = 'won')) end`;
}

/**
 * When an amoCRM lead first reached a qualifying stage: its deal's first recorded entry into one,
 * else, when its current stage qualifies, the moment it entered it as far as we know (the close for a
 * won stage, else the creation, as the stage facts assume without history).
 */
const AMO_QUALIFIED_AT = sql`(select coalesce(
      (select min(${sc.changedAt}) from ${stageChanges} ${sc} where ${sc.dealId} = ${d.id} and ${sc.toStageId} in (select id from qualifying)),
      case when ${d.stageId} in (select id from qualifying)
        then (case when ${cur.semantic} = 'open' then ${d.createdAt} else coalesce(${d.closedAt}, ${d.createdAt}) end) end)
    from ${deals} ${d} join ${stages} ${cur} on ${cur.id} = ${d.stageId}
    where ${d.leadId} = ${l.id} and ${d.sourceId} = ${l.sourceId} and ${d.externalId} = ${l.externalId} and ${d.deletedAt} is null)`;

/**
 * Lead facts of live leads. A Bitrix24 lead is converted when the CRM says so or a live deal of the
 * organisation points to it; it converted when its status history first shows it entering a
 * converted status, else at `converted_at`, else when its first such deal was created (never
 * before the lead: a deal made earlier and linked later counts as zero days). An
 * amoCRM lead (its own deal) is converted when that deal reached a qualifying stage, at that moment.
 * A site form's submission counts only while it has not reached the CRM: once matched to a CRM lead
 * or deal, that CRM lead is the one counted (docs/api.md, "Leads"), so a person is not counted twice.
 */
export function insertLeadFacts(orgId: string, ids: SQL): SQL {
  const x = reportLeadFacts;
  const target = insertTarget(x, [x.leadId, x.orgId, x.crmUserId, x.sourceId, x.day, x.channel, x.utmSource, x.trafficTeamId, x.utmCampaign, x.converted, x.daysToConvert]);
  const converted = sql`(${l.statusSemantic} = 'converted' or cv.first_at is not null)`;
  return sql`insert into ${target}
    with qualifying as (${qualifyingStages(orgId)})
    select ${l.id}, ${l.orgId}, ${l.crmUserId}, ${l.sourceId}, ${localDay(l.createdAt)},
      ${tag(l.channel)}, ${tag(l.utmSource)}, ${l.trafficTeamId}, ${tag(l.utmCampaign)},
      case when ${converted} then 1 else 0 end,
      case when ${converted} and coalesce(cv.history_at, ${l.convertedAt}, cv.first_at) is not null
        then greatest(0, extract(epoch from (coalesce(cv.history_at, ${l.convertedAt}, cv.first_at) - ${l.createdAt})) / 86400)::float8 end
    from ${leads} ${l}
    join ${organisations} ${o} on ${o.id} = ${l.orgId}
    join ${sources} ${src} on ${src.id} = ${l.sourceId}
    left join lateral (
      select case when ${src.kind} = 'amocrm' then ${AMO_QUALIFIED_AT}
        else (select min(${d.createdAt}) from ${deals} ${d} where ${d.leadId} = ${l.id} and ${d.orgId} = ${l.orgId} and ${d.deletedAt} is null) end as first_at,
      (select min(${lh.changedAt}) from ${leadStatusChanges} ${lh} where ${lh.leadId} = ${l.id} and ${lh.semantic} = 'converted') as history_at
    ) cv on true
    where ${l.orgId} = ${orgId} and ${l.deletedAt} is null and ${ids}
      and ${countsAsLead(l.id)}`;
}

/** Activity facts: live, completed activities on the local day they start; call talk time. */
export function insertActivityFacts(orgId: string, ids: SQL): SQL {
  const x = reportActivityFacts;
  const target = insertTarget(x, [x.activityId, x.orgId, x.crmUserId, x.sourceId, x.day, x.type, x.callSeconds, x.dealId]);
  return sql`insert into ${target}
    select ${a.id}, ${a.orgId}, ${a.crmUserId}, ${a.sourceId}, ${localDay(a.startAt)}, ${a.type},
      case when ${a.type} = 'call' then coalesce(${a.durationSeconds}, 0) else 0 end, ${a.dealId}
    from ${activities} ${a} join ${organisations} ${o} on ${o.id} = ${a.orgId}
    where ${a.orgId} = ${orgId} and ${a.deletedAt} is null and ${a.isCompleted} and ${ids}`;
}
