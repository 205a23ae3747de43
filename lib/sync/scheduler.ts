// The in-process scheduler for self-hosted servers: every SYNC_INTERVAL_MINUTES an incremental
// sync of every source (the same function cron calls). Off when the variable is 0 (the default).
// Several instances may run it: the one-active-run-per-source lock in the database keeps them apart.
import type { Db } from "@/db/types";
import { errorMessage } from "@/lib/error-text";
import { syncAllSources } from "./schedule";
import { processSlot } from "@/lib/process-slot";

type SchedulerState = { timer?: ReturnType<typeof setInterval>; isRunning?: boolean };
const state = processSlot<SchedulerState>("SyncScheduler").ensure(() => ({}));

export function startSyncScheduler(getDb: () => Promise<Db>, intervalMinutes: number): boolean {
  if (intervalMinutes <= 0 || state.timer) return false;
  const intervalMs = intervalMinutes * 60_000;
  state.timer = setInterval(async () => {
    if (state.isRunning) return; // the previous round is still going
    state.isRunning = true;
    try {
      // Leave a tenth of the interval free, so rounds never pile up.
      await syncAllSources(await getDb(), { mode: "incremental", budgetMs: intervalMs * 0.9 });
    } catch (error) {
      console.error("[sync] scheduled round failed:", errorMessage(error));
    } finally {
      state.isRunning = false;
    }
  }, intervalMs);
  state.timer.unref?.();
  return true;
}

export function stopSyncScheduler(): void {
  if (state.timer) clearInterval(state.timer);
  state.timer = undefined;
}
