// Drains the inbox in this thread, soon after a kick and never while the sender waits: one run at
// a time per database; a kick during a run only asks it to go round again.
import type { Db } from "@/db/types";
import { errorMessage } from "@/lib/error-text";
import { processSlot } from "@/lib/process-slot";
import { drainInbox, type DrainOptions } from "./drain";

/** What the next round drains: every organisation, or only those whose deliveries asked for it. */
type Scope = "all" | Set<string>;
type KickState = { run: Promise<void> | null; next: Scope | null };
const kicks = processSlot<WeakMap<Db, KickState>>("IngestKicks");

function stateOf(db: Db): KickState {
  const states = kicks.ensure(() => new WeakMap());
  let state = states.get(db);
  if (!state) {
    state = { run: null, next: null };
    states.set(db, state);
  }
  return state;
}

/** How the processor thread drains (paced rounds, one source at a time); the defaults everywhere else. */
export type DrainStyle = Pick<DrainOptions, "paceMs" | "parallelSources">;

/**
 * `orgId`: the organisation whose delivery was just stored: only its events are drained, so tests
 * sharing one database never process each other's; without it, everything due.
 */
export function drainSoon(db: Db, orgId?: string, style: DrainStyle = {}): void {
  const state = stateOf(db);
  state.next = widen(state.next, orgId);
  // After the answer has been sent: the sender never waits for processing.
  state.run ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => run(db, state, style));
}

/**
 * Resolves when no in-process drain of `db` is running. Tests await it before closing their
 * database, so a drain never outlives the database it works on.
 */
export async function processorIdle(db: Db): Promise<void> {
  const state = stateOf(db);
  while (state.run) await state.run;
}

function widen(scope: Scope | null, orgId: string | undefined): Scope {
  if (!orgId || scope === "all") return "all";
  return new Set([...(scope ?? []), orgId]);
}

async function run(db: Db, state: KickState, style: DrainStyle): Promise<void> {
  try {
    // Until nothing asks for more: a budget that ran out mid-work, or a kick meanwhile, means go again.
    while (state.next) {
      const scope = state.next;
      state.next = null;
      for (const orgId of scope === "all" ? [undefined] : scope) {
        const { exhausted } = await drainInbox(db, { ...style, budgetMs: 30_000, orgId });
        if (exhausted) state.next = widen(state.next, orgId);
      }
    }
  } catch (error) {
    console.error("[webhooks] processor run failed", errorMessage(error));
  } finally {
    state.run = null;
  }
}
