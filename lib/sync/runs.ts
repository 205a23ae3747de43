// sync_runs: one active run per source across every process (a partial unique index), its
// progress per entity, request and retry counts and errors, and a heartbeat so a run whose
// process died is recognised as abandoned instead of blocking the source for ever.
import { and, asc, eq, inArray, lt, or, isNull } from "drizzle-orm";
import { syncRuns, type SyncEntityProgress, type RunFailure, type SyncRunStats } from "@/db/schema";
import type { Db } from "@/db/types";
import { ConflictError } from "@/lib/errors";
import { isUniqueViolation } from "@/db/errors";
import type { SyncMode } from "./types";

/** A run that has not beaten for this long belongs to a process that is gone. */
export const STALE_AFTER_MS = 5 * 60_000;

export class SyncBusyError extends ConflictError {
  constructor() {
    super("A sync of this source is already running; wait for it to finish", { code: "sync_busy" });
  }
}

export type RunRow = typeof syncRuns.$inferSelect;

/** `status`: `queued` when a worker process will do the run (it holds the source all the same). */
export async function claimRun(db: Db, source: { id: string; orgId: string }, mode: SyncMode, triggeredBy: string | null, now = new Date(), status: "running" | "queued" = "running"): Promise<RunRow> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const [run] = await db
        .insert(syncRuns)
        .values({ orgId: source.orgId, sourceId: source.id, kind: mode, status, triggeredBy, startedAt: now, heartbeatAt: now, progress: {}, stats: {} })
        .returning();
      return run;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt > 0) {
        if (isUniqueViolation(error)) throw new SyncBusyError();
        throw error;
      }
      // Someone holds the source: take over only when its heartbeat stopped long ago.
      const stale = await db
        .update(syncRuns)
        .set({ status: "failed", finishedAt: now, error: "Abandoned: the process running it stopped without finishing (resumes from the cursor)", failure: { code: "sync_abandoned" } })
        .where(
          and(
            eq(syncRuns.sourceId, source.id),
            inArray(syncRuns.status, ["queued", "running"]),
            or(isNull(syncRuns.heartbeatAt), lt(syncRuns.heartbeatAt, new Date(now.getTime() - STALE_AFTER_MS))),
          ),
        )
        .returning({ id: syncRuns.id });
      if (stale.length === 0) throw new SyncBusyError();
    }
  }
  throw new SyncBusyError();
}

/** Starts a queued run for this process: null when another worker took it first. */
export async function takeQueuedRun(db: Db, runId: string, now = new Date()): Promise<RunRow | null> {
  const [run] = await db
    .update(syncRuns)
    .set({ status: "running", startedAt: now, heartbeatAt: now })
    .where(and(eq(syncRuns.id, runId), eq(syncRuns.status, "queued")))
    .returning();
  return run ?? null;
}

/** The runs waiting for a worker, oldest first. */
export async function queuedRunIds(db: Db, limit = 10): Promise<string[]> {
  const rows = await db.select({ id: syncRuns.id }).from(syncRuns).where(eq(syncRuns.status, "queued")).orderBy(asc(syncRuns.startedAt)).limit(limit);
  return rows.map((row) => row.id);
}

export async function saveRunProgress(db: Db, runId: string, progress: Record<string, SyncEntityProgress>, stats: SyncRunStats): Promise<void> {
  await db.update(syncRuns).set({ progress, stats, heartbeatAt: new Date() }).where(eq(syncRuns.id, runId));
}

/** Keeps a run's heartbeat going through long work without pages (the report-facts settle); stop with the returned function. */
export function keepBeating(db: Db, runId: string, everyMs = 30_000): () => void {
  const timer = setInterval(() => {
    db.update(syncRuns).set({ heartbeatAt: new Date() }).where(eq(syncRuns.id, runId)).catch(() => {}); // a missed beat is retried next time
  }, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}

export async function finishRun(
  db: Db,
  runId: string,
  outcome: { status: "succeeded" | "failed" | "cancelled"; error: string | null; failure: RunFailure | null; progress: Record<string, SyncEntityProgress>; stats: SyncRunStats },
): Promise<void> {
  const now = new Date();
  await db.update(syncRuns).set({ ...outcome, finishedAt: now, heartbeatAt: now }).where(eq(syncRuns.id, runId));
}
