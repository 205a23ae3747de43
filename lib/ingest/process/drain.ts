// The inbox processor. Per source, one transaction takes a batch of due events in arrival order
// (FOR UPDATE SKIP LOCKED, under a per-source advisory lock so two instances never interleave one
// source's events) and applies them together, falling back to one by one when that fails
// (./process-batch.ts). The events' effects and their "done" marks commit together, so a crash
// redoes the whole batch and idempotent upserts make that harmless.
import { and, asc, eq, lte, sql } from "drizzle-orm";
import { sources, webhookEvents } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordOutcomes } from "../metrics";
import { loadOrgContext, type OrgContext } from "@/lib/customers/recompute";
import type { ProcessDeps } from "./apply-event";
import { processEvents } from "./process-batch";
import { requestWinScoring } from "@/lib/predict/background";
import { orgIsActive } from "@/lib/hosted/suspension";

export type DrainOptions = {
  budgetMs?: number;
  batchSize?: number;
  deps?: ProcessDeps;
  /** Only this organisation's events (tests, an admin's "process now"); all when unset. */
  orgId?: string;
  /** Apply each event on its own instead of the batch at once (the reference the batch must equal, in tests). */
  oneByOne?: boolean;
  /** Rounds without a full batch start at most this often (the processor thread: bigger, cheaper batches under load). */
  paceMs?: number;
  /** Sources drained side by side (default 4); the processor thread takes one at a time (processor-worker.ts). */
  parallelSources?: number;
};
export type DrainCounts = { done: number; ignored: number; rejected: number; failed: number; dead: number };
/** `exhausted`: the time budget ran out while there was still work; call again. */
export type DrainResult = DrainCounts & { exhausted: boolean };

const SOURCE_LOCK_CLASS = 7_204_312;
const PARALLEL_SOURCES = 4;
/** Events of one source per transaction: enough that the per-batch costs (facts refresh, lookups) are shared widely. */
const DEFAULT_BATCH_SIZE = 500;
// Spelled as the per-source queue index's predicate (db/schema/system.ts), so both queries below can use it.
const DUE = sql`${webhookEvents.status} in ('pending', 'failed')`;

export async function drainInbox(db: Db, options: DrainOptions = {}): Promise<DrainResult> {
  const deadline = Date.now() + (options.budgetMs ?? 25_000);
  const total: DrainCounts = { done: 0, ignored: 0, rejected: 0, failed: 0, dead: 0 };
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  while (Date.now() < deadline) {
    const roundStarted = Date.now();
    const due = await dueSources(db, options.orgId);
    // Sources side by side (each on its own connection), each source's events in order.
    let progressed = 0;
    let isBacklogged = false;
    const parallel = options.parallelSources ?? PARALLEL_SOURCES;
    for (let i = 0; i < due.length; i += parallel) {
      const counts = await Promise.all(due.slice(i, i + parallel).map(({ sourceId }) => processSourceBatch(db, sourceId, options, total)));
      progressed += counts.reduce((sum, n) => sum + n, 0);
      isBacklogged ||= counts.some((n) => n >= batchSize);
    }
    if (progressed === 0) return { ...total, exhausted: false }; // nothing due, or every due source is being drained elsewhere
    // Events still arriving but no backlog: wait a little so the next batches are bigger — a batch
    // costs a fixed few dozen statements, so small ones cost several times more per event.
    const pause = Math.min((options.paceMs ?? 0) - (Date.now() - roundStarted), deadline - Date.now());
    if (!isBacklogged && pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
  }
  return { ...total, exhausted: true };
}

/**
 * Sources with an event due, found by probing each source's queue index rather than reading the
 * due events: with a backlog (or a source another instance is draining) a DISTINCT over them
 * cost PostgreSQL more per kick than the deliveries themselves. A suspended organisation's events
 * wait (docs/hosted.md).
 */
function dueSources(db: Db, orgId: string | undefined) {
  const hasDueEvent = sql`exists (select 1 from ${webhookEvents} where ${webhookEvents.sourceId} = ${sources.id}
    and ${DUE} and ${webhookEvents.nextAttemptAt} <= now())`;
  return db
    .select({ sourceId: sources.id })
    .from(sources)
    .where(and(hasDueEvent, orgIsActive(sources.orgId), orgId ? eq(sources.orgId, orgId) : undefined))
    .limit(100);
}

async function processSourceBatch(db: Db, sourceId: string, options: DrainOptions, total: DrainCounts): Promise<number> {
  const { orgId, outcomes } = await db.transaction(async (tx) => {
    const locked = await tx.select({ ok: sql<boolean>`pg_try_advisory_xact_lock(${SOURCE_LOCK_CLASS}, hashtext(${sourceId}))` }).from(sql`(select 1) as one`);
    if (!locked[0]?.ok) return { orgId: undefined, outcomes: [] };
    const [source] = await tx.select().from(sources).where(eq(sources.id, sourceId));
    const events = await tx
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.sourceId, sourceId), DUE, lte(webhookEvents.nextAttemptAt, sql`now()`)))
      .orderBy(asc(webhookEvents.id))
      .limit(options.batchSize ?? DEFAULT_BATCH_SIZE)
      .for("update", { skipLocked: true });
    let orgContext: Promise<OrgContext> | undefined;
    const org = () =>
      (orgContext ??= loadOrgContext(tx, source.orgId).catch((error: unknown) => {
        orgContext = undefined; // let the next event try again
        throw error;
      }));
    return { orgId: source?.orgId, outcomes: await processEvents(tx, source, events, { deps: options.deps ?? {}, org, oneByOne: options.oneByOne ?? false }) };
  });
  // Committed: the changed open deals can be scored again (lib/predict/background.ts), never in the way of the next batch.
  if (orgId && outcomes.some((outcome) => outcome.status === "done")) requestWinScoring(orgId);
  recordOutcomes(outcomes);
  for (const outcome of outcomes) total[outcome.status]++;
  return outcomes.length;
}
