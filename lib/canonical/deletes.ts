// Deleted in the CRM means gone from reports: rows are kept with deleted_at set, never removed,
// so a late webhook about a deleted deal cannot resurrect it with stale data.
import { and, asc, eq, gt, inArray, isNull, notInArray, sql } from "drizzle-orm";
import { activities, companies, contacts, deals, leads } from "@/db/schema";
import { withFacts } from "./facts";
import type { SourceRef } from "./types";
import { chunk, type DbOrTx } from "./upsert";

const deletable = { companies, contacts, leads, deals, activities } as const;
export type DeletableEntity = keyof typeof deletable;

const factKey = { deals: "dealIds", leads: "leadIds", activities: "activityIds" } as const;

/** Marks the given external ids deleted; returns the Voronka ids it marked (already-deleted ones are left alone). */
export async function markDeleted(db: DbOrTx, source: SourceRef, entity: DeletableEntity, externalIds: string[], at: Date = new Date()): Promise<string[]> {
  return withFacts(db, source.orgId, (tx) => markDeletedUnwrapped(tx, source.id, entity, externalIds, at), (ids) =>
    entity in factKey ? { [factKey[entity as keyof typeof factKey]]: ids } : {},
  );
}

async function markDeletedUnwrapped(db: DbOrTx, sourceId: string, entity: DeletableEntity, externalIds: string[], at: Date): Promise<string[]> {
  const table = deletable[entity];
  const ids: string[] = [];
  for (const part of chunk([...new Set(externalIds)])) {
    const rows = await db
      .update(table)
      .set({ deletedAt: at })
      .where(and(eq(table.sourceId, sourceId), inArray(table.externalId, part), isNull(table.deletedAt)))
      .returning({ id: table.id });
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

/**
 * After a complete full read of one entity: every live row of the source the CRM no longer
 * returned is marked deleted. Walks the stored ids in pages, so memory holds only `seen`.
 */
export async function markMissingDeleted(db: DbOrTx, source: SourceRef, entity: DeletableEntity, seen: Set<string>, at: Date = new Date()): Promise<string[]> {
  const table = deletable[entity];
  const marked: string[] = [];
  let after = "";
  for (;;) {
    const page = await db
      .select({ externalId: table.externalId })
      .from(table)
      .where(and(eq(table.sourceId, source.id), isNull(table.deletedAt), gt(table.externalId, after)))
      .orderBy(asc(table.externalId))
      .limit(5000);
    if (page.length === 0) break;
    after = page[page.length - 1].externalId;
    const missing = page.map((row) => row.externalId).filter((id) => !seen.has(id));
    if (missing.length > 0) marked.push(...(await markDeleted(db, source, entity, missing, at)));
  }
  return marked;
}

/**
 * A full pass reads rows in ascending numeric id order. Every live stored row whose id lies after
 * the previous page's last id and up to this page's last id, but is not on the page, is gone from
 * the CRM. Works page by page, so a resumed pass keeps marking correctly and memory stays flat.
 * `prefix` is for ids such as "task:123" (amoCRM tasks and notes share the activities table).
 */
export async function markDeletedInRange(
  db: DbOrTx,
  source: SourceRef,
  entity: DeletableEntity,
  range: { after: string | null; upTo: string | null; present: string[]; prefix?: string },
  at: Date = new Date(),
): Promise<string[]> {
  const table = deletable[entity];
  const prefix = range.prefix ?? "";
  const number = sql`substr(${table.externalId}, ${prefix.length + 1})::numeric`;
  const conditions = [
    eq(table.sourceId, source.id),
    isNull(table.deletedAt),
    sql`${table.externalId} ~ ${`^${prefix.replace(/[^A-Za-z0-9]/g, "\\$&")}[0-9]+$`}`,
  ];
  if (range.after !== null) conditions.push(sql`${number} > ${stripPrefix(range.after, prefix)}::numeric`);
  if (range.upTo !== null) conditions.push(sql`${number} <= ${stripPrefix(range.upTo, prefix)}::numeric`);
  if (range.present.length > 0) conditions.push(notInArray(table.externalId, range.present));
  const changed = (ids: string[]) => (entity in factKey ? { [factKey[entity as keyof typeof factKey]]: ids } : {});
  return withFacts(
    db,
    source.orgId,
    async (tx) => (await tx.update(table).set({ deletedAt: at }).where(and(...conditions)).returning({ id: table.id })).map((row) => row.id),
    changed,
  );
}

function stripPrefix(id: string, prefix: string): string {
  return id.startsWith(prefix) ? id.slice(prefix.length) : id;
}
