// Bulk insert for the demo generator: one `insert … select * from unnest($1::type[], …)` per chunk,
// so a statement has one bind parameter per column however many rows it carries (PostgreSQL's
// limit is 65 535), the SQL text stays tiny, and it runs the same on PGlite and postgres-js.
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../types";

const DEFAULT_CHUNK = 5_000;

type Row = Record<string, unknown>;

const NEEDS_ESCAPE = /[\\"]/;

/** One value as an element of a PostgreSQL array literal: quoted, with `"` and `\` escaped. */
function toArrayElement(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  let text: string;
  if (typeof value === "string") text = value;
  else if (value instanceof Date) return `"${value.toISOString()}"`;
  else if (typeof value === "boolean") return value ? "t" : "f";
  else if (typeof value === "number" || typeof value === "bigint") return String(value);
  else text = JSON.stringify(value);
  return NEEDS_ESCAPE.test(text) ? `"${text.replace(/[\\"]/g, "\\$&")}"` : `"${text}"`;
}

function toArrayLiteral(rows: readonly Row[], key: string): string {
  let literal = "{";
  for (let i = 0; i < rows.length; i++) literal += (i === 0 ? "" : ",") + toArrayElement(rows[i][key]);
  return literal + "}";
}

/** Builds the statement for one chunk; the columns are every key any row has (a missing one is NULL). */
export function buildInsert(table: PgTable, rows: readonly Row[]): SQL {
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const keySet = new Set<string>();
  for (const row of rows) for (const key in row) keySet.add(key);
  const keys = [...keySet];
  const names: ReturnType<typeof sql.identifier>[] = [];
  const arrays: SQL[] = [];
  for (const key of keys) {
    const column = columns[key];
    if (!column) throw new Error(`insertRows: the table has no column "${key}"`);
    names.push(sql.identifier(column.name));
    arrays.push(sql`${sql.param(toArrayLiteral(rows, key))}::${sql.raw(column.getSQLType())}[]`);
  }
  return sql`insert into ${table} (${sql.join(names, sql`, `)}) select * from unnest(${sql.join(arrays, sql`, `)})`;
}

/** Inserts `rows` (objects keyed like the table's Drizzle columns) in chunks, one after another. */
export async function insertRows(db: Db, table: PgTable, rows: readonly Row[], chunkSize = DEFAULT_CHUNK): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    await db.execute(buildInsert(table, rows.slice(start, start + chunkSize)));
  }
}

/**
 * Sends inserts without waiting for each one, so the database works through the queue while
 * JavaScript builds the next rows. On one connection (a transaction) they still run in order:
 * postgres-js pipelines them, PGlite queues them. `settle()` is the back-pressure.
 */
export class BulkWriter {
  private pending: Promise<void>[] = [];
  private failure: { error: unknown } | null = null;
  rowsWritten = 0;

  constructor(
    private readonly db: Db,
    private readonly options: { chunkSize?: number; maxPending?: number } = {},
  ) {}

  write(table: PgTable, rows: readonly Row[]): void {
    if (this.failure) return;
    const chunkSize = this.options.chunkSize ?? DEFAULT_CHUNK;
    for (let start = 0; start < rows.length; start += chunkSize) {
      const chunk = rows.slice(start, start + chunkSize);
      const done = this.db.execute(buildInsert(table, chunk)).then(
        () => {
          this.rowsWritten += chunk.length;
        },
        (error: unknown) => {
          this.failure ??= { error }; // the first error; the rest of an aborted transaction only echo it
        },
      );
      this.pending.push(done);
    }
  }

  /** Waits until at most `maxPending` statements are in flight; throws the first failure. */
  async settle(): Promise<void> {
    const maxPending = this.options.maxPending ?? 12;
    while (this.pending.length > maxPending) await this.pending.shift();
    // A real turn of the event loop, so the driver sends what is queued and reads what came back
    // before the caller blocks it again generating the next batch.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.failure) throw this.failure.error;
  }

  async flush(): Promise<void> {
    await Promise.all(this.pending);
    this.pending = [];
    if (this.failure) throw this.failure.error;
  }
}
