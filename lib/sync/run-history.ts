// What the admin page and the dashboards read about syncs: a source's recent runs with their
// progress, rate and errors, and each source's freshness (when it last synced successfully).
import { and, desc, eq, max } from "drizzle-orm";
import { sources, syncRuns, type SyncEntityProgress, type RunFailure, type SyncRunStats } from "@/db/schema";
import type { Db } from "@/db/types";
import type { SourceKind } from "@/db/schema";
import { isCrmKind } from "@/lib/connectors/descriptors";

export type RunView = {
  id: string;
  mode: "full" | "incremental" | "reconcile";
  status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  startedAt: string | null;
  finishedAt: string | null;
  /** In English, for API users. */
  error: string | null;
  /** By code, for the page to translate; null on runs older than the failure codes. */
  failure: RunFailure | null;
  progress: Record<string, SyncEntityProgress>;
  stats: SyncRunStats;
  rowsDone: number;
  /** Rows read per second over the run so far (or its whole duration once finished). */
  rowsPerSecond: number | null;
};

export async function listRuns(db: Db, orgId: string, sourceId: string, limit = 20, now = new Date()): Promise<RunView[]> {
  const rows = await db
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.orgId, orgId), eq(syncRuns.sourceId, sourceId)))
    .orderBy(desc(syncRuns.createdAt))
    .limit(limit);
  return rows.map((run) => {
    const rowsDone = Object.values(run.progress).reduce((sum, entity) => sum + (entity.fetched ?? entity.done ?? 0), 0);
    const end = run.finishedAt ?? now;
    const seconds = run.startedAt ? (end.getTime() - run.startedAt.getTime()) / 1000 : 0;
    return {
      id: run.id,
      mode: run.kind,
      status: run.status,
      startedAt: run.startedAt?.toISOString() ?? null,
      finishedAt: run.finishedAt?.toISOString() ?? null,
      error: run.error,
      failure: run.failure,
      progress: run.progress,
      stats: run.stats,
      rowsDone,
      rowsPerSecond: seconds > 0 ? Math.round((rowsDone / seconds) * 10) / 10 : null,
    };
  });
}

export type Freshness = { sourceId: string; name: string; kind: SourceKind; lastSyncedAt: string | null; isRunning: boolean };

/** Per CRM source: the end of its last successful run (null if never), and whether one runs now. */
export async function sourceFreshness(db: Db, orgId: string): Promise<Freshness[]> {
  const list = await db.select({ id: sources.id, name: sources.name, kind: sources.kind }).from(sources).where(and(eq(sources.orgId, orgId), eq(sources.isActive, true)));
  const succeeded = await db
    .select({ sourceId: syncRuns.sourceId, last: max(syncRuns.finishedAt) })
    .from(syncRuns)
    .where(and(eq(syncRuns.orgId, orgId), eq(syncRuns.status, "succeeded")))
    .groupBy(syncRuns.sourceId);
  const running = await db.select({ sourceId: syncRuns.sourceId }).from(syncRuns).where(and(eq(syncRuns.orgId, orgId), eq(syncRuns.status, "running")));
  const lastBy = new Map(succeeded.map((row) => [row.sourceId, row.last]));
  const runningSet = new Set(running.map((row) => row.sourceId));
  return list
    .filter((source) => isCrmKind(source.kind))
    .map((source) => ({ sourceId: source.id, name: source.name, kind: source.kind, lastSyncedAt: lastBy.get(source.id)?.toISOString() ?? null, isRunning: runningSet.has(source.id) }));
}
