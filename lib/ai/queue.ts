// The background analysis of stored texts. Enqueueing upserts one job per text (a changed text is
// analysed again). The worker claims a batch of due jobs in a short transaction (FOR UPDATE SKIP
// LOCKED, leased by pushing next_attempt_at ahead: lib/outbox/claim.ts, shared with the other outboxes), analyses them
// outside it, and records each outcome: done; waiting for next month when the budget is spent (the
// queue stops for that organisation); retried with backoff when the model is down; after the last
// attempt — or an answer that failed validation twice — done with the basic analyser's analysis and
// the model's error code.
import { eq, sql } from "drizzle-orm";
import { aiJobs } from "@/db/schema";
import type { Db } from "@/db/types";
import { isLastAttempt, retryDelayMs } from "@/lib/ingest/process/backoff";
import { claimDueRows } from "@/lib/outbox/claim";
import type { AiConfig } from "./config";
import { EmptyTextError } from "./prepare";
import { analyseBasicOnly, analyseOrDefer } from "./service";

export type DrainOptions = { config: AiConfig; now?: () => Date; budgetMs?: number; batchSize?: number; orgId?: string; fetch?: typeof fetch };
export type DrainResult = { done: number; retrying: number; waitingForBudget: number; exhausted: boolean };

const LEASE_MS = 5 * 60_000;
const DEFAULT_BATCH = 10;

/** Queues a text for analysis; an empty text is skipped. Returns whether a job is now pending. */
export async function enqueueAnalysis(db: Db, orgId: string, job: { ref: string; text: string; lang?: string | null }): Promise<boolean> {
  if (!job.text.trim()) return false;
  const rows = await db
    .insert(aiJobs)
    .values({ orgId, ref: job.ref, text: job.text, lang: job.lang ?? null })
    .onConflictDoUpdate({
      target: [aiJobs.orgId, aiJobs.ref],
      set: { text: job.text, lang: job.lang ?? null, status: "pending", attempts: 0, nextAttemptAt: sql`now()`, analysis: null, errorCode: null, updatedAt: sql`now()` },
      // The same text again changes nothing: its analysis stands.
      setWhere: sql`${aiJobs.text} is distinct from excluded.text or ${aiJobs.lang} is distinct from excluded.lang`,
    })
    .returning({ id: aiJobs.id });
  return rows.length > 0;
}

type Claimed = { id: string; orgId: string; text: string; lang: string | null; attempts: number };

function claimDue(db: Db, now: Date, options: DrainOptions): Promise<Claimed[]> {
  return claimDueRows<Claimed>(db, aiJobs, {
    now,
    leaseMs: LEASE_MS,
    batchSize: options.batchSize ?? DEFAULT_BATCH,
    orgId: options.orgId,
    returning: sql`o.id, o.org_id as "orgId", o.text, o.lang, o.attempts`,
  });
}

const nextMonth = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));

export async function drainAnalysisJobs(db: Db, options: DrainOptions): Promise<DrainResult> {
  const clock = options.now ?? (() => new Date());
  const deadline = Date.now() + (options.budgetMs ?? 25_000);
  const total = { done: 0, retrying: 0, waitingForBudget: 0 };
  while (Date.now() < deadline) {
    const claimed = await claimDue(db, clock(), options);
    if (claimed.length === 0) return { ...total, exhausted: false };
    const spentOrgs = new Set<string>();
    for (const job of claimed) {
      const where = eq(aiJobs.id, job.id);
      const now = clock();
      if (spentOrgs.has(job.orgId)) {
        await db.update(aiJobs).set({ attempts: job.attempts - 1, nextAttemptAt: nextMonth(now), updatedAt: now }).where(where);
        total.waitingForBudget++;
        continue;
      }
      const result = await analyseOrDefer(db, job.orgId, job.text, { lang: job.lang ?? undefined, config: options.config, fetch: options.fetch, whenUnavailable: "defer" }).catch((error: unknown) => {
        if (error instanceof EmptyTextError) return null;
        throw error;
      });
      if (result === null) {
        await db.update(aiJobs).set({ status: "dead", errorCode: "ai_empty_text", updatedAt: now }).where(where);
      } else if (!("deferred" in result)) {
        await db.update(aiJobs).set({ status: "done", analysis: result.analysis, errorCode: result.modelError, updatedAt: now }).where(where);
        total.done++;
      } else if (result.deferred === "budget_spent") {
        // Not tried: the attempt is given back, and the organisation's other jobs wait too.
        spentOrgs.add(job.orgId);
        await db.update(aiJobs).set({ attempts: job.attempts - 1, nextAttemptAt: nextMonth(now), updatedAt: now }).where(where);
        total.waitingForBudget++;
      } else if (result.isRetryable && !isLastAttempt(job.attempts)) {
        await db.update(aiJobs).set({ status: "failed", errorCode: result.modelError, nextAttemptAt: new Date(now.getTime() + retryDelayMs(job.attempts)), updatedAt: now }).where(where);
        total.retrying++;
      } else {
        const basic = analyseBasicOnly(job.text, { lang: job.lang ?? undefined, config: options.config });
        await db.update(aiJobs).set({ status: "done", analysis: basic.analysis, errorCode: result.modelError, updatedAt: now }).where(where);
        total.done++;
      }
    }
  }
  return { ...total, exhausted: true };
}
