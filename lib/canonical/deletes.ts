// Deleted in the CRM means gone from reports: rows are kept with deleted_at set, never removed,
// so a late webhook about a deleted deal cannot resurrect it with stale data. A delete also moves
// the row's modification time up to the deletion's, so newest-wins (lib/canonical/upsert.ts)
// refuses any record older than the deletion.
import { and, eq, inArray, isNull, notInArray, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { activities, companies, contacts, conversationTexts, deals, leads } from "@/db/schema";
import { deleteLeadsOfDeals } from "./deal-leads";
import { withFacts } from "./facts";
import type { SourceRef } from "./types";
import { chunk } from "./upsert";
import type { Db } from "@/db/types";

const deletable = { companies, contacts, leads, deals, activities, conversationTexts } as const;
export type DeletableEntity = keyof typeof deletable;

const factKey = { deals: "dealIds", leads: "leadIds", activities: "activityIds" } as const;

/** Marks the given external ids deleted; returns the Voronka ids it marked (already-deleted ones are left alone). */
export async function markDeleted(db: Db, source: SourceRef, entity: DeletableEntity, externalIds: string[], at: Date = new Date()): Promise<string[]> {
  return withFacts(db, source.orgId, (tx) => markDeletedUnwrapped(tx, source.id, entity, externalIds, at), (ids) =>
    entity in factKey ? { [factKey[entity as keyof typeof factKey]]: ids } : {},
  );
}

/** deleted_at, and updated_at no older than the deletion (an older update must not bring the row back). */
function deletion(table: (typeof deletable)[DeletableEntity], at: Date) {
  return { deletedAt: at, updatedAt: sql`greatest(${table.updatedAt}, ${at.toISOString()}::timestamptz)` };
}

async function markDeletedUnwrapped(db: Db, sourceId: string, entity: DeletableEntity, externalIds: string[], at: Date): Promise<string[]> {
  const table = deletable[entity];
  const ids: string[] = [];
  for (const part of chunk([...new Set(externalIds)])) {
    const rows = await db
      .update(table)
      .set(deletion(table, at))
      .where(and(eq(table.sourceId, sourceId), inArray(table.externalId, part), isNull(table.deletedAt)))
      .returning({ id: table.id });
    ids.push(...rows.map((row) => row.id));
  }
  if (entity === "deals") await deleteLeadsOfDeals(db, ids, at);
  if (entity === "activities") await deleteTextsOfActivities(db, ids, at);
  return ids;
}

/** A deleted activity takes its texts (its description, its call's record) with it. */
async function deleteTextsOfActivities(db: Db, activityIds: string[], at: Date): Promise<void> {
  for (const part of chunk(activityIds)) {
    await db
      .update(conversationTexts)
      .set(deletion(conversationTexts, at))
      .where(and(inArray(conversationTexts.activityId, part), isNull(conversationTexts.deletedAt)));
  }
}

/**
 * A full pass reads rows in ascending numeric id order. Every live stored row whose id lies after
 * the previous page's last id and up to this page's last id, but is not on the page, is gone from
 * the CRM. Works page by page, so a resumed pass keeps marking correctly and memory stays flat.
 * `prefix` is for ids such as "task:123" (amoCRM tasks and notes share the activities table).
 */
export async function markDeletedInRange(
  db: Db,
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
  const after = range.after === null ? null : stripPrefix(range.after, prefix);
  const upTo = range.upTo === null ? null : stripPrefix(range.upTo, prefix);
  if (after !== null) conditions.push(sql`${number} > ${after}::numeric`);
  if (upTo !== null) {
    conditions.push(sql`${number} <= ${upTo}::numeric`);
    const ranges = textRanges(table.externalId, prefix, after, upTo);
    if (ranges === "empty") return [];
    if (ranges) conditions.push(ranges);
  }
  if (range.present.length > 0) conditions.push(notInArray(table.externalId, range.present));
  const changed = (ids: string[]) => (entity in factKey ? { [factKey[entity as keyof typeof factKey]]: ids } : {});
  return withFacts(
    db,
    source.orgId,
    async (tx) => {
      const ids = (await tx.update(table).set(deletion(table, at)).where(and(...conditions)).returning({ id: table.id })).map((row) => row.id);
      if (entity === "deals") await deleteLeadsOfDeals(tx, ids, at);
      if (entity === "activities") await deleteTextsOfActivities(tx, ids, at);
      return ids;
    },
    changed,
  );
}

/**
 * The numeric range (after, upTo] as text ranges of the external id, one per digit count ("96"…"99",
 * "100"…"120"), so the (source, external id) index reads about one page of ids instead of every
 * stored id of the source; the numeric condition beside it stays exact (a longer id such as "1005"
 * sorts inside "100"…"120"). Null when the ids are not plain numbers (no shortcut), "empty" when
 * the range holds no number.
 */
function textRanges(column: PgColumn, prefix: string, after: string | null, upTo: string): SQL | null | "empty" {
  if ((after !== null && !/^[0-9]+$/.test(after)) || !/^[0-9]+$/.test(upTo)) return null;
  const low = after === null ? 0n : BigInt(after) + 1n;
  const high = BigInt(upTo);
  if (low > high) return "empty";
  const parts: SQL[] = [];
  for (let digits = String(low).length; digits <= String(high).length; digits++) {
    const from = low > 10n ** BigInt(digits - 1) ? low : digits === 1 ? 0n : 10n ** BigInt(digits - 1);
    const to = high < 10n ** BigInt(digits) - 1n ? high : 10n ** BigInt(digits) - 1n;
    parts.push(sql`(${column} >= ${prefix + String(from)} and ${column} <= ${prefix + String(to)})`);
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

function stripPrefix(id: string, prefix: string): string {
  return id.startsWith(prefix) ? id.slice(prefix.length) : id;
}
