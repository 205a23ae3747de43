// One bulk, idempotent upsert for every canonical table: multi-row INSERT … ON CONFLICT (source,
// external id) DO UPDATE only when the incoming row is not older (the CRM's modification time) and
// actually differs, so replaying a batch writes nothing. Returns the rows it inserted or changed.
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { selectRows } from "@/db/migrate";
import type { Db } from "@/db/types";


/**
 * Rows per statement. The rows travel as one JSON parameter, so the size is not bound by
 * PostgreSQL's 65,535 parameters; it bounds one statement's memory and the ids looked up with it.
 */
export const CHUNK_SIZE = 500;

export function chunk<T>(items: readonly T[], size = CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A text[] parameter (one bound value, whatever the number of elements). */
export function textArray(values: readonly string[]): SQL {
  const literal = `{${values.map((value) => `"${value.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
  return sql`${literal}::text[]`;
}

type UpsertOptions = {
  /** The unique index the rows collide on, e.g. [deals.sourceId, deals.externalId]. */
  target: PgColumn[];
  /** Property names (as in the Drizzle table) that an update may change. */
  columns: string[];
  /** Property name of the CRM's modification time: an older incoming row changes nothing. */
  newestWinsOn?: string;
  /** A version rule of the caller's own, instead of newestWinsOn (orders compare their stored version with the incoming one). */
  newestWinsWhere?: SQL;
};

export type WrittenRow = { id: string; externalId: string };

/**
 * Every row must carry the same properties (undefined is written as NULL; a column left out gets
 * its default). The rows are sent as one JSON document that PostgreSQL turns back into table
 * rows (json_populate_recordset, with the table's own column types): building a 500-row ×
 * 25-column VALUES list through the query builder cost more CPU than the database spent on it.
 */
export async function upsertRows(db: Db, table: PgTable, rows: Record<string, unknown>[], options: UpsertOptions): Promise<WrittenRow[]> {
  if (rows.length === 0) return [];
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const name = (key: string) => {
    const column = columns[key];
    if (!column) throw new Error(`upsertRows: unknown column ${key}`);
    return column.name;
  };
  const keys = Object.keys(rows[0]);
  const names = keys.map(name);
  const payload = rows.map((row) => {
    if (Object.keys(row).length !== keys.length) throw new Error("upsertRows: every row must carry the same columns");
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      if (!(keys[i] in row)) throw new Error(`upsertRows: a row lacks ${keys[i]}`);
      out[names[i]] = row[keys[i]] ?? null;
    }
    return out;
  });
  const quoted = (column: string) => sql.raw(`"${column}"`);
  const excluded = (key: string) => sql.raw(`excluded."${name(key)}"`);
  const current = (key: string) => columns[key];
  const conditions: SQL[] = options.newestWinsWhere ? [options.newestWinsWhere] : [];
  if (options.newestWinsOn) {
    const stored = current(options.newestWinsOn);
    const incoming = excluded(options.newestWinsOn);
    conditions.push(sql`(${stored} is null or ${incoming} is null or ${incoming} >= ${stored})`);
  }
  const storedTuple = sql.join(options.columns.map((key) => sql`${current(key)}`), sql`, `);
  const incomingTuple = sql.join(options.columns.map((key) => excluded(key)), sql`, `);
  conditions.push(sql`(${storedTuple}) is distinct from (${incomingTuple})`);
  const list = sql.join(names.map(quoted), sql`, `);
  const target = sql.join(options.target.map((column) => quoted(column.name)), sql`, `);
  const set = sql.join(options.columns.map((key) => sql`${quoted(name(key))} = ${excluded(key)}`), sql`, `);
  return selectRows<WrittenRow>(
    db,
    sql`insert into ${table} (${list})
      select ${list} from json_populate_recordset(null::${table}, ${JSON.stringify(payload)}::json)
      on conflict (${target}) do update set ${set}
      where ${sql.join(conditions, sql` and `)}
      returning id, external_id as "externalId"`,
  );
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
