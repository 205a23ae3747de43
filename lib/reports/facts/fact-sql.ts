// The SQL that turns source rows (deals with their stage changes, leads, activities) into per-row
// report facts. Each builder takes the organisation and a condition on the source row's id (all of
// the organisation's rows for a rebuild, a list of ids for a refresh) and inserts the facts.
// Local days and exchange rates use the organisation's own time zone and base currency.
import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { activities, deals, leads, organisations, reportStageFacts } from "@/db/schema";
import { countsAsLead } from "@/lib/forms/counting";
import { baseAmountSql } from "../base-amount";

// The source rows under the aliases the statements below use; refresh.ts selects rows through them.
const d = alias(deals, "d");
const o = alias(organisations, "o");
export const factSources = { deal: d, lead: alias(leads, "l"), activity: alias(activities, "a"), stageFact: alias(reportStageFacts, "f") };

/** A deal's amount in the base currency at the latest rate on or before the local day of `at`. */
function baseAmount(at: string): SQL {
  return baseAmountSql(d, sql.raw(at), o.baseCurrency, o.timezone);
}

/** Deal facts: live deals only (a deleted deal counts nowhere). `ids` is a condition on `d.id`. */
export function insertDealFacts(orgId: string, ids: SQL): SQL {
  const currentRateAt = "(case when s.semantic = 'open' then d.created_at else coalesce(d.closed_at, d.created_at) end)";
  return sql`insert into report_deal_facts (deal_id, org_id, crm_user_id, source_id, pipeline_id, stage_id, semantic, lead_id, currency,
      created_day, closed_day, current_amount, closed_amount, cycle_seconds)
    select d.id, d.org_id, d.crm_user_id, d.source_id, d.pipeline_id, d.stage_id, s.semantic, d.lead_id, d.currency,
      (d.created_at at time zone o.timezone)::date,
      (d.closed_at at time zone o.timezone)::date,
      ${baseAmount(currentRateAt)},
      case when d.closed_at is not null then ${baseAmount("d.closed_at")} end,
      extract(epoch from (d.closed_at - d.created_at))
    from deals d
    join stages s on s.id = d.stage_id
    join organisations o on o.id = d.org_id
    where d.org_id = ${orgId} and d.deleted_at is null and ${ids}`;
}

/**
 * Stage facts of live deals. A deal's entries into stages are its recorded stage changes, or, when
 * none is recorded, its current stage at its creation. Each entry is a stay lasting until the deal's
 * next entry (unfinished for the last one). A deal reaches a stage when it enters it, or, for an open
 * stage, a later open stage of the same pipeline or a won stage; per local day, and flagged on the
 * first and the last such day.
 */
