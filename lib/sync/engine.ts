// The sync engine: one run of one source through its plan. Paged steps write page by page, each
// page one transaction with its cursor (lib/sync/paged-step.ts), so a run killed at any point
// resumes from the last committed page. Inside the run's write scope the report facts of a big
// pass are refreshed once at its end (lib/sync/deferred-facts.ts).
import { eq } from "drizzle-orm";
import { organisations, sources, type SyncEntityProgress, type RunFailure, type SyncRunStats } from "@/db/schema";
import type { Db } from "@/db/types";
import { runInWriteScope, type SourceRef, type WriteScope } from "@/lib/canonical";
import { connectorErrorCode } from "@/lib/connectors/error-code";
import { ConnectorError } from "@/lib/connectors/errors";
import { AppError, NotFoundError } from "@/lib/errors";
import { assertOrganisationActive } from "@/lib/hosted/suspension";
import { clientForSource, type ClientDeps } from "@/lib/sources/clients";
import { errorForLog } from "@/lib/error-text";
import { rematchFormLeads } from "@/lib/forms/match";
import { requestModelTraining } from "@/lib/predict/background";
import { requestAnomalyDetection } from "@/lib/anomalies/background";
import { DEFERRED_FACTS_ENTITY, openDeferredFacts, type DeferredFacts } from "./deferred-facts";
import { runPagedStep, StopRequested, type StepContext } from "./paged-step";
import { claimRun, finishRun, keepBeating, saveRunProgress, takeQueuedRun, type RunRow } from "./runs";
import { keepTableStats } from "./table-stats";
import type { StepTiming, SyncMode, SyncPlan, SyncTuning } from "./types";

export { REREAD_WINDOW_MS } from "./paged-step";

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

export type RunSummary = {
  runId: string;
  status: "succeeded" | "failed" | "cancelled";
  /** In English, for logs and the API. */
  error: string | null;
  /** By code, for the page to translate (db/schema/sources.ts). */
  failure: RunFailure | null;
  progress: Record<string, SyncEntityProgress>;
  stats: SyncRunStats;
  /** Where each step's time went (not stored; the bench prints it). */
  timings: Record<string, StepTiming>;
};

export async function runSync(db: Db, orgId: string, sourceId: string, options: RunOptions): Promise<RunSummary> {
  return (await startSync(db, orgId, sourceId, options)).finished;
}

/**
 * Claims the source (one active run across every process) and starts the run. Returns at once
 * with the run id, so "Sync now" can answer while the run goes on; `finished` settles at its end.
 */
export async function startSync(db: Db, orgId: string, sourceId: string, options: RunOptions): Promise<{ runId: string; finished: Promise<RunSummary> }> {
  const { source, plan } = await planFor(db, orgId, sourceId, options);
  const run = await claimRun(db, source, options.mode, options.triggeredBy ?? null);
  return { runId: run.id, finished: executeRun(db, { id: source.id, orgId }, run, plan, options) };
}

/**
 * Claims the source for a run that a worker process will do (VORONKA_ROLE=web): the run waits as
 * `queued`, holding the source like a running one, until a worker takes it (runQueuedSync).
 */
export async function queueSync(db: Db, orgId: string, sourceId: string, options: Pick<RunOptions, "mode" | "triggeredBy" | "deps">): Promise<{ runId: string }> {
  const { source } = await planFor(db, orgId, sourceId, options);
  const run = await claimRun(db, source, options.mode, options.triggeredBy ?? null, new Date(), "queued");
  return { runId: run.id };
}

/** Does a queued run; null when another worker took it first (or it is no longer queued). */
export async function runQueuedSync(db: Db, runId: string, options: Omit<RunOptions, "mode" | "triggeredBy"> = {}): Promise<RunSummary | null> {
  const run = await takeQueuedRun(db, runId);
  if (!run) return null;
  // Only "Sync now" queues runs: full or incremental (reconciliation runs where cron calls it).
  const runOptions: RunOptions = { ...options, mode: run.kind === "full" ? "full" : "incremental", triggeredBy: run.triggeredBy };
  let plan: SyncPlan;
  try {
    ({ plan } = await planFor(db, run.orgId, run.sourceId, runOptions));
  } catch (error) {
    // The source was deleted or lost its credentials while the run waited, or its organisation was suspended.
    const summary = failedBeforeStart(run.id, error);
    await finishRun(db, run.id, summary);
    return summary;
  }
  return executeRun(db, { id: run.sourceId, orgId: run.orgId }, run, plan, runOptions);
}

/**
 * The source and its plan; refuses a source with no CRM (a shop, a site form) or without credentials,
 * and a suspended organisation's (`organisation_suspended`: a queued run fails with that reason).
 */
async function planFor(db: Db, orgId: string, sourceId: string, options: Pick<RunOptions, "deps" | "tuning">) {
  const [source] = await db.select().from(sources).where(eq(sources.id, sourceId));
  if (!source || source.orgId !== orgId) throw new NotFoundError("Source");
  await assertOrganisationActive(db, orgId);
  const crm = clientForSource(db, source, options.deps);
  const [org] = await db.select({ baseCurrency: organisations.baseCurrency }).from(organisations).where(eq(organisations.id, orgId));
  const plan: SyncPlan = crm.syncPlan(source.settings, org.baseCurrency, options.tuning);
  return { source, plan };
}

