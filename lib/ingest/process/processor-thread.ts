// On PostgreSQL the inbox processor runs in a worker thread of the server process
// (./processor-worker.ts): parsing, mapping and query building no longer share the event loop that
// answers webhooks. Kicks are passed to it; its outcomes come back for /api/metrics. If the thread
// is not running (PGlite, tests, a crash until its restart), kick.ts drains in this thread instead.
import { Worker } from "node:worker_threads";
import { errorMessage } from "@/lib/error-text";
import { recordOutcomes, type ProcessedOutcome } from "../metrics";
import { processSlot } from "@/lib/process-slot";

type ThreadState = { worker: Worker | null; kickQueued: boolean };
const thread = processSlot<ThreadState>("ProcessorThread");
const RESTART_MS = 5_000;
/** Kicks within this window travel as one message: under load a message per delivery cost the receiving thread measurably. */
const KICK_COALESCE_MS = 20;

/** Starts the thread once per process; false when it could not be started (the caller keeps the in-process kick). */
export function startProcessorThread(): boolean {
  if (thread.get()) return true;
  const state: ThreadState = { worker: null, kickQueued: false };
  thread.set(state);
  return spawn(state);
}

function spawn(state: ThreadState): boolean {
  let worker: Worker;
  try {
    worker = new Worker(new URL("./processor-worker.ts", import.meta.url));
  } catch (error) {
    console.error("[webhooks] the processor thread could not start; processing in the server thread", errorMessage(error));
    thread.set(undefined);
    return false;
  }
  state.worker = worker;
  worker.unref(); // never keeps a stopping server alive: unfinished work stays pending and is redone
  worker.on("message", (message: { type: string; outcomes?: ProcessedOutcome[] }) => {
    if (message.type === "outcomes" && message.outcomes) recordOutcomes(message.outcomes);
  });
  worker.on("error", (error) => console.error("[webhooks] the processor thread failed:", errorMessage(error)));
  worker.on("exit", () => {
    state.worker = null;
    setTimeout(() => spawn(state), RESTART_MS).unref();
  });
  return true;
}

/** Passes a kick to the thread (within KICK_COALESCE_MS); false when there is no thread to take it. */
export function kickProcessorThread(): boolean {
  const state = thread.get();
  if (!state?.worker) return false;
  if (!state.kickQueued) {
    state.kickQueued = true;
    setTimeout(() => {
      state.kickQueued = false;
      state.worker?.postMessage("kick");
    }, KICK_COALESCE_MS).unref();
  }
  return true;
}
