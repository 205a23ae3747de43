// The reads behind the Conversations report (./conversations.ts): the deals' conversation texts in
// the viewer's scope and filters, each with its analysis once the queue has done it
// (lib/ai/conversation-jobs.ts names each job "conversation:<text id>").
import { sql, type SQL } from "drizzle-orm";
import { aiJobs, conversationTexts, crmUsers, deals, stages } from "@/db/schema";
import { selectRows } from "@/db/migrate";
import type { ObjectionType } from "@/lib/ai/schema";
import { reportRows } from "./filters";
import type { ReportContext } from "./report";

/** The deal table as the scope and the filters see it: its manager, source and pipeline. */
const dealColumns = { orgId: deals.orgId, crmUserId: deals.crmUserId, sourceId: deals.sourceId, pipelineId: deals.pipelineId };

/** The analysis of a text, joined by its job (done jobs only). */
const analysisJoin = sql`left join ${aiJobs} on ${aiJobs.orgId} = ${conversationTexts.orgId}
  and ${aiJobs.ref} = 'conversation:' || ${conversationTexts.id} and ${aiJobs.status} = 'done'`;

/**
 * Non-empty live texts of live deals in scope written in the period, with the deal's manager as a
 * person (the Voronka user a CRM account is linked to, else the CRM user: one person's Bitrix24 and
 * amoCRM accounts are one row, as in the managers report) and stage, the month (organisation's zone)
 * and the analysis (null until analysed).
 */
function textsInScope(context: ReportContext): SQL {
  const { period, org } = context;
  return sql`select ${conversationTexts.id} as id, ${conversationTexts.occurredAt} as occurred_at, ${deals.id} as deal_id, ${deals.title} as deal_title,
      coalesce(${crmUsers.userId}, ${deals.crmUserId}) as person_id, ${deals.stageId} as stage_id, to_char(${conversationTexts.occurredAt} at time zone ${org.timezone}, 'YYYY-MM') as month,
      ${aiJobs.analysis} as analysis
    from ${conversationTexts}
    join ${deals} on ${deals.id} = ${conversationTexts.dealId} and ${deals.deletedAt} is null
    left join ${crmUsers} on ${crmUsers.id} = ${deals.crmUserId}
    ${analysisJoin}
    where ${conversationTexts.orgId} = ${context.scope.orgId} and ${conversationTexts.deletedAt} is null and btrim(${conversationTexts.body}) <> ''
      and ${conversationTexts.occurredAt} >= ${period.from.toISOString()}::timestamptz and ${conversationTexts.occurredAt} < ${period.to.toISOString()}::timestamptz
      and ${reportRows(context, dealColumns)}`;
}

/** Each analysed text's objections, one row per text and objection type (a type named twice in one text counts once). */
function objectionsOf(texts: SQL): SQL {
  return sql`select distinct t.id, t.occurred_at, t.deal_id, t.deal_title, t.person_id, t.stage_id, t.month, o->>'type' as type, o->>'quote' as quote
    from (${texts}) t cross join lateral jsonb_array_elements(coalesce(t.analysis->'objections', '[]'::jsonb)) o`;
}

export type Dimension = "manager" | "stage" | "month" | "total";
/** type null: texts that raised any objection (a text raising two types counts once). */
export type ObjectionCountRow = { dimension: Dimension; key: string | null; type: ObjectionType | null; texts: number };

/** Texts that raised each objection type, and any: per manager, per stage, per month and in total, in one read. */
export function countObjections(context: ReportContext): Promise<ObjectionCountRow[]> {
  return selectRows<ObjectionCountRow>(
    context.db,
    sql`select case when grouping(person_id) = 0 then 'manager' when grouping(stage_id) = 0 then 'stage' when grouping(month) = 0 then 'month' else 'total' end as dimension,
        coalesce(person_id::text, stage_id::text, month) as key, type, count(distinct id)::int as texts
      from (${objectionsOf(textsInScope(context))}) o
      group by grouping sets ((person_id, type), (person_id), (stage_id, type), (stage_id), (month, type), (month), (type), ())`,
  );
}

