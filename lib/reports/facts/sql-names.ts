// Names for hand-written statements that still come from the schema objects, so that renaming a
// table or a column fails the type check instead of a query at run time.
import { sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

/** `"table" ("a", "b")`: an INSERT's target. Its columns unqualified, as PostgreSQL requires there. */
export function insertTarget(table: PgTable, columns: PgColumn[]): SQL {
  return sql`${table} (${columnNames(columns)})`;
}

/** `"a", "b"`: bare column names, for column lists and ON CONFLICT updates. */
export function columnNames(columns: PgColumn[]): SQL {
  return sql.join(
    columns.map((column) => sql.identifier(column.name)),
    sql`, `,
  );
}
