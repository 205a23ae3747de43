// What an amoCRM sync reads, in order: users and groups → pipelines with statuses → companies →
// contacts → leads (deals, each a lead too) → unsorted inbox → tasks → call notes → lead_status_changed events
// → notes of leads, contacts and companies as conversation texts (docs/amocrm-wire.md, docs/sync.md).
import {
  applyActivities, applyConversationTexts, type CanonicalConversationText, applyCompanies, applyContacts, applyCrmUsers, applyDealsAsLeads, applyDepartments, applyPipelines, applyStageChanges, applyStages, applyUnsortedLeads, retireUnsortedLeads,
  type CanonicalActivity, type CanonicalStageChange,
} from "@/lib/canonical";
import type { AmoClient } from "@/lib/connectors/amocrm/client";
import type { AmoPage } from "@/lib/connectors/amocrm/types";
import { mapAmoCallNote, mapAmoTask } from "@/lib/connectors/amocrm/map-activity";
import { amoDate, type AmoMapContext, type AmoRow } from "@/lib/connectors/amocrm/map-common";
import { amoFieldReader } from "@/lib/connectors/amocrm/field-mapping";
import { mapAmoGroup, mapAmoPipeline, mapAmoUser } from "@/lib/connectors/amocrm/map-directory";
import { mapAmoStatusEvent } from "@/lib/connectors/amocrm/map-events";
import { mapAmoLead } from "@/lib/connectors/amocrm/map-lead";
import { mapAmoCompany, mapAmoContact } from "@/lib/connectors/amocrm/map-party";
import { mapAmoUnsorted } from "@/lib/connectors/amocrm/map-unsorted";
import { AMO_NOTE_PREFIX, AMO_TEXT_NOTE_TYPES, mapAmoNote, type AmoNoteEntity } from "@/lib/connectors/amocrm/map-text";
import { amoAccountIdentity } from "@/lib/connectors/amocrm/test-connection";
import { recordReportedAccount } from "@/lib/sources/crm-account";
import type { PagedStep, PassState, SyncPage, SyncPlan, SyncStep, SyncTuning } from "./types";

type ListOptions<R> = {
  key: string;
  /** The time field incremental passes filter and order on. */
  timeField: "updated_at" | "created_at";
  limit?: number;
  query?: Record<string, unknown>;
  /** Prefix of the canonical external id ("task:"), so deletion ranges compare the right ids. */
  idPrefix?: string;
  /** Tests page in smaller steps. */
  maxLimit?: number;
  map: (row: AmoRow) => R | null;
};

/**
 * Page-number paging (amoCRM has no keyset filter): a full pass in id order, an incremental one
 * in time order from the watermark. A resumed pass re-reads its last page, and for id order steps
 * back further when deletions shifted the pages, so no row is skipped.
 */
async function* pagesOf<R>(client: AmoClient, tune: { maxLimit?: number }, path: string, pass: PassState, listOptions: ListOptions<R>): AsyncGenerator<SyncPage<R>> {
  const options = { ...listOptions, ...tune };
  const limit = Math.min(options.limit ?? 250, options.maxLimit ?? 250);
  const isFull = pass.since === null;
  const query: Record<string, unknown> = { ...options.query, limit };
  if (isFull) query.order = { id: "asc" };
  else {
    query.filter = { ...(options.query?.filter as object), [options.timeField]: { from: Math.floor(pass.since!.getTime() / 1000) } };
    if (options.timeField === "updated_at") query.order = { updated_at: "asc" };
  }
  const prefix = options.idPrefix ?? "";
  const resumeAfter = pass.afterId ? Number(pass.afterId.slice(prefix.length)) : null;
  let page = Math.max(1, Math.floor(pass.rowsSeen / limit));
  for (let isFirst = true; ; isFirst = false) {
    const body = await client.get<AmoPage<string, AmoRow>>(path, { ...query, page } as never);
    const rows = body?._embedded?.[options.key] ?? [];
    if (isFirst && isFull && resumeAfter !== null && page > 1 && rows.length > 0 && Number(rows[0].id) > resumeAfter) {
      page--;
      isFirst = true;
      continue;
    }
    if (rows.length === 0) return;
    yield {
      records: rows.map(options.map).filter((r): r is R => r !== null),
      ids: rows.map((row) => `${prefix}${row.id}`),
      lastExternalId: `${prefix}${rows[rows.length - 1].id}`,
      maxModifiedAt: rows.reduce<Date | null>((max, row) => {
        const at = amoDate(row[options.timeField]);
        return at && (!max || at > max) ? at : max;
      }, null),
      rowsRead: rows.length,
      position: (page - 1) * limit + rows.length,
    };
    if (!body?._links?.next) return;
    page++;
  }
}

async function collect<T>(pages: AsyncGenerator<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}