export type TextCountRow = {
  dimension: Exclude<Dimension, "stage">;
  key: string | null;
  texts: number;
  analysed: number;
  averageSentiment: number | null;
  positive: number;
  neutral: number;
  negative: number;
};

/** Texts, analysed texts and their tone (±0.2 is neutral, as lib/ai/schema.ts counts it) per manager, per month and in total. */
export function countTexts(context: ReportContext): Promise<TextCountRow[]> {
  return selectRows<TextCountRow>(
    context.db,
    sql`select case when grouping(person_id) = 0 then 'manager' when grouping(month) = 0 then 'month' else 'total' end as dimension,
        coalesce(person_id::text, month) as key, count(*)::int as texts, count(s)::int as analysed,
        round(avg(s)::numeric, 2)::float8 as "averageSentiment",
        count(*) filter (where s > 0.2)::int as positive, count(*) filter (where s between -0.2 and 0.2)::int as neutral, count(*) filter (where s < -0.2)::int as negative
      from (select t.*, (t.analysis->>'sentiment')::float8 as s from (${textsInScope(context)}) t) x
      group by grouping sets ((person_id), (month), ())`,
  );
}

export type LostDealRow = { dealId: string; title: string; managerName: string | null; closedAt: string | null; type: ObjectionType | null; quote: string | null };

/**
 * Lost deals in scope closed in the period, each with its last objection: the first objection of its
 * most recent analysed text that raised any (whenever it was written); type null when none did.
 */
export function lostDeals(context: ReportContext): Promise<LostDealRow[]> {
  const { period } = context;
  return selectRows<LostDealRow>(
    context.db,
    sql`select ${deals.id} as "dealId", ${deals.title} as title, ${crmUsers.name} as "managerName", ${deals.closedAt} as "closedAt", last.type, last.quote
      from ${deals}
      join ${stages} on ${stages.id} = ${deals.stageId} and ${stages.semantic} = 'lost'
      left join ${crmUsers} on ${crmUsers.id} = ${deals.crmUserId}
      left join lateral (
        select ${aiJobs.analysis}->'objections'->0->>'type' as type, ${aiJobs.analysis}->'objections'->0->>'quote' as quote
        from ${conversationTexts} ${analysisJoin}
        where ${conversationTexts.dealId} = ${deals.id} and ${conversationTexts.deletedAt} is null
          and jsonb_array_length(coalesce(${aiJobs.analysis}->'objections', '[]'::jsonb)) > 0
        order by ${conversationTexts.occurredAt} desc, ${conversationTexts.id} desc
        limit 1
      ) last on true
      where ${deals.deletedAt} is null and ${deals.closedAt} >= ${period.from.toISOString()}::timestamptz and ${deals.closedAt} < ${period.to.toISOString()}::timestamptz
        and ${reportRows(context, dealColumns)}
      order by ${deals.closedAt} desc, ${deals.id}`,
  );
}

export type QuoteRow = { type: ObjectionType; quote: string; dealId: string; dealTitle: string; managerName: string | null; occurredAt: string };

/** The newest `perType` quotes of each objection type. */
export function exampleQuotes(context: ReportContext, perType: number): Promise<QuoteRow[]> {
  return selectRows<QuoteRow>(
    context.db,
    sql`select type, quote, deal_id as "dealId", deal_title as "dealTitle", ${crmUsers.name} as "managerName", occurred_at as "occurredAt"
      from (select o.*, row_number() over (partition by type order by occurred_at desc, id) as n from (${objectionsOf(textsInScope(context))}) o) ranked
      join ${deals} on ${deals.id} = ranked.deal_id
      left join ${crmUsers} on ${crmUsers.id} = ${deals.crmUserId}
      where n <= ${perType}
      order by type, occurred_at desc`,
  );
}
