// The Node.js side of instrumentation.ts: opens the database at server start, so migrations and the
// first-start demo data are done before the first visitor arrives (and failures show at once).
import { errorMessage } from "@/lib/error-text";
import { getDb, getDbHandle } from "./db/client";
import { env } from "./lib/env";
import { sessionUrl } from "./db/postgres-options";
import { startProcessorThread } from "./lib/ingest/process/processor-thread";
import { offerDirectWebhookListener } from "./lib/ingest/receive/direct-listener";
import { startSyncScheduler } from "./lib/sync/scheduler";
import { startModelTraining } from "./lib/predict/background";
import { startAnomalyDetection } from "./lib/anomalies/background";
import { startNotificationDelivery } from "./lib/notifications/kick";
import { startReportScheduler } from "./lib/report-schedules/scheduler";
import { kickProcessorThread } from "./lib/ingest/process/processor-thread";
import { listenForWork } from "./lib/worker/listen";
import { startQueuedSyncs, takeQueuedSyncs } from "./lib/worker/queued-syncs";
import { handsWorkToWorkers, processRole } from "./lib/worker/role";

export async function openDatabaseAndSchedule() {
  offerDirectWebhookListener();
  const started = Date.now();
  try {
    const { mode } = await getDbHandle();
    console.info(`[voronka] database ready (${mode}) in ${Date.now() - started} ms; role ${processRole()}`);
    // A web instance only answers: the workers drain, sync, schedule and notify (docs/deploy.md).
    if (handsWorkToWorkers()) return;
    startWebhookProcessor(mode);
    startScheduledSync();
    startSaleNotifications();
    startScheduledReports();
    if (env.NODE_ENV !== "test") startModelTraining(getDb);
    if (env.NODE_ENV !== "test") startAnomalyDetection(getDb);
    if (mode === "postgres") await startWorkerDuties();
  } catch (error) {
    console.error("[voronka] the database could not be opened:", errorMessage(error));
  }
}

/**
 * On PostgreSQL the webhook inbox is drained by a worker thread with its own connections, so
 * processing never delays an acknowledgement (docs/webhooks.md). PGlite is one connection of this
 * thread only: there the drain stays in the server thread.
 */
function startWebhookProcessor(mode: "pglite" | "postgres") {
  if (mode !== "postgres" || env.NODE_ENV === "test") return;
  if (startProcessorThread()) console.info("[voronka] webhook processor thread started");
}

/** A worker (or an all-in-one instance beside web ones) takes what web instances hand over: queued "Sync now" runs, and inbox kicks by signal. */
async function startWorkerDuties() {
  if (!env.DATABASE_URL) return; // the environment check refuses this already; kept for the type
  startQueuedSyncs(getDb);
  try {
    await listenForWork(sessionUrl(env.DATABASE_URL, env.DATABASE_DIRECT_URL), (kind) => (kind === "sync" ? takeQueuedSyncs() : kickProcessorThread()));
    console.info("[voronka] worker: listening for work from web instances");
  } catch (error) {
    console.error("[voronka] worker: no signals, polling only:", errorMessage(error));
  }
}

/** The in-process sync scheduler, when SYNC_INTERVAL_MINUTES asks for one (never under tests). */
function startScheduledSync() {
  if (env.SYNC_INTERVAL_MINUTES <= 0 || env.NODE_ENV === "test") return;
  if (startSyncScheduler(getDb, env.SYNC_INTERVAL_MINUTES)) console.info(`[voronka] incremental sync every ${env.SYNC_INTERVAL_MINUTES} min`);
}

/** Scheduled reports: planned and sent every minute by worker and all-in-one instances (never under tests). */
function startScheduledReports() {
  if (env.NODE_ENV === "test") return;
  startReportScheduler(getDb);
}

/** Sale messages: sent right after the deal write that won them, and retried every minute (never under tests). */
function startSaleNotifications() {
  if (env.NODE_ENV === "test") return;
  startNotificationDelivery(getDb);
}
