// What a Bitrix24 sync reads, in order: users → funnels and stages → companies → contacts → leads
// → deals → activities → call talk time → deal stage history → lead status history → conversation texts: activity
// descriptions, call records, deal timeline comments (docs/bitrix24-wire.md, docs/sync.md).
import {
  applyActivities, applyCallDurations, applyConversationTexts, markDealTextsGone, type CanonicalConversationText, applyCompanies, applyContacts, applyCrmUsers, applyDeals, applyDepartments, applyLeads,
  applyPipelines, applyStageChanges, applyStages, type CanonicalStage, applyLeadStatusChanges,
} from "@/lib/canonical";
import type { Bitrix24Client } from "@/lib/connectors/bitrix24/client";
import { mapB24Activity, mapB24CallDurations } from "@/lib/connectors/bitrix24/map-activity";
import { b24Date, b24UtmFieldsFromSettings, type B24MapContext, type B24Row } from "@/lib/connectors/bitrix24/map-common";
import { mapB24Deal } from "@/lib/connectors/bitrix24/map-deal";
import { mapB24Category, mapB24Department, mapB24SourceNames, mapB24Stage, mapB24User } from "@/lib/connectors/bitrix24/map-directory";
import { mapB24Lead } from "@/lib/connectors/bitrix24/map-lead";
import { mapB24LeadStatusHistory } from "@/lib/connectors/bitrix24/map-lead-status-history";
import { mapB24Company, mapB24Contact } from "@/lib/connectors/bitrix24/map-party";
import { mapB24StageHistory } from "@/lib/connectors/bitrix24/map-stage-history";
import { mapB24ActivityText, mapB24CallRecord, mapB24TimelineComment } from "@/lib/connectors/bitrix24/map-text";
import { toBracketQuery } from "@/lib/connectors/http/query-string";
import { subCallError, TRANSIENT_SUBCALL_ERRORS } from "@/lib/connectors/bitrix24/list";
import type { PassState, SyncPage, SyncPlan, SyncStep, SyncTuning } from "./types";

async function collect<T>(pages: AsyncGenerator<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}

const maxDate = (dates: (Date | null | undefined)[]) => dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

/** Keyset pages of a classic list, 2,500 rows per request, with the incremental filter on `modifyField`. */
async function* pagesOf<R>(
  client: Bitrix24Client,
  method: string,
  pass: PassState,
  options: { modifyField: string; select?: string[]; entityTypeId?: number; commandsPerRequest?: number; map: (rows: B24Row[]) => R[] },
): AsyncGenerator<SyncPage<R>> {
  const filter: Record<string, string> = pass.since ? { [`>=${options.modifyField}`]: pass.since.toISOString() } : {};
  const pages = client.listAll<B24Row>(method, { filter, select: options.select, entityTypeId: options.entityTypeId }, { afterId: Number(pass.afterId ?? 0), onTotal: pass.onTotal, commandsPerRequest: options.commandsPerRequest });
  for await (const rows of pages) {
    if (rows.length === 0) continue;
    yield {
      records: options.map(rows),
      ids: rows.map((row) => String(row.ID)),
      lastExternalId: String(rows[rows.length - 1].ID),
      maxModifiedAt: maxDate(rows.map((row) => b24Date(row[options.modifyField]))),
      rowsRead: rows.length,
    };
  }
}

