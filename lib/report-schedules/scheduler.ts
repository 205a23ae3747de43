// The in-process scheduler of a worker (or all-in-one) instance: every minute it plans the
// schedules that came due and drains the outbox; "Send now" kicks it at once. Installed by
// instrumentation-node.ts, never under tests unless a test asks; GET /api/cron/reports does the
// same for serverless deployments. Instances coordinate through the database (SKIP LOCKED), so
// several may run it.
import type { Db } from "@/db/types";
import { errorMessage } from "@/lib/error-text";
import { processSlot } from "@/lib/process-slot";
import { drainReportDeliveries, type ReportDeliverOptions } from "./deliver";
import { planDueRuns } from "./plan";

type SchedulerState = { getDb: () => Promise<Db>; options: ReportDeliverOptions; timer?: ReturnType<typeof setInterval>; running?: Promise<void>; again: boolean; stopped: boolean };

const slot = processSlot<SchedulerState>("ReportScheduler");

export function startReportScheduler(getDb: () => Promise<Db>, options: ReportDeliverOptions & { tickMs?: number } = {}): boolean {
  if (slot.get()) return false;
  const { tickMs = 60_000, ...drain } = options;
  const state: SchedulerState = { getDb, options: drain, again: false, stopped: false };
  slot.set(state);
  state.timer = setInterval(() => kickReports(), tickMs);
  state.timer.unref?.();
  kickReports();
  return true;
}

export async function stopReportScheduler(): Promise<void> {
  const state = slot.get();
  if (!state) return;
  state.stopped = true;
  if (state.timer) clearInterval(state.timer);
  await state.running;
  slot.set(undefined);
}

/** Plans and sends now (or asks the run under way to go round again); never waits. No scheduler here: a no-op. */
export function kickReports(): void {
  const state = slot.get();
  if (!state || state.stopped) return;
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = run(state).finally(() => {
    state.running = undefined;
  });
}

/** Resolves when no run is under way (tests wait on it instead of sleeping). */
export async function settleReports(): Promise<void> {
  const state = slot.get();
  while (state?.running) await state.running;
}

/** One pass: plan what came due, then send; the cron route calls the same. */
export async function runReportsOnce(db: Db, options: ReportDeliverOptions = {}) {
  const planned = await planDueRuns(db);
  const delivered = await drainReportDeliveries(db, options);
  return { planned, ...delivered };
}

async function run(state: SchedulerState): Promise<void> {
  try {
    do {
      state.again = false;
      const { exhausted } = await runReportsOnce(await state.getDb(), state.options);
      if (exhausted) state.again = true;
    } while (state.again && !state.stopped);
  } catch (error) {
    if (!state.stopped) console.error("[reports] scheduled run failed:", errorMessage(error));
  }
}