async function executeRun(db: Db, ref: SourceRef, run: RunRow, plan: SyncPlan, options: RunOptions): Promise<RunSummary> {
  const progress: Record<string, SyncEntityProgress> = {};
  const timings: Record<string, StepTiming> = {};
  const stats: SyncRunStats = { entities: plan.steps.map((s) => s.name), requests: 0, retries: 0, errors: [] };
  const snapshot = () => Object.assign(stats, plan.stats());
  const shouldStop = () => options.signal?.aborted || (options.deadline !== undefined && Date.now() >= options.deadline);
  let facts: DeferredFacts | undefined;
  const settleFacts = async () => {
    if (!facts) return;
    const stopBeating = keepBeating(db, run.id);
    const started = performance.now();
    try {
      // Shown as one more bar ("Reports", in rows of the source), empty until the facts are
      // settled: the settle is one transaction (page-by-page refreshes cost far more in all), and
      // on a big source it takes long after every CRM bar is full (docs/measurements.md).
      const showFacts = async (done: number, total: number) => {
        if (!stats.entities?.includes(DEFERRED_FACTS_ENTITY)) stats.entities = [...(stats.entities ?? []), DEFERRED_FACTS_ENTITY];
        progress[DEFERRED_FACTS_ENTITY] = { done, total, fetched: 0, inserted: 0, updated: 0, deleted: 0, finished: done === total };
        await saveRunProgress(db, run.id, progress, snapshot());
      };
      const owed = facts.isDeferring() ? await facts.rowsToSettle(db) : 0;
      if (owed > 0) await showFacts(0, owed);
      if (await facts.settle(db)) {
        timings[DEFERRED_FACTS_ENTITY] = { pages: 0, waitMs: 0, writeMs: performance.now() - started, commitMs: 0 };
        if (owed > 0) await showFacts(owed, owed);
      }
    } finally {
      stopBeating();
    }
  };

  const context: StepContext = { db, source: ref, run, mode: options.mode, progress, snapshot, shouldStop, tableStats: keepTableStats(db), readAheadPages: plan.readAhead, afterPage: options.afterPage };

  try {
    facts = await openDeferredFacts(db, ref);
    const scope: WriteScope = { deferFacts: facts.deferFacts };
    await runInWriteScope(scope, async () => {
      for (const step of plan.steps) {
        if (shouldStop()) throw new StopRequested();
        progress[step.name] = { done: 0, fetched: 0, inserted: 0, updated: 0, deleted: 0 };
        if (step.kind === "directory") {
          const { fetched, result } = await step.run(db, ref);
          progress[step.name] = { done: fetched, total: fetched, fetched, inserted: result.inserted, updated: result.updated, deleted: 0, finished: true };
          await saveRunProgress(db, run.id, progress, snapshot());
        } else {
          timings[step.name] = { pages: 0, waitMs: 0, writeMs: 0, commitMs: 0 };
          await runPagedStep(context, step, timings[step.name]);
        }
      }
    });
    // The run is complete only once the reports count what it wrote.
    await settleFacts();
    // What it brought may be where site form submissions went, old ones too (lib/forms/match.ts).
    await rematchFormLeads(db, ref.orgId);
    const summary: RunSummary = { runId: run.id, status: "succeeded", error: null, failure: null, progress, stats: snapshot(), timings };
    await finishRun(db, run.id, summary);
    // New closed deals may change what the win-probability model should learn (lib/predict/background.ts).
    requestModelTraining(ref.orgId);
    requestAnomalyDetection(ref.orgId);
    return summary;
  } catch (error) {
    const stopped = error instanceof StopRequested;
    const { message, failure } = stopped ? STOPPED_AT_BUDGET : describeFailure(error);
    if (!stopped) stats.errors = [...(stats.errors ?? []), message];
    // A failed run may not be followed soon (a revoked token): its rows get their facts now. A run
    // stopped at its budget leaves them to the run that continues it shortly, which settles once.
    if (!stopped) await settleFacts().catch((settleError: unknown) => console.error("[sync] report facts of a failed run not refreshed; the next run does it", errorForLog(settleError)));
    const summary: RunSummary = { runId: run.id, status: stopped ? "cancelled" : "failed", error: message, failure, progress, stats: snapshot(), timings };
    await finishRun(db, run.id, summary);
    return summary;
  }
}

type Described = { message: string; failure: RunFailure };

function failedBeforeStart(runId: string, error: unknown): RunSummary {
  const { message, failure } = describeFailure(error);
  return { runId, status: "failed", error: message, failure, progress: {}, stats: { errors: [message] }, timings: {} };
}

const STOPPED_AT_BUDGET: Described = { message: "Stopped at its time budget; the next run continues from where this one stopped", failure: { code: "sync_time_budget" } };

/**
 * Why a run failed, by code, translated on the page; beside it only the CRM's own words from its
 * documented error format (the connector's English message stays in `error`, for API users), so a
 * Russian admin reads no English sentence of ours. Anything else is logged, not shown.
 */
function describeFailure(error: unknown): Described {
  if (error instanceof ConnectorError) {
    const words = error.details.crmWords;
    return { message: error.message, failure: { code: connectorErrorCode(error.kind), ...(words ? { details: words } : {}) } };
  }
  if (error instanceof AppError) return { message: error.message, failure: { code: error.code, ...(error.params ? { params: error.params } : {}) } };
  console.error("[sync] unexpected error", errorForLog(error));
  return { message: "An unexpected error stopped the sync; it has been logged", failure: { code: "sync_unexpected_error" } };
}
