// The sync engine: one run of one source through its plan, page by page. Each page is one
// transaction — the rows, the deletions it proves, its cursor and the run's progress — so a run
// killed at any point resumes from the last committed page, and memory holds one page at a time.
import { eq } from "drizzle-orm";
import { organisations, sources, type SyncEntityProgress, type SyncRunStats } from "@/db/schema";
import type { Db } from "@/db/types";
import { markDeletedInRange, type SourceRef } from "@/lib/canonical";
import { ConnectorError } from "@/lib/connectors/errors";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { clientForSource, type ClientDeps } from "@/lib/sources/clients";
import { amocrmPlan } from "./amocrm-plan";
import { bitrix24Plan } from "./bitrix24-plan";
import { loadCursor, saveCursor } from "./cursors";
import { claimRun, finishRun, saveRunProgress, type RunRow } from "./runs";
import type { PagedStep, PassState, SyncMode, SyncPlan, SyncTuning } from "./types";

/** Late edits and clock differences: an incremental pass re-reads this much before its watermark. */
export const REREAD_WINDOW_MS = 10 * 60_000;

export type RunOptions = {
  mode: SyncMode;
  triggeredBy?: string | null;
  /** Stop cleanly after the current page (cron budgets, shutdown). */
  signal?: AbortSignal;
  /** Epoch ms: stop cleanly after the page during which it passes. */
  deadline?: number;
  deps?: ClientDeps;
  tuning?: SyncTuning;
  /** Called after each committed page (tests kill a run here). */
  afterPage?: (entity: string, pageNumber: number) => void | Promise<void>;
};

export type RunSummary = { runId: string; status: "succeeded" | "failed" | "cancelled"; error: string | null; progress: Record<string, SyncEntityProgress>; stats: SyncRunStats };

class StopRequested extends Error {}

export async function runSync(db: Db, orgId: string, sourceId: string, options: RunOptions): Promise<RunSummary> {
  return (await startSync(db, orgId, sourceId, options)).finished;
}

/**
 * Claims the source (one active run across every process) and starts the run. Returns at once
 * with the run id, so "Sync now" can answer while the run goes on; `finished` settles at its end.
 */
export async function startSync(db: Db, orgId: string, sourceId: string, options: RunOptions): Promise<{ runId: string; finished: Promise<RunSummary> }> {
  const [source] = await db.select().from(sources).where(eq(sources.id, sourceId));
  if (!source || source.orgId !== orgId) throw new NotFoundError("Source");
  if (source.kind === "shop") throw new ValidationError("A shop posts its orders to Voronka; there is nothing to sync from it");
  const [org] = await db.select({ baseCurrency: organisations.baseCurrency }).from(organisations).where(eq(organisations.id, orgId));
  const crm = clientForSource(db, source, options.deps);
  const plan: SyncPlan =
    crm.kind === "bitrix24"
      ? bitrix24Plan(crm.client, source.settings, org.baseCurrency, options.tuning)
      : amocrmPlan(crm.client, source.settings, org.baseCurrency, options.tuning);
  const run = await claimRun(db, source, options.mode, options.triggeredBy ?? null);
  return { runId: run.id, finished: executeRun(db, { id: source.id, orgId }, run, plan, options) };
}

async function executeRun(db: Db, ref: SourceRef, run: RunRow, plan: SyncPlan, options: RunOptions): Promise<RunSummary> {
  const progress: Record<string, SyncEntityProgress> = {};
  const stats: SyncRunStats = { entities: plan.steps.map((s) => s.name), requests: 0, retries: 0, errors: [] };
  const snapshot = () => Object.assign(stats, plan.stats());
  const shouldStop = () => options.signal?.aborted || (options.deadline !== undefined && Date.now() >= options.deadline);

  try {
    for (const step of plan.steps) {
      if (shouldStop()) throw new StopRequested();
      progress[step.name] = { done: 0, fetched: 0, inserted: 0, updated: 0, deleted: 0 };
      if (step.kind === "directory") {
        const { fetched, result } = await step.run(db, ref);
        progress[step.name] = { done: fetched, total: fetched, fetched, inserted: result.inserted, updated: result.updated, deleted: 0, finished: true };
        await saveRunProgress(db, run.id, progress, snapshot());
      } else {
        await runPagedStep(db, ref, run, step, options, progress, snapshot, shouldStop);
      }
    }
    const summary: RunSummary = { runId: run.id, status: "succeeded", error: null, progress, stats: snapshot() };
    await finishRun(db, run.id, summary);
    return summary;
  } catch (error) {
    const stopped = error instanceof StopRequested;
    const message = stopped ? "Stopped at its time budget; the next run continues from where this one stopped" : describeError(error);
    if (!stopped) stats.errors = [...(stats.errors ?? []), message];
    const summary: RunSummary = { runId: run.id, status: stopped ? "cancelled" : "failed", error: message, progress, stats: snapshot() };
    await finishRun(db, run.id, summary);
    return summary;
  }
}

