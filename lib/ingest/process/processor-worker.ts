// The processor thread (started by ./processor-thread.ts on PostgreSQL): drains the inbox on its own
// event loop and database connections, so processing never delays an acknowledgement. It drains
// when the main thread passes on a kick, and every few seconds for retries that fall due.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "@/db/schema";
import { postgresOptions } from "@/db/postgres-options";
import type { Db } from "@/db/types";
import { env } from "@/lib/env";
import { sendOutcomesTo } from "../metrics";
import { drainSoon } from "./drain-soon";

/** Connections of the processor: one for the source being drained and one to find the next. */
const PROCESSOR_POOL_SIZE = 2;
const POLL_MS = 5_000;
/** Under a steady stream, a round of batches starts at most this often: bigger batches, far less work per event. */
const PACE_MS = 1_000;
/**
 * One source at a time: the thread yields its CPU to acknowledgements (below), but the database
 * sessions it keeps busy do not: two at once slowed the acknowledgements down, while one keeps up
 * (docs/webhooks.md, "Speed").
 */
const PARALLEL_SOURCES = 1;

/**
 * Linux: this thread yields the CPU to the one that answers webhooks. setpriority() on a thread id
 * changes that thread only; elsewhere (or not allowed) the thread keeps the normal priority.
 */
function yieldToAcknowledgements() {
  try {
    setPriority(Number(readlinkSync("/proc/thread-self").split("/").pop()), 10);
  } catch {
    // not Linux, or no /proc: same priority as the server thread
  }
}

if (parentPort && env.DATABASE_URL) {
  yieldToAcknowledgements();
  const port = parentPort;
  const client = postgres(env.DATABASE_URL, postgresOptions(env.DATABASE_URL, PROCESSOR_POOL_SIZE));
  const db: Db = drizzle(client, { schema });
  sendOutcomesTo((outcomes) => port.postMessage({ type: "outcomes", outcomes }));
  const drain = () => drainSoon(db, undefined, { paceMs: PACE_MS, parallelSources: PARALLEL_SOURCES });
  port.on("message", drain);
  setInterval(drain, POLL_MS);
  drain(); // whatever an earlier run of the server left pending
}
