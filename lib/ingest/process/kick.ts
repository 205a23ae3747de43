// Right after a delivery is stored the inbox is drained, never delaying the answer: by the
// processor thread when it runs (./processor-thread.ts, on PostgreSQL), else in this thread
// (./drain-soon.ts); on a web instance (VORONKA_ROLE=web) by a worker process, told by a signal
// (lib/worker/signal.ts). The cron route drains whatever a kick missed (a killed process, a
// serverless instance frozen after answering).
import type { Db } from "@/db/types";
import { handsWorkToWorkers } from "@/lib/worker/role";
import { signalWorkers } from "@/lib/worker/signal";
import { drainSoon } from "./drain-soon";
import { kickProcessorThread } from "./processor-thread";

export { processorIdle } from "./drain-soon";

/** `orgId`: the organisation whose delivery was just stored (an in-thread drain then takes only its events). */
export function kickProcessor(db: Db, orgId?: string): void {
  if (handsWorkToWorkers()) return signalWorkers(db, "inbox");
  if (!kickProcessorThread()) drainSoon(db, orgId);
}
