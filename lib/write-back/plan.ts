// Which CRM values differ from what we last queued (the ledger, write_back_values): the dry run
// counts them, and enqueueing puts them in the outbox and the ledger in one transaction. A record
// whose values equal the ledger's plans nothing — which is also why a CRM webhook echoing our own
// write (same value) never starts another write.
import { and, eq, sql } from "drizzle-orm";
import { writeBackOutbox, writeBackValues, type WriteBackEntity } from "@/db/schema";
import type { Db } from "@/db/types";
import { desiredRecords, type DesiredRecord } from "./desired";
import type { WriteBackSettings } from "./keys";

export type WriteBackChange = DesiredRecord;
export type DryRun = { deals: number; contacts: number; leads: number; values: number };

const CHUNK = 500;
const ledgerKey = (entity: WriteBackEntity, externalId: string, field: string) => `${entity}\u0000${externalId}\u0000${field}`;

export async function planChanges(db: Db, orgId: string, sourceId: string, settings: WriteBackSettings): Promise<WriteBackChange[]> {
  const desired = await desiredRecords(db, orgId, sourceId, settings);
  if (desired.length === 0) return [];
  const ledger = await db
    .select({ entity: writeBackValues.entity, externalId: writeBackValues.externalId, crmField: writeBackValues.crmField, value: writeBackValues.value })
    .from(writeBackValues)
    .where(and(eq(writeBackValues.orgId, orgId), eq(writeBackValues.sourceId, sourceId)));
  const last = new Map(ledger.map((row) => [ledgerKey(row.entity, row.externalId, row.crmField), row.value]));
  const changes: WriteBackChange[] = [];
  for (const record of desired) {
    // A field never written counts as empty: an empty value is not written to it.
    const changed = Object.entries(record.values).filter(([field, value]) => (last.get(ledgerKey(record.entity, record.externalId, field)) ?? "") !== value);
    if (changed.length > 0) changes.push({ ...record, values: Object.fromEntries(changed) });
  }
  return changes;
}

export function countChanges(changes: WriteBackChange[]): DryRun {
  return {
    deals: changes.filter((change) => change.entity === "deal").length,
    contacts: changes.filter((change) => change.entity === "contact").length,
    leads: changes.filter((change) => change.entity === "lead").length,
    values: changes.reduce((sum, change) => sum + Object.keys(change.values).length, 0),
  };
}

/** Queues the changes: one open outbox row per record (values merged into a waiting row), and the ledger remembers them. */
export async function enqueueChanges(db: Db, orgId: string, sourceId: string, changes: WriteBackChange[], now = new Date()): Promise<number> {
  for (let start = 0; start < changes.length; start += CHUNK) {
    const part = changes.slice(start, start + CHUNK);
    await db.transaction(async (tx) => {
      await tx
        .insert(writeBackOutbox)
        .values(part.map((change) => ({ orgId, sourceId, entity: change.entity, externalId: change.externalId, values: change.values, nextAttemptAt: now })))
        .onConflictDoUpdate({
          target: [writeBackOutbox.sourceId, writeBackOutbox.entity, writeBackOutbox.externalId],
          targetWhere: sql`${writeBackOutbox.status} in ('pending', 'failed')`,
          set: { values: sql`${writeBackOutbox.values} || excluded.values` },
        });
      const ledgerRows = part.flatMap((change) =>
        Object.entries(change.values).map(([crmField, value]) => ({ orgId, sourceId, entity: change.entity, externalId: change.externalId, crmField, value, queuedAt: now })),
      );
      await tx
        .insert(writeBackValues)
        .values(ledgerRows)
        .onConflictDoUpdate({
          target: [writeBackValues.sourceId, writeBackValues.entity, writeBackValues.externalId, writeBackValues.crmField],
          set: { value: sql`excluded.value`, queuedAt: sql`excluded.queued_at` },
        });
    });
  }
  return changes.length;
}
