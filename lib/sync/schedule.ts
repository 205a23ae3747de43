// Runs a sync of every connected CRM source within a time budget: cron calls it (incremental
// every few minutes, full nightly), and so does the in-process scheduler. A source whose run is
// already going elsewhere is skipped; one that runs out of budget continues on the next call.
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { Db } from "@/db/types";
import { CRM_SOURCE_KINDS } from "@/lib/connectors/descriptors";
import { orgIsActive, suspendedError } from "@/lib/hosted/suspension";
import { runSync, type RunOptions, type RunSummary } from "./engine";
import { SyncBusyError } from "./runs";
import type { SyncMode } from "./types";

/** `suspended`: the source's organisation is suspended (docs/hosted.md); no run is made or recorded. */
export type ScheduledResult = { sourceId: string; status: RunSummary["status"] | "busy" | "skipped" | "suspended"; error?: string | null };

export type ScheduleOptions = {
  mode: SyncMode;
  budgetMs: number;
  deps?: RunOptions["deps"];
  signal?: AbortSignal;
  /** Only these organisations' sources (tests on a shared database); every one when unset. */
  orgIds?: string[];
};

export async function syncAllSources(db: Db, options: ScheduleOptions): Promise<ScheduledResult[]> {
  const deadline = Date.now() + options.budgetMs;
  const rows = await db
    .select({ id: sources.id, orgId: sources.orgId, isOrgActive: orgIsActive(sources.orgId).mapWith(Boolean) })
    .from(sources)
    .where(and(eq(sources.isActive, true), inArray(sources.kind, CRM_SOURCE_KINDS), isNotNull(sources.credentials), options.orgIds ? inArray(sources.orgId, options.orgIds) : undefined))
    .orderBy(asc(sources.createdAt));
  const results: ScheduledResult[] = [];
  for (const source of rows) {
    if (!source.isOrgActive) {
      results.push({ sourceId: source.id, status: "suspended", error: suspendedError().message });
      continue;
    }
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
