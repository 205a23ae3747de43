// A worker's share of "Sync now": runs that web instances queued (lib/sync/engine.ts queueSync) are
// taken here, each by exactly one worker (takeQueuedRun is one conditional UPDATE), when a signal
// says one is waiting and on a timer for signals that were missed.
import type { Db } from "@/db/types";
import { errorMessage } from "@/lib/error-text";
import { processSlot } from "@/lib/process-slot";
import { runQueuedSync } from "@/lib/sync/engine";
import { queuedRunIds } from "@/lib/sync/runs";

const POLL_MS = 10_000;
/** Runs of different sources this process does at once; the rest wait for the next look. */
const PARALLEL_RUNS = 2;

type State = { getDb: () => Promise<Db>; running: Set<string>; looking: boolean; again: boolean; timer?: ReturnType<typeof setInterval> };
const slot = processSlot<State>("QueuedSyncs");

export function startQueuedSyncs(getDb: () => Promise<Db>, pollMs = POLL_MS): void {
  if (slot.get()) return;
  const state: State = { getDb, running: new Set(), looking: false, again: false };
  slot.set(state);
  state.timer = setInterval(() => takeQueuedSyncs(), pollMs);
  state.timer.unref?.();
  takeQueuedSyncs(); // whatever waited while no worker was up
}

export function stopQueuedSyncs(): void {
  const state = slot.get();
  if (state?.timer) clearInterval(state.timer);
  slot.set(undefined);
}

/** Looks for queued runs now (a signal arrived); a look under way goes round again instead. */
export function takeQueuedSyncs(): void {
  const state = slot.get();
  if (!state) return;
  if (state.looking) {
    state.again = true;
    return;
  }
  state.looking = true;
  look(state)
    .catch((error: unknown) => console.error("[sync] could not look for queued runs:", errorMessage(error)))
    .finally(() => {
      state.looking = false;
      if (state.again) {
        state.again = false;
        takeQueuedSyncs();
      }
    });
}

async function look(state: State): Promise<void> {
  const db = await state.getDb();
  for (const runId of await queuedRunIds(db)) {
    if (state.running.size >= PARALLEL_RUNS) return;
    if (state.running.has(runId)) continue;
    state.running.add(runId);
    runQueuedSync(db, runId)
      .catch((error: unknown) => console.error("[sync] a queued run failed:", errorMessage(error)))
      .finally(() => {
        state.running.delete(runId);
        takeQueuedSyncs(); // a slot is free: the next queued run may start
      });
  }
}
