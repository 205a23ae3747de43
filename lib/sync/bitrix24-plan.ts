// What a Bitrix24 sync reads, in order: users → funnels and stages → companies → contacts → leads
// → deals → activities → call talk time → deal stage history (docs/bitrix24-wire.md).
import {
  applyActivities, applyCallDurations, applyCompanies, applyContacts, applyCrmUsers, applyDeals, applyDepartments, applyLeads,
  applyPipelines, applyStageChanges, applyStages, type CanonicalStage,
} from "@/lib/canonical";
import type { Bitrix24Client } from "@/lib/connectors/bitrix24/client";
import { mapB24Activity, mapB24CallDurations } from "@/lib/connectors/bitrix24/map-activity";
import { b24Date, b24UtmFieldsFromSettings, type B24MapContext, type B24Row } from "@/lib/connectors/bitrix24/map-common";
import { mapB24Deal } from "@/lib/connectors/bitrix24/map-deal";
import { mapB24Category, mapB24Department, mapB24SourceNames, mapB24Stage, mapB24User } from "@/lib/connectors/bitrix24/map-directory";
import { mapB24Lead } from "@/lib/connectors/bitrix24/map-lead";
import { mapB24Company, mapB24Contact } from "@/lib/connectors/bitrix24/map-party";
import { mapB24StageHistory } from "@/lib/connectors/bitrix24/map-stage-history";
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
  ] as SyncStep[];
  // One page (2,500 rows) ahead: the token bucket banks what a slow write leaves unused.
  return { steps, readAhead: 1, stats: () => ({ requests: client.stats.requests, retries: client.stats.retries }) };
}