export function insertStageFacts(orgId: string, ids: SQL): SQL {
  return sql`insert into report_stage_facts (deal_id, stage_id, day, org_id, crm_user_id, source_id, reached, first_reached, last_reached, closed_stays, stay_seconds, open_stays, open_start_epoch)
    with vd as (
      select d.id, d.org_id, d.crm_user_id, d.source_id, d.stage_id, d.created_at, o.timezone
      from deals d join organisations o on o.id = d.org_id
      where d.org_id = ${orgId} and d.deleted_at is null and ${ids}
    ),
    entries as (
      select sc.deal_id, sc.to_stage_id as stage_id, sc.changed_at from stage_changes sc join vd d on d.id = sc.deal_id
      union all
      select d.id, d.stage_id, d.created_at from vd d where not exists (select 1 from stage_changes sc where sc.deal_id = d.id)
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
      select e.deal_id, s.id, e.changed_at, 1, 0, 0, 0, 0
      from entries e
      join stages t on t.id = e.stage_id
      join stages s on s.pipeline_id = t.pipeline_id
        and (s.id = t.id or (s.semantic = 'open' and ((t.semantic = 'open' and t.sort > s.sort) or t.semantic = 'won')))
    ),
    daily as (
      select p.deal_id, p.stage_id, (p.at at time zone d.timezone)::date as day, d.org_id, d.crm_user_id, d.source_id,
        max(p.reached) as reached, sum(p.closed_stays) as closed_stays, sum(p.stay_seconds) as stay_seconds,
        sum(p.open_stays) as open_stays, sum(p.open_start_epoch) as open_start_epoch
      from parts p join vd d on d.id = p.deal_id
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
  return sql`insert into report_stage_gaps (deal_id, stage_id, from_day, to_day, org_id, crm_user_id, source_id)
    select deal_id, stage_id, day, next_day, org_id, crm_user_id, source_id
    from (
      select f.deal_id, f.stage_id, f.day, lead(f.day) over (partition by f.deal_id, f.stage_id order by f.day) as next_day, f.org_id, f.crm_user_id, f.source_id
      from report_stage_facts f
      where f.org_id = ${orgId} and f.reached = 1 and ${ids}
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
  return sql`select t.id from stages t
    join sources src on src.id = t.source_id and src.kind = 'amocrm'
    left join stages q on q.pipeline_id = t.pipeline_id and q.semantic <> 'lost'
      and q.id::text = src.settings -> 'qualifiedStages' ->> (t.pipeline_id::text)
    where t.org_id = ${orgId}
      and case when q.id is null then t.semantic = 'won'
        else t.id = q.id or (q.semantic = 'open' and ((t.semantic = 'open' and t.sort > q.sort) or t.semantic = 'won')) end`;
}

/**
 * When an amoCRM lead first reached a qualifying stage: its deal's first recorded entry into one,
 * else, when its current stage qualifies, the moment it entered it as far as we know (the close for a
 * won stage, else the creation, as the stage facts assume without history).
 */
const AMO_QUALIFIED_AT = sql`(select coalesce(
      (select min(sc.changed_at) from stage_changes sc where sc.deal_id = d.id and sc.to_stage_id in (select id from qualifying)),
      case when d.stage_id in (select id from qualifying) then (case when cur.semantic = 'open' then d.created_at else coalesce(d.closed_at, d.created_at) end) end)
    from deals d join stages cur on cur.id = d.stage_id
    where d.lead_id = l.id and d.source_id = l.source_id and d.external_id = l.external_id and d.deleted_at is null)`;

/**
 * Lead facts of live leads. A Bitrix24 lead is converted when the CRM says so or a live deal of the
 * organisation points to it; it converted at `converted_at`, else when its first such deal was
 * created (never before the lead: a deal made earlier and linked later counts as zero days). An
 * amoCRM lead (its own deal) is converted when that deal reached a qualifying stage, at that moment.
 * A site form's submission counts only while it has not reached the CRM: once matched to a CRM lead
 * or deal, that CRM lead is the one counted (docs/api.md, "Leads"), so a person is not counted twice.
 */
export function insertLeadFacts(orgId: string, ids: SQL): SQL {
  return sql`insert into report_lead_facts (lead_id, org_id, crm_user_id, source_id, day, channel, utm_source, converted, days_to_convert)
    with qualifying as (${qualifyingStages(orgId)})
    select l.id, l.org_id, l.crm_user_id, l.source_id, (l.created_at at time zone o.timezone)::date,
      nullif(btrim(l.channel), ''), nullif(btrim(l.utm_source), ''),
      case when l.status_semantic = 'converted' or cv.first_at is not null then 1 else 0 end,
      case when (l.status_semantic = 'converted' or cv.first_at is not null) and coalesce(l.converted_at, cv.first_at) is not null
        then greatest(0, extract(epoch from (coalesce(l.converted_at, cv.first_at) - l.created_at)) / 86400)::float8 end
    from leads l
    join organisations o on o.id = l.org_id
    join sources src on src.id = l.source_id
    left join lateral (
      select case when src.kind = 'amocrm' then ${AMO_QUALIFIED_AT}
        else (select min(d.created_at) from deals d where d.lead_id = l.id and d.org_id = l.org_id and d.deleted_at is null) end as first_at
    ) cv on true
    where l.org_id = ${orgId} and l.deleted_at is null and ${ids}
      and ${countsAsLead(sql`l.id`)}`;
}

/** Activity facts: live, completed activities on the local day they start; call talk time. */
export function insertActivityFacts(orgId: string, ids: SQL): SQL {
  return sql`insert into report_activity_facts (activity_id, org_id, crm_user_id, source_id, day, type, call_seconds, deal_id)
    select a.id, a.org_id, a.crm_user_id, a.source_id, (a.start_at at time zone o.timezone)::date, a.type,
      case when a.type = 'call' then coalesce(a.duration_seconds, 0) else 0 end, a.deal_id
    from activities a join organisations o on o.id = a.org_id
    where a.org_id = ${orgId} and a.deleted_at is null and a.is_completed and ${ids}`;
}
