// "This organisation's report facts changed": a NOTIFY on one channel, sent inside the transaction
// that changed them, so it is delivered only once they are committed — and by PostgreSQL to every
// instance of the app that listens (./listener.ts), or by PGlite to its own process.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/types";

export const FACTS_CHANNEL = "voronka_facts";

/** Call inside the transaction that wrote the facts; PostgreSQL folds repeats within it into one. */
export async function announceFactsChanged(tx: Db, orgId: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${FACTS_CHANNEL}, ${orgId})`);
}
