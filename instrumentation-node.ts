// The Node.js side of instrumentation.ts: opens the database at server start, so migrations and the
// first-start demo data are done before the first visitor arrives (and failures show at once).
import { errorMessage } from "@/lib/error-text";
import { getDb, getDbHandle } from "./db/client";
import { env } from "./lib/env";
import { startProcessorThread } from "./lib/ingest/process/processor-thread";
import { offerDirectWebhookListener } from "./lib/ingest/receive/direct-listener";
import { startSyncScheduler } from "./lib/sync/scheduler";
import { startNotificationDelivery } from "./lib/notifications/kick";

export async function openDatabaseAndSchedule() {
  offerDirectWebhookListener();
  const started = Date.now();
  try {
    const { mode } = await getDbHandle();
    console.info(`[voronka] database ready (${mode}) in ${Date.now() - started} ms`);
    startWebhookProcessor(mode);
    startScheduledSync();
    startSaleNotifications();
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

/** The in-process sync scheduler, when SYNC_INTERVAL_MINUTES asks for one (never under tests). */
function startScheduledSync() {
  if (env.SYNC_INTERVAL_MINUTES <= 0 || env.NODE_ENV === "test") return;
  if (startSyncScheduler(getDb, env.SYNC_INTERVAL_MINUTES)) console.info(`[voronka] incremental sync every ${env.SYNC_INTERVAL_MINUTES} min`);
}

/** Sale messages: sent right after the deal write that won them, and retried every minute (never under tests). */
function startSaleNotifications() {
  if (env.NODE_ENV === "test") return;
  startNotificationDelivery(getDb);
}
