// Where each (source, entity) stopped. Saved in the same transaction as the rows of its page, so a
// crash resumes exactly after the last committed page and never skips or double-counts one.
import { and, eq } from "drizzle-orm";
import { syncCursors } from "@/db/schema";
import type { Db } from "@/db/types";

export type Cursor = typeof syncCursors.$inferSelect;

export async function loadCursor(db: Db, sourceId: string, entity: string): Promise<Cursor | null> {
  const [row] = await db.select().from(syncCursors).where(and(eq(syncCursors.sourceId, sourceId), eq(syncCursors.entity, entity)));
  return row ?? null;
}

export async function saveCursor(
  db: Db,
  key: { orgId: string; sourceId: string; entity: string },
  values: Pick<Cursor, "modifiedAt" | "lastExternalId" | "rowsSeen" | "passKind" | "pendingModifiedAt">,
): Promise<void> {
  const row = { ...key, ...values, updatedAt: new Date() };
  await db
    .insert(syncCursors)
    .values(row)
    .onConflictDoUpdate({ target: [syncCursors.sourceId, syncCursors.entity], set: { ...values, updatedAt: row.updatedAt } });
}
