// The admin's side of write-back for one source: the CRM's fields to choose from with the stored
// mapping and the outbox's state, saving the mapping (only fields the CRM listed), the dry run,
// and running a pass (plan → outbox → CRM).
import { and, count, desc, eq } from "drizzle-orm";
import { sources, writeBackOutbox, type RunFailure, type WriteBackEntity } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { writeAudit } from "@/lib/audit";
import type { CrmWritableField, CrmWriter } from "@/lib/connectors/crm-writer";
import { ValidationError } from "@/lib/errors";
import { orgIsActive } from "@/lib/hosted/suspension";
import { clientForSource, type ClientDeps } from "@/lib/sources/clients";
import { getSourceRow } from "@/lib/sources/manage-sources";
import { drainWriteBack, type DrainResult } from "./deliver";
import { KEY_ENTITY, WRITE_BACK_KEYS, type WriteBackKey, type WriteBackSettings } from "./keys";
import { countChanges, enqueueChanges, planChanges, type DryRun } from "./plan";
import { writeBackSettingsOf } from "./settings";

type Admin = Pick<Viewer, "orgId" | "userId">;
type SourceRow = typeof sources.$inferSelect;

export type OutboxCounts = Record<"pending" | "failed" | "sent" | "dead", number>;
export type DeadWrite = { entity: WriteBackEntity; externalId: string; attempts: number; error: string | null; failure: RunFailure | null };
export type WriteBackView = WriteBackSettings & {
  /** The values this CRM can take (lead_* only on Bitrix24), each with its record type. */
  keys: { key: WriteBackKey; entity: WriteBackEntity }[];
  /** The CRM's own fields that can take a value, per record type. */
  crmFields: Record<WriteBackEntity, CrmWritableField[]>;
  outbox: OutboxCounts;
  dead: DeadWrite[];
};

export function crmWriterOf(db: Db, source: SourceRow, deps: ClientDeps): CrmWriter {
  const writer = source.kind === "bitrix24" || source.kind === "amocrm" ? clientForSource(db, source, deps).writer : undefined;
  if (!writer) throw new ValidationError("Only a Bitrix24 or amoCRM source can be written to", { code: "write_back_crm_only" });
  return writer;
}

/** The CRM's lists, one request per record type it can be written on (amoCRM has no lead list: its leads are deals). */
/** A lead_* value needs a CRM with leads apart from deals (Bitrix24). */
export function assertWritable(writer: CrmWriter, key: WriteBackKey): void {
  if (!writer.entities.includes(KEY_ENTITY[key])) {
    throw new ValidationError(`This CRM has no ${KEY_ENTITY[key]} records to write ${key} on`, { code: "write_back_no_leads", field: `fields.${key}` });
  }
}

async function listFields(writer: CrmWriter): Promise<Record<WriteBackEntity, CrmWritableField[]>> {
  const lists: Record<WriteBackEntity, CrmWritableField[]> = { deal: [], contact: [], lead: [] };
  for (const entity of writer.entities) lists[entity] = await writer.listFields(entity);
  return lists;
}

export async function getWriteBack(db: Db, orgId: string, sourceId: string, deps: ClientDeps = {}): Promise<WriteBackView> {
  const source = await getSourceRow(db, orgId, sourceId);
  const writer = crmWriterOf(db, source, deps);
  const crmFields = await listFields(writer);
  const keys = WRITE_BACK_KEYS.filter((key) => writer.entities.includes(KEY_ENTITY[key])).map((key) => ({ key, entity: KEY_ENTITY[key] }));
  return { ...writeBackSettingsOf(source.settings), keys, crmFields, ...(await outboxState(db, orgId, sourceId)) };
}

