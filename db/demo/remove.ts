// Deletes an organisation and everything it owns. A plain `delete from organisations` cascades, but
// the ON DELETE SET NULL references without an index (activities.deal_id, deals.lead_id, …) make
// PostgreSQL scan a whole table per deleted row (docs/measurements.md, "Demo data").
import { eq, sql } from "drizzle-orm";
import { selectRows } from "../migrate";
import { organisations } from "../schema";
import type { Db } from "../types";

type ForeignKey = { from: string; column: string; to: string; onDelete: string };

/** Every foreign key of the database: referencing table and column, referenced table, delete action. */
function listForeignKeys(db: Db) {
  return selectRows<ForeignKey>(
    db,
    sql`select c.conrelid::regclass::text as "from", a.attname as "column", c.confrelid::regclass::text as "to", c.confdeltype as "onDelete"
        from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.contype = 'f'`,
  );
}

/**
 * With superuser rights (always on the embedded PGlite), deletes the rows of every table that
 * cascades from `organisations` by its org column, with the per-row triggers off for this
 * transaction — after checking that nothing outside those tables points into them, so no reference
 * is left dangling. Otherwise (or if that check fails) falls back to the plain cascading delete.
 */
export async function deleteOrganisation(db: Db, orgId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [role] = await selectRows<{ isSuperuser: boolean }>(tx, sql`select rolsuper as "isSuperuser" from pg_roles where rolname = current_user`);
    const keys = role?.isSuperuser ? await listForeignKeys(tx) : [];
    const orgTable = keys.find((k) => k.to.replace(/^public\./, "") === "organisations")?.to;
    const owned = keys.filter((k) => k.to === orgTable);
    const ownedTables = new Set(owned.map((k) => k.from));
    const isClosed =
      owned.length > 0 && owned.every((k) => k.onDelete === "c") && keys.every((k) => !ownedTables.has(k.to) || ownedTables.has(k.from));
    if (isClosed) {
      await tx.execute(sql`set local session_replication_role = replica`);
      for (const key of owned) await tx.execute(sql`delete from ${sql.raw(key.from)} where ${sql.identifier(key.column)} = ${orgId}`);
    }
    await tx.delete(organisations).where(eq(organisations.id, orgId));
  });
}

/** Deletes every organisation called `name` (the demo's); returns how many there were. */
export async function deleteOrganisationsNamed(db: Db, name: string, log: (message: string) => void = () => {}): Promise<number> {
  const found = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name));
  for (const { id } of found) {
    const started = Date.now();
    await deleteOrganisation(db, id);
    log(`deleted organisation ${id} in ${Date.now() - started} ms`);
  }
  return found.length;
}
