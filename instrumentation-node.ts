// The Node.js side of instrumentation.ts: opens the database at server start, so migrations and the
// first-start demo data are done before the first visitor arrives (and failures show at once).
import { getDb, getDbHandle } from "./db/client";
import { env } from "./lib/env";
import { startSyncScheduler } from "./lib/sync/scheduler";

export async function openDatabaseAndSchedule() {
  const started = Date.now();
  try {
    const { mode } = await getDbHandle();
    console.info(`[voronka] database ready (${mode}) in ${Date.now() - started} ms`);
    startScheduledSync();
  } catch (error) {
    console.error("[voronka] the database could not be opened:", error instanceof Error ? error.message : error);
  }
}

/** The in-process sync scheduler, when SYNC_INTERVAL_MINUTES asks for one (never under tests). */
function startScheduledSync() {
  if (env.SYNC_INTERVAL_MINUTES <= 0 || env.NODE_ENV === "test") return;
  if (startSyncScheduler(getDb, env.SYNC_INTERVAL_MINUTES)) console.info(`[voronka] incremental sync every ${env.SYNC_INTERVAL_MINUTES} min`);
}
