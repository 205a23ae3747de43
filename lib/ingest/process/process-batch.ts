// Processes one source's batch inside the processor's transaction: all events applied together in
// one savepoint (one bulk write per entity kind) and marked with one UPDATE per outcome. If that
// fails, the savepoint is undone and the events are applied one by one, each in its own savepoint,
// so an event that cannot be applied fails (and is retried, then dead) while the rest succeed.
import { eq, inArray, sql } from "drizzle-orm";
import { webhookEvents, type sources } from "@/db/schema";
import type { Tx } from "@/db/types";
import { runInWriteScope } from "@/lib/canonical/write-scope";
import { refreshReportFacts, type ChangedRows } from "@/lib/reports/facts/refresh";
import type { OrgContext } from "@/lib/customers/recompute";
import { errorMessage } from "@/lib/error-text";
import type { ProcessedOutcome } from "../metrics";
import { applyEvent, applyEventBatch, type ProcessDeps } from "./apply-event";
import { isLastAttempt, retryDelayMs } from "./backoff";
import type { EventVerdict, EventVerdicts, InboxEvent } from "./batch-types";
import { eventFailure, failureOfError, inEnglish, PermanentEventError, type EventFailure } from "../event-failure";

type SourceRow = typeof sources.$inferSelect;
export type Outcome = ProcessedOutcome;
export type ProcessContext = { deps: ProcessDeps; org: () => Promise<OrgContext>; oneByOne: boolean };

export async function processEvents(tx: Tx, source: SourceRow | undefined, events: InboxEvent[], context: ProcessContext): Promise<Outcome[]> {
  if (source && events.length > 1 && !context.oneByOne) {
    let verdicts: EventVerdicts | null = null;
    try {
      verdicts = await tx.transaction((savepoint) => applyWithFactsOnce(savepoint, source, events, context));
    } catch (error) {
      console.warn(`[webhooks] a batch of ${events.length} ${source.kind} events failed (${errorMessage(error)}); applying them one by one`);
    }
    if (verdicts) return markVerdicts(tx, source.kind, events, verdicts);
  }
  const outcomes: Outcome[] = [];
  for (const event of events) outcomes.push(await processOne(tx, source, event, context));
  return outcomes;
}

/**
 * The batch's writes leave their report facts to the batch, which refreshes them once at its end,
 * in the same savepoint: an amoCRM batch otherwise refreshed the same deals after the deal upsert
 * and again after their stage changes.
 */
async function applyWithFactsOnce(savepoint: Tx, source: SourceRow, events: InboxEvent[], context: ProcessContext): Promise<EventVerdicts> {
  const changed = { dealIds: new Set<string>(), leadIds: new Set<string>(), activityIds: new Set<string>() };
  const scope = {
    async deferFacts(_tx: unknown, rows: ChangedRows) {
      for (const id of rows.dealIds ?? []) changed.dealIds.add(id);
      for (const id of rows.leadIds ?? []) changed.leadIds.add(id);
      for (const id of rows.activityIds ?? []) changed.activityIds.add(id);
      return true;
    },
  };
  const verdicts = await runInWriteScope(scope, () => applyEventBatch(savepoint, source, events, context.deps, context.org));
  await refreshReportFacts(savepoint, source.orgId, { dealIds: [...changed.dealIds], leadIds: [...changed.leadIds], activityIds: [...changed.activityIds] });
  return verdicts;
}

async function markVerdicts(tx: Tx, kind: string, events: InboxEvent[], verdicts: EventVerdicts): Promise<Outcome[]> {
  const groups = new Map<string, { verdict: EventVerdict; ids: number[] }>();
  const outcomes: Outcome[] = [];
  for (const event of events) {
    const verdict = verdicts.get(event.id) ?? { status: "done" };
    const failure = verdict.status === "done" ? null : verdict.failure;
    const key = `${verdict.status}\u0000${failure ? JSON.stringify(failure) : ""}`;
    const group = groups.get(key) ?? { verdict, ids: [] };
    group.ids.push(event.id);
    groups.set(key, group);
    outcomes.push(verdict.status === "rejected" ? { kind, status: "rejected" } : { kind, status: verdict.status, latencyS: (Date.now() - event.receivedAt.getTime()) / 1000 });
  }
  for (const { verdict, ids } of groups.values()) {
    const failure = verdict.status === "done" ? null : verdict.failure;
    await tx
      .update(webhookEvents)
      .set({ status: verdict.status, attempts: sql`${webhookEvents.attempts} + 1`, ...failed(failure), processedAt: sql`now()` })
      .where(inArray(webhookEvents.id, ids));
  }
  return outcomes;
}

async function processOne(tx: Tx, source: SourceRow | undefined, event: InboxEvent, context: ProcessContext): Promise<Outcome> {
  const attempts = event.attempts + 1;
  const kind = source?.kind ?? "unknown";
  try {
    if (!source) throw new PermanentEventError(eventFailure("webhook_source_gone"));
    const result = await tx.transaction((savepoint) => applyEvent(savepoint, source, event, context.deps, context.org));
    const status = result.ignored ? "ignored" : "done";
    await mark(tx, event.id, { status, attempts, ...failed(result.ignored ?? null), processedAt: sql`now()` });
    return { kind, status, latencyS: (Date.now() - event.receivedAt.getTime()) / 1000 };
  } catch (error) {
    const { failure, english, permanent } = failureOfError(error);
    if (permanent) {
      await mark(tx, event.id, { status: "rejected", attempts, lastError: english, lastFailure: failure, processedAt: sql`now()` });
      return { kind, status: "rejected" };
    }
    const status = isLastAttempt(attempts) ? "dead" : "failed";
    const retryAt = sql`now() + make_interval(secs => ${retryDelayMs(attempts) / 1000})`;
    await mark(tx, event.id, { status, attempts, lastError: english, lastFailure: failure, nextAttemptAt: retryAt });
    return { kind, status };
  }
}

type Mark = {
  status: InboxEvent["status"];
  attempts: number;
  lastError: string | null;
  lastFailure: EventFailure | null;
  processedAt?: ReturnType<typeof sql>;
  nextAttemptAt?: ReturnType<typeof sql>;
};

function mark(tx: Tx, id: number, changes: Mark) {
  return tx.update(webhookEvents).set(changes).where(eq(webhookEvents.id, id));
}

/** The English text and the code of an outcome, or neither when it was applied. */
function failed(failure: EventFailure | null): { lastError: string | null; lastFailure: EventFailure | null } {
  return failure ? { lastError: inEnglish(failure), lastFailure: failure } : { lastError: null, lastFailure: null };
}
