// The inbox processor. Per source, one transaction takes a batch of due events in arrival order
// (FOR UPDATE SKIP LOCKED, under a per-source advisory lock so two instances never interleave one
// source's events) and applies each inside a savepoint. The event's effect and its "done" mark
// commit together, so a crash redoes the whole batch and idempotent upserts make that harmless.
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { sources, webhookEvents } from "@/db/schema";
import type { Db, Tx } from "@/db/types";
import { ingestMetrics } from "../metrics";
import { loadOrgContext, type OrgContext } from "@/lib/customers/recompute";
import { applyEvent, type ProcessDeps } from "./apply-event";
import { isLastAttempt, retryDelayMs } from "./backoff";
import { describeFailure, PermanentEventError } from "./errors";

export type DrainOptions = {
  budgetMs?: number;
  batchSize?: number;
  deps?: ProcessDeps;
  /** Only this organisation's events (tests, an admin's "process now"); all when unset. */
  orgId?: string;
};
export type DrainCounts = { done: number; ignored: number; rejected: number; failed: number; dead: number };
/** `exhausted`: the time budget ran out while there was still work; call again. */
export type DrainResult = DrainCounts & { exhausted: boolean };

const SOURCE_LOCK_CLASS = 7_204_312;
const PARALLEL_SOURCES = 4;
const DUE = inArray(webhookEvents.status, ["pending", "failed"]);

export async function drainInbox(db: Db, options: DrainOptions = {}): Promise<DrainResult> {
  const deadline = Date.now() + (options.budgetMs ?? 25_000);
  const total: DrainCounts = { done: 0, ignored: 0, rejected: 0, failed: 0, dead: 0 };
  while (Date.now() < deadline) {
    const due = await db
      .selectDistinct({ sourceId: webhookEvents.sourceId })
      .from(webhookEvents)
      .where(and(DUE, lte(webhookEvents.nextAttemptAt, sql`now()`), options.orgId ? eq(webhookEvents.orgId, options.orgId) : undefined))
      .limit(100);
    // Sources side by side (each on its own connection), each source's events in order.
    let progressed = 0;
    for (let i = 0; i < due.length; i += PARALLEL_SOURCES) {
      const counts = await Promise.all(due.slice(i, i + PARALLEL_SOURCES).map(({ sourceId }) => processSourceBatch(db, sourceId, options, total)));
      progressed += counts.reduce((sum, n) => sum + n, 0);
    }
    if (progressed === 0) return { ...total, exhausted: false }; // nothing due, or every due source is being drained elsewhere
  }
  return { ...total, exhausted: true };
}

type EventRow = typeof webhookEvents.$inferSelect;
type Outcome = { kind: string; status: "done" | "ignored" | "rejected" | "failed" | "dead"; latencyS?: number };

async function processSourceBatch(db: Db, sourceId: string, options: DrainOptions, total: DrainCounts): Promise<number> {
  const outcomes = await db.transaction(async (tx) => {
    const locked = await tx.select({ ok: sql<boolean>`pg_try_advisory_xact_lock(${SOURCE_LOCK_CLASS}, hashtext(${sourceId}))` }).from(sql`(select 1) as one`);
    if (!locked[0]?.ok) return [];
    const [source] = await tx.select().from(sources).where(eq(sources.id, sourceId));
    const events = await tx
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.sourceId, sourceId), DUE, lte(webhookEvents.nextAttemptAt, sql`now()`)))
      .orderBy(asc(webhookEvents.id))
      .limit(options.batchSize ?? 100)
      .for("update", { skipLocked: true });
    let orgContext: Promise<OrgContext> | undefined;
    const org = () =>
      (orgContext ??= loadOrgContext(tx, source.orgId).catch((error: unknown) => {
        orgContext = undefined; // let the next event try again
        throw error;
      }));
    const results: Outcome[] = [];
    for (const event of events) results.push(await processOne(tx, source, event, options.deps ?? {}, org));
    return results;
  });
  const metrics = ingestMetrics();
  for (const outcome of outcomes) {
    total[outcome.status]++;
    const { kind } = outcome;
    if (outcome.status === "done" || outcome.status === "ignored") {
      metrics.processed.inc({ kind });
      if (outcome.latencyS !== undefined) metrics.latency.observe({ kind }, outcome.latencyS);
    } else if (outcome.status === "failed") metrics.failed.inc({ kind });
    else if (outcome.status === "dead") metrics.dead.inc({ kind });
  }
  return outcomes.length;
}

async function processOne(tx: Tx, source: typeof sources.$inferSelect | undefined, event: EventRow, deps: ProcessDeps, org: () => Promise<OrgContext>): Promise<Outcome> {
  const attempts = event.attempts + 1;
  const kind = source?.kind ?? "unknown";
  try {
    if (!source) throw new PermanentEventError("The source no longer exists");
    const result = await tx.transaction((savepoint) => applyEvent(savepoint, source, event, deps, org));
    const status = result.ignoredReason ? "ignored" : "done";
    await mark(tx, event.id, { status, attempts, lastError: result.ignoredReason ?? null, processedAt: sql`now()` });
    return { kind, status, latencyS: (Date.now() - event.receivedAt.getTime()) / 1000 };
  } catch (error) {
    const message = describeFailure(error);
    if (error instanceof PermanentEventError) {
      await mark(tx, event.id, { status: "rejected", attempts, lastError: message, processedAt: sql`now()` });
      return { kind, status: "rejected" };
    }
    const status = isLastAttempt(attempts) ? "dead" : "failed";
    const retryAt = sql`now() + make_interval(secs => ${retryDelayMs(attempts) / 1000})`;
    await mark(tx, event.id, { status, attempts, lastError: message, nextAttemptAt: retryAt });
    return { kind, status };
  }
}

type Mark = {
  status: EventRow["status"];
  attempts: number;
  lastError: string | null;
  processedAt?: ReturnType<typeof sql>;
  nextAttemptAt?: ReturnType<typeof sql>;
};

function mark(tx: Tx, id: number, changes: Mark) {
  return tx.update(webhookEvents).set(changes).where(eq(webhookEvents.id, id));
}