export function amocrmPlan(client: AmoClient, settings: Record<string, unknown>, currency: string, tuning: SyncTuning = {}): SyncPlan {
  const context: AmoMapContext = { currency: typeof settings.currency === "string" ? settings.currency : currency, fields: amoFieldReader(settings) };
  const steps: SyncStep[] = [
    {
      kind: "directory",
      name: "users",
      async run(db, source) {
        const account = await client.get<{ _embedded?: { users_groups?: AmoRow[] } }>("/api/v4/account", { with: "users_groups" });
        // Which account this is, as amoCRM says: its webhooks are checked against it.
        const identity = amoAccountIdentity(account);
        if (identity) await recordReportedAccount(db, source.id, { id: identity.id, domain: identity.subdomain });
        const groups = (account?._embedded?.users_groups ?? []).map(mapAmoGroup);
        const users = (await collect(client.pages<AmoRow>("/api/v4/users", { with: "group" }, "users"))).map(mapAmoUser);
        await applyDepartments(db, source, groups);
        return { fetched: groups.length + users.length, result: await applyCrmUsers(db, source, users) };
      },
    },
    {
      kind: "directory",
      name: "pipelines",
      async run(db, source) {
        const mapped = (await collect(client.pages<AmoRow>("/api/v4/leads/pipelines", {}, "pipelines"))).map(mapAmoPipeline);
        const result = await applyPipelines(db, source, mapped.map((m) => m.pipeline));
        const stages = await applyStages(db, source, mapped.flatMap((m) => m.stages));
        return { fetched: mapped.length, result: { ...result, inserted: result.inserted + stages.inserted, updated: result.updated + stages.updated } };
      },
    },
    {
      kind: "paged",
      name: "companies",
      table: "companies",
      read: (pass) => pagesOf(client, { maxLimit: tuning.amocrmPageSize }, "/api/v4/companies", pass, { key: "companies", timeField: "updated_at", map: mapAmoCompany }),
      apply: (tx, source, records) => applyCompanies(tx, source, records as ReturnType<typeof mapAmoCompany>[]),
      deletes: { entity: "companies" },
    },
    {
      kind: "paged",
      name: "contacts",
      table: "contacts",
      read: (pass) => pagesOf(client, { maxLimit: tuning.amocrmPageSize }, "/api/v4/contacts", pass, { key: "contacts", timeField: "updated_at", map: mapAmoContact }),
      apply: (tx, source, records) => applyContacts(tx, source, records as ReturnType<typeof mapAmoContact>[]),
      deletes: { entity: "contacts" },
    },
    {
      kind: "paged",
      name: "deals",
      table: "deals",
      read: (pass) => pagesOf(client, { maxLimit: tuning.amocrmPageSize }, "/api/v4/leads", pass, { key: "leads", timeField: "updated_at", query: { with: "contacts" }, map: (row) => mapAmoLead(row, context) }),
      // Each is a lead too (lib/canonical/deal-leads.ts). The account's lead_status_changed events
      // follow; differences are not turned into moves here.
      apply: (tx, source, records) => applyDealsAsLeads(tx, source, records as ReturnType<typeof mapAmoLead>[], { deriveStageChanges: false }),
      deletes: { entity: "deals" },
    },
    {
      // After the deals: the inbox names the channel of leads the deals list has shown (or adds them).
      // The inbox holds only what waits, so it is read whole every time.
      kind: "directory",
      name: "unsorted",
      async run(db, source) {
        const items = await collect(client.pages<AmoRow>("/api/v4/leads/unsorted", { order: { created_at: "asc" } }, "unsorted"));
        const records = items.map(mapAmoUnsorted).filter((r) => r !== null);
        const result = await applyUnsortedLeads(db, source, records);
        await retireUnsortedLeads(db, source, records.map((r) => r.externalId));
        return { fetched: items.length, result };
      },
    },
    {
      kind: "paged",
      name: "tasks",
      table: "activities",
      read: (pass) => pagesOf(client, { maxLimit: tuning.amocrmPageSize }, "/api/v4/tasks", pass, { key: "tasks", timeField: "updated_at", idPrefix: "task:", map: mapAmoTask }),
      apply: (tx, source, records) => applyActivities(tx, source, records as CanonicalActivity[]),
      deletes: { entity: "activities", prefix: "task:" },
    },
    {
      kind: "paged",
      name: "calls",
      table: "activities",
      read: (pass) =>
        pagesOf(client, { maxLimit: tuning.amocrmPageSize }, "/api/v4/leads/notes", pass, {
          key: "notes",
          timeField: "updated_at",
          idPrefix: "note:",
          query: { filter: { note_type: ["call_in", "call_out"] } },
          map: (row) => mapAmoCallNote(row, "leads"),
        }),
      apply: (tx, source, records) => applyActivities(tx, source, records as CanonicalActivity[]),
      deletes: { entity: "activities", prefix: "note:" },
    },
    {
      kind: "paged",
      name: "stage_history",
      table: "stage_changes",
      read: (pass) =>
        pagesOf(client, { maxLimit: tuning.amocrmPageSize }, "/api/v4/events", pass, { key: "events", timeField: "created_at", limit: 100, query: { filter: { type: "lead_status_changed" } }, map: mapAmoStatusEvent }),
      apply: (tx, source, records) => applyStageChanges(tx, source, records as CanonicalStageChange[]),
    },
    ...(["leads", "contacts", "companies"] as AmoNoteEntity[]).map((entity): PagedStep<CanonicalConversationText> => ({
      kind: "paged",
      name: `${entity === "leads" ? "lead" : entity === "contacts" ? "contact" : "company"}_notes`,
      table: "conversation_texts",
      read: (pass) =>
        pagesOf(client, { maxLimit: tuning.amocrmPageSize }, `/api/v4/${entity}/notes`, pass, {
          key: "notes",
          timeField: "updated_at",
          idPrefix: AMO_NOTE_PREFIX[entity],
          query: { filter: { note_type: AMO_TEXT_NOTE_TYPES } },
          map: (row) => mapAmoNote(row, entity),
        }),
      apply: (tx, source, records) => applyConversationTexts(tx, source, records),
      deletes: { entity: "conversationTexts", prefix: AMO_NOTE_PREFIX[entity] },
    })),
  ] as SyncStep[];
  // Two pages (≤ 500 rows) ahead: a slot of the 7-per-second window left unused is lost.
  return { steps, readAhead: 2, stats: () => ({ requests: client.stats.requests, retries: client.stats.retries }) };
}
