// The write-back worker: claims due outbox rows (lib/outbox/claim.ts, FOR UPDATE SKIP LOCKED with
// a lease), groups them per source and record type, and sends each group in the CRM's batches
// (Bitrix24 50, amoCRM 250) through the source's client — so through the one rate limiter that
// its sync uses too. Each row then records its outcome: sent; failed, retried with backoff; or
// dead with the CRM's words after MAX_ATTEMPTS or at once when the CRM refused the value itself.
import { eq, sql } from "drizzle-orm";
import { sources, writeBackOutbox, type RunFailure, type WriteBackEntity } from "@/db/schema";
import type { Db } from "@/db/types";
import type { CrmWriteOutcome, CrmWriter } from "@/lib/connectors/crm-writer";
import { ConnectorError } from "@/lib/connectors/errors";
import { isLastAttempt, retryDelayMs } from "@/lib/ingest/process/backoff";
import { claimDueRows } from "@/lib/outbox/claim";
import { clientForSource, type ClientDeps } from "@/lib/sources/clients";
import { writeBackSettingsOf } from "./settings";

export type DrainOptions = { now?: () => Date; orgId?: string; batchSize?: number; budgetMs?: number; deps?: ClientDeps };
export type DrainResult = { sent: number; failed: number; dead: number; requests: number };

/** Long enough for a claim of 500 rows to crawl through a busy portal's limiter. */
const LEASE_MS = 5 * 60_000;
const DEFAULT_CLAIM = 500;
/** A source whose writing was turned off keeps its rows; they are looked at again after this. */
const DISABLED_RETRY_MS = 60 * 60_000;

type Claimed = { id: string; sourceId: string; entity: WriteBackEntity; externalId: string; values: Record<string, string>; attempts: number };
type Outcome = { status: "sent" } | { status: "failed" | "dead"; error: string; failure: RunFailure; retryAt?: Date } | { status: "postponed"; retryAt: Date };

export async function drainWriteBack(db: Db, options: DrainOptions = {}): Promise<DrainResult> {
  const clock = options.now ?? (() => new Date());
  const deadline = Date.now() + (options.budgetMs ?? 25_000);
  const total: DrainResult = { sent: 0, failed: 0, dead: 0, requests: 0 };
  while (Date.now() < deadline) {
    const claimed = await claimDueRows<Claimed>(db, writeBackOutbox, {
      now: clock(),
      leaseMs: LEASE_MS,
      batchSize: options.batchSize ?? DEFAULT_CLAIM,
      orgId: options.orgId,
      returning: sql`o.id, o.source_id as "sourceId", o.entity, o.external_id as "externalId", o.values, o.attempts`,
    });
    if (claimed.length === 0) break;
    for (const [sourceId, rows] of groupBy(claimed, (row) => row.sourceId)) {
      const outcomes = await deliverSource(db, sourceId, rows, clock, options.deps, total);
      for (const [index, row] of rows.entries()) {
        const outcome = outcomes[index];
        await record(db, row, outcome, clock());
        if (outcome.status !== "postponed") total[outcome.status]++;
      }
    }
  }
  return total;
}

async function deliverSource(db: Db, sourceId: string, rows: Claimed[], clock: () => Date, deps: ClientDeps | undefined, total: DrainResult): Promise<Outcome[]> {
  const [source] = await db.select().from(sources).where(eq(sources.id, sourceId));
  if (!source || !writeBackSettingsOf(source.settings).isEnabled || !source.isActive) {
    return rows.map(() => ({ status: "postponed", retryAt: new Date(clock().getTime() + DISABLED_RETRY_MS) }));
  }
  let writer: CrmWriter | undefined;
  try {
    writer = clientForSource(db, source, deps).writer;
  } catch (error) {
    return rows.map((row) => failure(row, error, clock()));
  }
  if (!writer) return rows.map((row) => failure(row, new Error("This source kind cannot be written to"), clock()));
  const outcomes = new Map<Claimed, Outcome>();
  for (const [entity, group] of groupBy(rows, (row) => row.entity)) {
    for (let start = 0; start < group.length; start += writer.batchSize) {
      const chunk = group.slice(start, start + writer.batchSize);
      let results: CrmWriteOutcome[] | Error;
      try {
        total.requests++;
        results = await writer.write(entity, chunk.map((row) => ({ externalId: row.externalId, values: row.values })));
      } catch (error) {
        results = error instanceof Error ? error : new Error(String(error));
      }
      chunk.forEach((row, index) => {
        const result = results instanceof Error ? results : results[index];
        outcomes.set(row, result instanceof Error ? failure(row, result, clock()) : result.ok ? { status: "sent" } : refused(row, result, clock()));
      });
    }
  }
  return rows.map((row) => outcomes.get(row)!);
}

function refused(row: Claimed, result: Extract<CrmWriteOutcome, { ok: false }>, now: Date): Outcome {
  const failure: RunFailure = { code: "write_back_crm_refused", details: result.error };
  if (!result.retryable || isLastAttempt(row.attempts)) return { status: "dead", error: result.error, failure };
  return { status: "failed", error: result.error, failure, retryAt: new Date(now.getTime() + retryDelayMs(row.attempts)) };
}

function failure(row: Claimed, error: unknown, now: Date): Outcome {
  const isConnector = error instanceof ConnectorError;
  const words = isConnector ? (error.details.crmWords ?? error.message) : error instanceof Error ? error.message : String(error);
  return refused(row, { ok: false, error: words, retryable: isConnector ? error.retryable : false }, now);
}

function record(db: Db, row: Claimed, outcome: Outcome, now: Date) {
  const where = eq(writeBackOutbox.id, row.id);
  if (outcome.status === "postponed") return db.update(writeBackOutbox).set({ attempts: row.attempts - 1, nextAttemptAt: outcome.retryAt }).where(where);
  if (outcome.status === "sent") return db.update(writeBackOutbox).set({ status: "sent", sentAt: now, lastError: null, lastFailure: null }).where(where);
  return db
    .update(writeBackOutbox)
    .set({ status: outcome.status, lastError: outcome.error, lastFailure: outcome.failure, nextAttemptAt: outcome.retryAt ?? now })
    .where(where);
}

function groupBy<T, K>(rows: T[], keyOf: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
