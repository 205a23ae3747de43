// Right after a delivery is stored, this process starts draining the inbox — once: a kick while a
// drain runs only asks it to go round again. The cron route drains whatever a kick missed
// (a killed process, a serverless instance frozen after answering).
import type { Db } from "@/db/types";
import { drainInbox } from "./drain";

type KickState = { running: boolean; again: boolean };
const store = globalThis as typeof globalThis & { __voronkaIngestKick?: KickState };

export function kickProcessor(db: Db): void {
  const state = (store.__voronkaIngestKick ??= { running: false, again: false });
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  // After the answer has been sent: the sender never waits for processing.
  setImmediate(() => void run(db, state));
}

async function run(db: Db, state: KickState): Promise<void> {
  try {
    // Until the inbox is empty: a budget that ran out mid-work, or a kick meanwhile, means go again.
    let exhausted: boolean;
    do {
      state.again = false;
      ({ exhausted } = await drainInbox(db, { budgetMs: 30_000 }));
    } while (state.again || exhausted);
  } catch (error) {
    console.error("[webhooks] processor run failed", error instanceof Error ? error.message : error);
  } finally {
    state.running = false;
  }
}
