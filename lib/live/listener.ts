// One ear per process for ./facts-channel.ts. On PostgreSQL a connection of its own LISTENs
// (DATABASE_DIRECT_URL when given: a transaction pooler does not pass LISTEN on), so a change made
// by any instance — a worker applying a webhook, a sync elsewhere — reaches this one's browsers.
// On PGlite the one in-process database delivers its own notifications.
import type { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { Db, DbMode } from "@/db/types";
import { postgresOptions } from "@/db/postgres-options";
import { FACTS_CHANNEL } from "./facts-channel";

export type FactsListener = { close: () => Promise<void> };
export type ListenTarget = { mode: DbMode; db: Db; url?: string };

export async function listenForFacts(target: ListenTarget, onOrg: (orgId: string) => void): Promise<FactsListener> {
  if (target.mode === "pglite") {
    const client = (target.db as unknown as { $client: PGlite }).$client;
    const unlisten = await client.listen(FACTS_CHANNEL, onOrg);
    return { close: () => unlisten() };
  }
  if (!target.url) throw new Error("listening on PostgreSQL needs its URL");
  const client = postgres(target.url, postgresOptions(target.url, 1));
  try {
    await client.listen(FACTS_CHANNEL, onOrg);
  } catch (error) {
    await client.end({ timeout: 1 });
    throw error;
  }
  return { close: () => client.end({ timeout: 5 }) };
}
