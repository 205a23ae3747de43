// "Sync now", wherever it is asked for (the sources page, a saved field mapping): the run starts in
// this process, or on a web instance (VORONKA_ROLE=web) it is queued for a worker, which hears of it
// at once (lib/worker). Either way the caller answers with the run id while the run goes on.
import type { Db } from "@/db/types";
import { handsWorkToWorkers, type ProcessRole } from "@/lib/worker/role";
import { signalWorkers } from "@/lib/worker/signal";
import { queueSync, startSync, type RunOptions, type RunSummary } from "./engine";

/** `finished`: the run's end when this process does it; null when a worker will. */
export type RequestedSync = { runId: string; finished: Promise<RunSummary> | null };

export async function requestSync(db: Db, orgId: string, sourceId: string, options: RunOptions, role?: ProcessRole): Promise<RequestedSync> {
  if (!handsWorkToWorkers(role)) return startSync(db, orgId, sourceId, options);
  const { runId } = await queueSync(db, orgId, sourceId, options);
  signalWorkers(db, "sync");
  return { runId, finished: null };
}
