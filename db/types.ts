import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

export type Schema = typeof schema;
/**
 * The one database handle type the app codes against, whichever driver (PGlite or postgres-js) is
 * behind it. A transaction is one too, so a function that may run inside one takes `db: Db`.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Only for a function that must run inside a transaction (it relies on the transaction's lock or rollback). */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbMode = "pglite" | "postgres";
