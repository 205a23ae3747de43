// Replaying a source's dead writes: they go back in the queue with fresh attempts. A record keeps
// one open row (the outbox's unique index), so a dead row whose record already waits, or that died
// more than once, hands its values to that one row, under the newer values.
import { and, eq, sql } from "drizzle-orm";
import { writeBackOutbox } from "@/db/schema";
import type { Db } from "@/db/types";

/** Returns how many dead rows were replayed. */
export async function replayDeadWrites(db: Db, orgId: string, sourceId: string, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const scope = and(eq(writeBackOutbox.orgId, orgId), eq(writeBackOutbox.sourceId, sourceId), eq(writeBackOutbox.status, "dead"));
    const dead = await tx.select({ id: writeBackOutbox.id }).from(writeBackOutbox).where(scope);
    if (dead.length === 0) return 0;
    const sameRecord = sql`k.source_id = o.source_id and k.entity = o.entity and k.external_id = o.external_id`;
    // The row kept per record: the open one, else the newest dead one.
    const keeper = sql`(o.status in ('pending', 'failed') or (o.status = 'dead' and not exists (
      select 1 from ${writeBackOutbox} k where ${sameRecord} and (k.status in ('pending', 'failed') or (k.status = 'dead' and (k.created_at, k.id) > (o.created_at, o.id))))))`;
    await tx.execute(sql`
      update ${writeBackOutbox} o set values = coalesce((
        select jsonb_object_agg(e.key, e.value order by k.created_at) from ${writeBackOutbox} k, jsonb_each(k.values) e
        where ${sameRecord} and k.status = 'dead' and k.id <> o.id), '{}'::jsonb) || o.values
      where o.org_id = ${orgId}::uuid and o.source_id = ${sourceId}::uuid and ${keeper}
        and exists (select 1 from ${writeBackOutbox} k where ${sameRecord} and k.status = 'dead' and k.id <> o.id)`);
    await tx.execute(sql`
      delete from ${writeBackOutbox} o where o.org_id = ${orgId}::uuid and o.source_id = ${sourceId}::uuid and o.status = 'dead' and not ${keeper}`);
    await tx.update(writeBackOutbox).set({ status: "pending", attempts: 0, nextAttemptAt: now, lastError: null, lastFailure: null }).where(scope);
    return dead.length;
  });
}
