// Opens the database at server start, so migrations and the first-start demo data are done
// before the first visitor arrives (and failures show up in the log at once).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDbHandle } = await import("./db/client");
  const started = Date.now();
  try {
    const { mode } = await getDbHandle();
    console.info(`[voronka] database ready (${mode}) in ${Date.now() - started} ms`);
    await startScheduledSync();
  } catch (error) {
    console.error("[voronka] the database could not be opened:", error instanceof Error ? error.message : error);
  }
}

/** The in-process sync scheduler, when SYNC_INTERVAL_MINUTES asks for one (never under tests). */
async function startScheduledSync() {
  const { env } = await import("./lib/env");
  if (env.SYNC_INTERVAL_MINUTES <= 0 || env.NODE_ENV === "test") return;
  const [{ getDb }, { startSyncScheduler }] = await Promise.all([import("./db/client"), import("./lib/sync/scheduler")]);
  if (startSyncScheduler(getDb, env.SYNC_INTERVAL_MINUTES)) console.info(`[voronka] incremental sync every ${env.SYNC_INTERVAL_MINUTES} min`);
}