export function bitrix24Plan(client: Bitrix24Client, settings: Record<string, unknown>, defaultCurrency: string, tuning: SyncTuning = {}): SyncPlan {
  const pages = <R>(method: string, pass: PassState, options: Parameters<typeof pagesOf<R>>[3]) =>
    pagesOf<R>(client, method, pass, { commandsPerRequest: tuning.bitrix24CommandsPerRequest, ...options });
  const context: B24MapContext = { utmFields: b24UtmFieldsFromSettings(settings), defaultCurrency, sourceNames: new Map() };
  const steps: SyncStep[] = [
    {
      kind: "directory",
      name: "users",
      async run(db, source) {
        const departments = (await collect(client.listByOffset<B24Row>("department.get"))).map(mapB24Department);
        const users = (await collect(client.listByOffset<B24Row>("user.get", {}))).map(mapB24User);
        await applyDepartments(db, source, departments);
        return { fetched: departments.length + users.length, result: await applyCrmUsers(db, source, users) };
      },
    },
    {
      kind: "directory",
      name: "pipelines",
      async run(db, source) {
        const categories = (await collect(client.listByOffset<B24Row>("crm.category.list", { entityTypeId: 2 }, { itemsKey: "categories" }))).map(mapB24Category);
        // Funnel 0 exists even where crm.category.list leaves it out.
        if (!categories.some((c) => c.externalId === "0")) categories.push({ externalId: "0", name: "Общая", sort: 0 });
        const statuses = await collect(client.listByOffset<B24Row>("crm.status.list", {}));
        context.sourceNames = mapB24SourceNames(statuses);
        const stages = statuses.map(mapB24Stage).filter((s): s is CanonicalStage => s !== null);
        const result = await applyPipelines(db, source, categories);
        const stageResult = await applyStages(db, source, stages);
        return { fetched: categories.length + statuses.length, result: { ...result, inserted: result.inserted + stageResult.inserted, updated: result.updated + stageResult.updated } };
      },
    },
    {
      kind: "paged",
      name: "companies",
      table: "companies",
      read: (pass) => pages("crm.company.list", pass, { modifyField: "DATE_MODIFY", select: ["*", "UF_*", "PHONE", "EMAIL"], map: (rows) => rows.map(mapB24Company) }),
      apply: (tx, source, records) => applyCompanies(tx, source, records as ReturnType<typeof mapB24Company>[]),
      deletes: { entity: "companies" },
    },
    {
      kind: "paged",
      name: "contacts",
      table: "contacts",
      read: (pass) => pages("crm.contact.list", pass, { modifyField: "DATE_MODIFY", select: ["*", "UF_*", "PHONE", "EMAIL"], map: (rows) => rows.map(mapB24Contact) }),
      apply: (tx, source, records) => applyContacts(tx, source, records as ReturnType<typeof mapB24Contact>[]),
      deletes: { entity: "contacts" },
    },
    {
      kind: "paged",
      name: "leads",
      table: "leads",
      read: (pass) => pages("crm.lead.list", pass, { modifyField: "DATE_MODIFY", select: ["*", "UF_*"], map: (rows) => rows.map((row) => mapB24Lead(row, context)) }),
      apply: (tx, source, records) => applyLeads(tx, source, records as ReturnType<typeof mapB24Lead>[]),
      deletes: { entity: "leads" },
    },
    {
      kind: "paged",
      name: "deals",
      table: "deals",
      read: (pass) => pages("crm.deal.list", pass, { modifyField: "DATE_MODIFY", select: ["*", "UF_*"], map: (rows) => rows.map((row) => mapB24Deal(row, context)) }),
      // The portal's own stage history follows; differences are not turned into moves here.
      apply: (tx, source, records) => applyDeals(tx, source, records as ReturnType<typeof mapB24Deal>[], { deriveStageChanges: false }),
      deletes: { entity: "deals" },
    },
    {
      kind: "paged",
      name: "activities",
      table: "activities",
      read: (pass) =>
        pages("crm.activity.list", pass, {
          modifyField: "LAST_UPDATED",
          select: ["*"],
          map: (rows) => rows.map((row) => mapB24Activity(row)).filter((a) => a !== null),
        }),
      apply: (tx, source, records) => applyActivities(tx, source, records as NonNullable<ReturnType<typeof mapB24Activity>>[]),
      deletes: { entity: "activities" },
    },
    {
      kind: "paged",
      name: "calls",
      read: (pass) => pages("voximplant.statistic.get", pass, { modifyField: "CALL_START_DATE", map: (rows) => [...mapB24CallDurations(rows)] }),
      apply: (tx, source, records) => applyCallDurations(tx, source, new Map(records as [string, number][])),
    },
    {
      kind: "paged",
      name: "stage_history",
      table: "stage_changes",
      appendOnly: true,
      read: (pass) => pages("crm.stagehistory.list", pass, { modifyField: "CREATED_TIME", entityTypeId: 2, map: mapB24StageHistory }),
      apply: (tx, source, records) => applyStageChanges(tx, source, records as ReturnType<typeof mapB24StageHistory>),
    },
    {
      // The same method for leads (entityTypeId 1): each lead's statuses and when it entered them.
      kind: "paged",
      name: "lead_status_history",
      table: "lead_status_changes",
      appendOnly: true,
      read: (pass) => pages("crm.stagehistory.list", pass, { modifyField: "CREATED_TIME", entityTypeId: 1, map: mapB24LeadStatusHistory }),
      apply: (tx, source, records) => applyLeadStatusChanges(tx, source, records as ReturnType<typeof mapB24LeadStatusHistory>),
    },
    {
      // The activities again, their descriptions only: a step of its own keeps its own cursor,
      // progress and deletions (an activity gone or its description cleared takes its text).
      kind: "paged",
      name: "activity_texts",
      table: "conversation_texts",
      read: (pass) =>
        prefixed("activity:", pass, (unprefixed) => pages("crm.activity.list", unprefixed, {
          modifyField: "LAST_UPDATED",
          select: ["ID", "OWNER_ID", "OWNER_TYPE_ID", "TYPE_ID", "PROVIDER_ID", "DESCRIPTION", "DESCRIPTION_TYPE", "DIRECTION", "RESPONSIBLE_ID", "AUTHOR_ID", "START_TIME", "CREATED", "LAST_UPDATED"],
          map: (rows) => rows.map(mapB24ActivityText).filter((t) => t !== null),
        })),
      apply: (tx, source, records) => applyConversationTexts(tx, source, records as CanonicalConversationText[]),
      deletes: { entity: "conversationTexts", prefix: "activity:" },
    },
    {
      // Telephony statistics again, the calls with a record: the link, never the audio.
      kind: "paged",
      name: "call_records",
      table: "conversation_texts",
      read: (pass) => prefixed("call:", pass, (unprefixed) => pages("voximplant.statistic.get", unprefixed, { modifyField: "CALL_START_DATE", map: (rows) => rows.map(mapB24CallRecord).filter((t) => t !== null) })),
      apply: (tx, source, records) => applyConversationTexts(tx, source, records as CanonicalConversationText[]),
    },
    {
      // crm.timeline.comment.list needs one deal per call (ENTITY_ID + ENTITY_TYPE): the deals are
      // paged like the deals step, and each page's comments fetched 50 deals per batch request.
      kind: "paged",
      name: "comments",
      table: "conversation_texts",
      read: (pass) => dealComments(client, pass, pages),
      apply: async (tx, source, records) => {
        const pagesRead = records as DealComments[];
        const comments = pagesRead.flatMap((p) => p.comments);
        const result = await applyConversationTexts(tx, source, comments);
        const gone = await markDealTextsGone(tx, source, "bitrix_timeline_comment", pagesRead.map((p) => p.dealExternalId), comments.map((c) => c.externalId));
        return { ...result, deleted: (result.deleted ?? 0) + gone };
      },
    },
  ] as SyncStep[];
  // One page (2,500 rows) ahead: the token bucket banks what a slow write leaves unused.
  return { steps, readAhead: 1, stats: () => ({ requests: client.stats.requests, retries: client.stats.retries }) };
}