async function runPagedStep(
  db: Db,
  source: SourceRef,
  run: RunRow,
  step: PagedStep<unknown>,
  options: RunOptions,
  progress: Record<string, SyncEntityProgress>,
  snapshot: () => SyncRunStats,
  shouldStop: () => boolean | undefined,
): Promise<void> {
  const key = { orgId: source.orgId, sourceId: source.id, entity: step.name };
  const cursor = await loadCursor(db, source.id, step.name);
  const watermark = cursor?.modifiedAt ?? null;
  // A pass cut short resumes; an incremental run also finishes a cut-short full pass (it reads more).
  const isResuming = Boolean(cursor?.passKind && cursor.lastExternalId !== null && (cursor.passKind === options.mode || cursor.passKind === "full") && !step.appendOnly);
  const passKind: SyncMode = isResuming ? (cursor!.passKind as SyncMode) : options.mode;
  const since = passKind === "incremental" && watermark && !step.appendOnly ? new Date(watermark.getTime() - REREAD_WINDOW_MS) : null;
  const entry = progress[step.name];
  const pass: PassState = {
    mode: passKind,
    since,
    afterId: step.appendOnly ? (passKind === "full" ? null : (cursor?.lastExternalId ?? null)) : isResuming ? cursor!.lastExternalId : null,
    rowsSeen: isResuming ? cursor!.rowsSeen : 0,
    // The CRM counts the whole pass (its filter without the resume point).
    onTotal: (total) => {
      entry.total = total;
    },
  };
  const marksDeletes = passKind === "full" && step.deletes !== undefined;
  let previousLast = pass.afterId;
  let rowsSeen = pass.rowsSeen;
  let pending = isResuming ? (cursor!.pendingModifiedAt ?? null) : null;
  const startedAt = Date.now();
  if (isResuming) entry.done = rowsSeen;
  let pageNumber = 0;

  for await (const page of readAhead(step.read(pass))) {
    await db.transaction(async (tx) => {
      const result = await step.apply(tx, source, page.records);
      const deleted = marksDeletes ? await markDeletedInRange(tx, source, step.deletes!.entity, { after: previousLast, upTo: page.lastExternalId, present: page.ids, prefix: step.deletes!.prefix }) : [];
      rowsSeen = page.position ?? rowsSeen + page.rowsRead;
      if (page.maxModifiedAt && (!pending || page.maxModifiedAt > pending)) pending = page.maxModifiedAt;
      await saveCursor(tx, key, {
        modifiedAt: watermark,
        lastExternalId: page.lastExternalId,
        rowsSeen,
        passKind,
        pendingModifiedAt: pending,
      });
      entry.done += page.rowsRead;
      entry.fetched = (entry.fetched ?? 0) + page.rowsRead;
      entry.inserted = (entry.inserted ?? 0) + result.inserted;
      entry.updated = (entry.updated ?? 0) + result.updated;
      entry.deleted = (entry.deleted ?? 0) + deleted.length;
      await saveRunProgress(tx, run.id, progress, snapshot());
    });
    previousLast = page.lastExternalId;
    await options.afterPage?.(step.name, ++pageNumber);
    if (shouldStop()) throw new StopRequested();
  }

  // The pass is complete: the tail after the last page is gone from the CRM, and the watermark
  // moves to the newest change seen, less how long the pass took (rows edited meanwhile behind
  // the keyset position are read again next time).
  await db.transaction(async (tx) => {
    if (marksDeletes) {
      const deleted = await markDeletedInRange(tx, source, step.deletes!.entity, { after: previousLast, upTo: null, present: [], prefix: step.deletes!.prefix });
      entry.deleted = (entry.deleted ?? 0) + deleted.length;
    }
    const nextWatermark = pending ? new Date(pending.getTime() - (Date.now() - startedAt)) : watermark;
    await saveCursor(tx, key, {
      modifiedAt: nextWatermark && watermark && nextWatermark < watermark && passKind === "incremental" ? watermark : nextWatermark,
      lastExternalId: step.appendOnly ? (previousLast ?? cursor?.lastExternalId ?? null) : null,
      rowsSeen: 0,
      passKind: null,
      pendingModifiedAt: null,
    });
    entry.finished = true;
    if (entry.total === undefined || entry.total < entry.done) entry.total = entry.done;
    await saveRunProgress(tx, run.id, progress, snapshot());
  });
}

/**
 * Asks the CRM for the next page while the current one is being written, so the rate limiter's
 * pauses and the database's writes overlap; at most two pages are in memory.
 */
async function* readAhead<T>(pages: AsyncGenerator<T>): AsyncGenerator<T> {
  let next = pages.next();
  try {
    for (;;) {
      const result = await next;
      if (result.done) return;
      next = pages.next();
      next.catch(() => {}); // if we stop early, a failed read-ahead is nobody's error
      yield result.value;
    }
  } finally {
    // Wait for a read-ahead still in flight, so a stopped run leaves no request behind.
    await pages.return(undefined).catch(() => {});
  }
}

/** Connector errors are written for an admin and carry no secret; anything else is logged, not shown. */
function describeError(error: unknown): string {
  if (error instanceof ConnectorError) return error.message;
  if (error instanceof Error && "status" in error && typeof (error as { status: unknown }).status === "number" && (error as { status: number }).status < 500) return error.message;
  console.error("[sync] unexpected error", error);
  return "An unexpected error stopped the sync; it has been logged";
}