export async function outboxState(db: Db, orgId: string, sourceId: string): Promise<{ outbox: OutboxCounts; dead: DeadWrite[] }> {
  const scope = and(eq(writeBackOutbox.orgId, orgId), eq(writeBackOutbox.sourceId, sourceId));
  const rows = await db.select({ status: writeBackOutbox.status, n: count() }).from(writeBackOutbox).where(scope).groupBy(writeBackOutbox.status);
  const outbox: OutboxCounts = { pending: 0, failed: 0, sent: 0, dead: 0 };
  for (const row of rows) outbox[row.status] = Number(row.n);
  const dead = await db
    .select({ entity: writeBackOutbox.entity, externalId: writeBackOutbox.externalId, attempts: writeBackOutbox.attempts, error: writeBackOutbox.lastError, failure: writeBackOutbox.lastFailure })
    .from(writeBackOutbox)
    .where(and(scope, eq(writeBackOutbox.status, "dead")))
    .orderBy(desc(writeBackOutbox.createdAt))
    .limit(20);
  return { outbox, dead };
}

/** Stores the mapping and the switch; every chosen field must be one the CRM listed for that record type. */
export async function saveWriteBack(db: Db, viewer: Admin, sourceId: string, input: WriteBackSettings, deps: ClientDeps = {}): Promise<WriteBackSettings> {
  const source = await getSourceRow(db, viewer.orgId, sourceId);
  const writer = crmWriterOf(db, source, deps);
  for (const key of Object.keys(input.fields) as WriteBackKey[]) assertWritable(writer, key);
  const fields = await listFields(writer);
  for (const [key, field] of Object.entries(input.fields) as [WriteBackKey, string][]) {
    if (!fields[KEY_ENTITY[key]].some((known) => known.id === field)) {
      throw new ValidationError(`The CRM has no ${KEY_ENTITY[key]} field ${field} that can take a value`, { code: "write_back_unknown_field", field: `fields.${key}`, params: { field } });
    }
  }
  const chosen = new Map<string, WriteBackKey>();
  for (const [key, field] of Object.entries(input.fields) as [WriteBackKey, string][]) {
    const other = chosen.get(`${KEY_ENTITY[key]}:${field}`);
    if (other) throw new ValidationError(`${key} and ${other} cannot both be written to ${field}`, { code: "write_back_field_twice", field: `fields.${key}`, params: { field } });
    chosen.set(`${KEY_ENTITY[key]}:${field}`, key);
  }
  const settings: WriteBackSettings = { isEnabled: input.isEnabled, fields: input.fields };
  await db.update(sources).set({ settings: { ...source.settings, writeBack: settings } }).where(eq(sources.id, source.id));
  await writeAudit(db, viewer, { action: "source.write_back", targetType: "source", targetId: source.id, details: { ...settings } });
  return settings;
}

/** How many records and values a pass would write now, whether or not writing is on. */
export async function dryRunWriteBack(db: Db, orgId: string, sourceId: string): Promise<DryRun> {
  const source = await getSourceRow(db, orgId, sourceId);
  return countChanges(await planChanges(db, orgId, source.id, writeBackSettingsOf(source.settings)));
}

export type PassResult = { queued: number } & DrainResult;

/** One pass for a source with writing on: queue what changed, then send what is due in its organisation. */
export async function runWriteBack(db: Db, orgId: string, sourceId: string, options: { deps?: ClientDeps; now?: () => Date } = {}): Promise<PassResult> {
  const source = await getSourceRow(db, orgId, sourceId);
  const settings = writeBackSettingsOf(source.settings);
  const queued = settings.isEnabled ? await enqueueChanges(db, orgId, source.id, await planChanges(db, orgId, source.id, settings), options.now?.()) : 0;
  return { queued, ...(await drainWriteBack(db, { orgId, deps: options.deps, now: options.now })) };
}

/** The cron's pass: every source with writing on (suspended organisations' wait), then the whole outbox. */
export async function runAllWriteBacks(db: Db, options: { budgetMs?: number } = {}): Promise<PassResult> {
  const rows = await db.select({ id: sources.id, orgId: sources.orgId, settings: sources.settings }).from(sources).where(and(eq(sources.isActive, true), orgIsActive(sources.orgId)));
  let queued = 0;
  for (const row of rows) {
    const settings = writeBackSettingsOf(row.settings);
    if (settings.isEnabled) queued += await enqueueChanges(db, row.orgId, row.id, await planChanges(db, row.orgId, row.id, settings));
  }
  return { queued, ...(await drainWriteBack(db, { budgetMs: options.budgetMs })) };
}
