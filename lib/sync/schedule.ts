// Runs a sync of every connected CRM source within a time budget: cron calls it (incremental
// every few minutes, full nightly), and so does the in-process scheduler. A source whose run is
// already going elsewhere is skipped; one that runs out of budget continues on the next call.
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { Db } from "@/db/types";
import { CRM_SOURCE_KINDS } from "@/lib/connectors/descriptors";
import { runSync, type RunOptions, type RunSummary } from "./engine";
import { SyncBusyError } from "./runs";
import type { SyncMode } from "./types";

export type ScheduledResult = { sourceId: string; status: RunSummary["status"] | "busy" | "skipped"; error?: string | null };

export async function syncAllSources(db: Db, options: { mode: SyncMode; budgetMs: number; deps?: RunOptions["deps"]; signal?: AbortSignal }): Promise<ScheduledResult[]> {
  const deadline = Date.now() + options.budgetMs;
  const rows = await db
    .select({ id: sources.id, orgId: sources.orgId })
    .from(sources)
    .where(and(eq(sources.isActive, true), inArray(sources.kind, CRM_SOURCE_KINDS), isNotNull(sources.credentials)))
    .orderBy(asc(sources.createdAt));
  const results: ScheduledResult[] = [];
  for (const source of rows) {
    if (Date.now() >= deadline || options.signal?.aborted) {
      results.push({ sourceId: source.id, status: "skipped" });
      continue;
    }
    try {
      const run = await runSync(db, source.orgId, source.id, { mode: options.mode, deadline, deps: options.deps, signal: options.signal });
      results.push({ sourceId: source.id, status: run.status, error: run.error });
    } catch (error) {
      if (error instanceof SyncBusyError) results.push({ sourceId: source.id, status: "busy" });
      else results.push({ sourceId: source.id, status: "failed", error: error instanceof Error ? error.message : "failed" });
    }
  }
  return results;
}
