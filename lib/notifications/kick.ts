// In-process delivery: a deal write that queued messages kicks the worker, and a sweep every minute
// sends retries that came due. Installed once per server (instrumentation-node.ts) with the app's
// database; in a test, with the test's database, and stopped before that database closes. Nothing
// runs unless installed, so CLI scripts and tests that do not ask never send; the cron route covers
// whatever a kick missed (serverless instances frozen after answering, a killed process).
//
// The deal writer usually runs inside a caller's transaction (an inbox event, a sync chunk), so the
// kick comes before the commit. The worker therefore waits until the queued rows are visible
// (committed), briefly; rows of a transaction that rolled back never appear and are forgotten.
// A writer in another thread of the process (the inbox processor's worker thread on PostgreSQL)
// has no worker of its own: its kick crosses over on a BroadcastChannel to the thread that has one.
import { BroadcastChannel } from "node:worker_threads";
import type { Db } from "@/db/types";
import { errorMessage } from "@/lib/error-text";
import { committedOutboxIds, drainNotifications, type DeliverOptions } from "./deliver";
import { processSlot } from "@/lib/process-slot";

type DeliveryState = {
  getDb: () => Promise<Db>;
  options: DeliverOptions;
  sweep?: ReturnType<typeof setInterval>;
  running?: Promise<void>;
  again: boolean;
  stopped: boolean;
  /** Rows queued by transactions that may not have committed yet. */
  awaited: Set<string>;
  wake?: () => void;
  channel: BroadcastChannel;
};

const CHANNEL = "voronka:notifications:kick";

/** Waits for an enqueueing transaction to commit: 50 ms, 100 ms … about 6 s in all. */
const COMMIT_WAITS_MS = [50, 100, 200, 400, 800, 1600, 3200];

const delivery = processSlot<DeliveryState>("NotificationDelivery");

export function startNotificationDelivery(getDb: () => Promise<Db>, options: DeliverOptions & { sweepMs?: number } = {}): void {
  if (delivery.get()) return;
  const { sweepMs = 60_000, ...drain } = options;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (message) => {
    const ids: unknown = (message as { data?: unknown }).data;
    kickNotifications(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : []);
  };
  channel.unref();
  const state: DeliveryState = { getDb, options: drain, again: false, stopped: false, awaited: new Set(), channel };
  delivery.set(state);
  if (sweepMs > 0) {
    state.sweep = setInterval(() => kickNotifications(), sweepMs);
    state.sweep.unref?.();
  }
}

/** Stops the sweep and any wait, and resolves when the run under way has finished. */
export async function stopNotificationDelivery(): Promise<void> {
  const state = delivery.get();
  if (!state) return;
  state.stopped = true;
  state.channel.close();
  if (state.sweep) clearInterval(state.sweep);
  state.wake?.();
  await state.running;
  delivery.set(undefined);
}

/** Starts a delivery run (or asks the one under way to go round again); never waits for it. */
export function kickNotifications(outboxIds: string[] = []): void {
  const state = delivery.get();
  if (!state) return kickAnotherThread(outboxIds);
  if (state.stopped) return;
  for (const id of outboxIds) state.awaited.add(id);
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = run(state).finally(() => {
    state.running = undefined;
  });
}

/** Resolves when no delivery run is under way (tests wait on it instead of sleeping). */
export async function settleNotifications(): Promise<void> {
  const state = delivery.get();
  while (state?.running) await state.running;
}

async function run(state: DeliveryState): Promise<void> {
  let waits = 0;
  try {
    do {
      state.again = false;
      const db = await state.getDb();
      // Visible before the drain means the drain sees it too; what is not visible yet is waited for.
      const awaited = [...state.awaited];
      for (const id of await committedOutboxIds(db, awaited)) state.awaited.delete(id);
      const { exhausted } = await drainNotifications(db, state.options);
      if (state.awaited.size > 0) {
        if (waits < COMMIT_WAITS_MS.length) {
          await sleep(state, COMMIT_WAITS_MS[waits++]);
          state.again = true;
        } else state.awaited.clear(); // rolled back, or committed and drained by someone else
      }
      if (exhausted) state.again = true;
    } while (state.again && !state.stopped);
  } catch (error) {
    // A stopped worker's database may already be closed: that is not a failure worth a log line.
    if (!state.stopped) console.error("[notifications] delivery run failed:", errorMessage(error));
  }
}

/** Hands the kick to the thread of this process that runs delivery, if any (nobody listening: a no-op). */
export function kickAnotherThread(outboxIds: string[]): void {
  if (outboxIds.length === 0) return; // the sweeps need no help
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(outboxIds);
  channel.close();
}

function sleep(state: DeliveryState, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      state.wake = undefined;
      resolve();
    }
    state.wake = done;
  });
}
