// One bulk, idempotent upsert for every canonical table: multi-row INSERT … ON CONFLICT (source,
// external id) DO UPDATE only when the incoming row is not older (the CRM's modification time) and
// actually differs, so replaying a batch writes nothing. Returns the rows it inserted or changed.
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db/types";

export type DbOrTx = Db | Tx;

/** Rows per INSERT: 500 rows × ~25 columns stays far below PostgreSQL's 65,535 parameters. */
export const CHUNK_SIZE = 500;

export function chunk<T>(items: readonly T[], size = CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type UpsertOptions = {
  /** The unique index the rows collide on, e.g. [deals.sourceId, deals.externalId]. */
  target: PgColumn[];
  /** Property names (as in the Drizzle table) that an update may change. */
  columns: string[];
  /** Property name of the CRM's modification time: an older incoming row changes nothing. */
  newestWinsOn?: string;
};

export type WrittenRow = { id: string; externalId: string };

export async function upsertRows(db: DbOrTx, table: PgTable, rows: Record<string, unknown>[], options: UpsertOptions): Promise<WrittenRow[]> {
  if (rows.length === 0) return [];
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const name = (key: string) => {
    const column = columns[key];
    if (!column) throw new Error(`upsertRows: unknown column ${key}`);
    return column.name;
  };
  const excluded = (key: string) => sql.raw(`excluded."${name(key)}"`);
  const current = (key: string) => columns[key];
  const set = Object.fromEntries(options.columns.map((key) => [key, excluded(key)]));
  const conditions: SQL[] = [];
  if (options.newestWinsOn) {
    const stored = current(options.newestWinsOn);
    const incoming = excluded(options.newestWinsOn);
    conditions.push(sql`(${stored} is null or ${incoming} is null or ${incoming} >= ${stored})`);
  }
  const storedTuple = sql.join(options.columns.map((key) => sql`${current(key)}`), sql`, `);
  const incomingTuple = sql.join(options.columns.map((key) => excluded(key)), sql`, `);
  conditions.push(sql`(${storedTuple}) is distinct from (${incomingTuple})`);
  const idColumn = columns.id;
  const externalIdColumn = columns.externalId;
  // Drizzle's builder is typed per table; this helper is generic over the canonical tables,
  // which all have id and external_id, so the cast stays inside this one function.
  const builder = (db as Db).insert(table as never).values(rows as never);
  const result = await builder
    .onConflictDoUpdate({ target: options.target, set: set as never, setWhere: sql.join(conditions, sql` and `) })
    .returning({ id: idColumn, externalId: externalIdColumn } as never);
  return result as unknown as WrittenRow[];
}

/** Splits written rows into inserted and updated, given the external ids that existed before. */
export function countWrites(written: WrittenRow[], existed: Set<string>) {
  let inserted = 0;
  for (const row of written) if (!existed.has(row.externalId)) inserted++;
  return { inserted, updated: written.length - inserted };
}

/** Adds one chunk's writes to an apply result. */
export function tally(result: { inserted: number; updated: number; unchanged: number; ids: string[] }, written: WrittenRow[], existed: Set<string>, total: number) {
  const { inserted, updated } = countWrites(written, existed);
  result.inserted += inserted;
  result.updated += updated;
  result.unchanged += total - written.length;
  result.ids.push(...written.map((row) => row.id));
}

/** The last record per external id wins inside one batch (ON CONFLICT cannot touch a row twice). */
export function lastPerExternalId<T extends { externalId: string }>(records: T[]): T[] {
  const map = new Map<string, T>();
  for (const record of records) map.set(record.externalId, record);
  return [...map.values()];
}