/** The page's ids as the texts table stores them ("activity:12"), for the full pass's deletion ranges. */
async function* prefixed<R>(prefix: string, pass: PassState, read: (pass: PassState) => AsyncGenerator<SyncPage<R>>): AsyncGenerator<SyncPage<R>> {
  const afterId = pass.afterId?.startsWith(prefix) ? pass.afterId.slice(prefix.length) : pass.afterId;
  for await (const page of read({ ...pass, afterId })) yield { ...page, ids: page.ids.map((id) => prefix + id), lastExternalId: prefix + page.lastExternalId };
}

type DealComments = { dealExternalId: string; comments: CanonicalConversationText[] };
type PagesOf = <R>(method: string, pass: PassState, options: Parameters<typeof pagesOf<R>>[3]) => AsyncGenerator<SyncPage<R>>;

/** 50 comments a page per deal; a deal with more is asked again from `next` in the following request. */
async function* dealComments(client: Bitrix24Client, pass: PassState, pages: PagesOf): AsyncGenerator<SyncPage<DealComments>> {
  // The resume point is a deal id, unprefixed (the step keeps no deletion range).
  for await (const page of pages<string>("crm.deal.list", pass, { modifyField: "DATE_MODIFY", select: ["ID", "DATE_MODIFY"], map: (rows) => rows.map((row) => String(row.ID)) })) {
    const byDeal = new Map<string, CanonicalConversationText[]>(page.records.map((id) => [id, []]));
    let pending: { dealId: string; start: number }[] = page.records.map((dealId) => ({ dealId, start: 0 }));
    let stalls = 0;
    while (pending.length > 0) {
      const round = pending.slice(0, 50);
      pending = pending.slice(50);
      const commands = Object.fromEntries(
        round.map((p, i) => [`c${i}`, `crm.timeline.comment.list?${toBracketQuery({ filter: { ENTITY_ID: p.dealId, ENTITY_TYPE: "deal" }, order: { ID: "ASC" }, start: p.start })}`]),
      );
      const batch = await client.batch(commands);
      let blocked = 0;
      round.forEach((p, i) => {
        const key = `c${i}`;
        const error = batch.result_error[key];
        if (error && !TRANSIENT_SUBCALL_ERRORS.has(error.error)) throw subCallError(client, error, "crm.timeline.comment.list");
        if (error) {
          // Blocked for a while (OPERATION_TIME_LIMIT and the like): asked again after a pause.
          pending.push(p);
          blocked++;
          return;
        }
        const rows = (batch.result[key] ?? []) as B24Row[];
        byDeal.get(p.dealId)!.push(...rows.map(mapB24TimelineComment));
        const next = batch.result_next[key];
        if (typeof next === "number" && rows.length > 0) pending.push({ dealId: p.dealId, start: next });
      });
      if (blocked === round.length) {
        if (++stalls >= 10) throw subCallError(client, batch.result_error.c0, "crm.timeline.comment.list");
        client.stats.retries++;
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 500 * 2 ** stalls)));
      } else stalls = 0;
    }
    yield { ...page, records: [...byDeal].map(([dealExternalId, comments]) => ({ dealExternalId, comments })) };
  }
}
