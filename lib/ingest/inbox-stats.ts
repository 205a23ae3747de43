// Figures of the inbox for the admin page and /api/metrics: for one organisation, or for every
// organisation only where the operator asks (METRICS_TOKEN, app/api/metrics/route.ts).
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { sources, webhookEvents } from "@/db/schema";
import type { Db } from "@/db/types";

export type StatusCounts = Record<"pending" | "processing" | "done" | "rejected" | "ignored" | "failed" | "dead", number>;
const EMPTY: StatusCounts = { pending: 0, processing: 0, done: 0, rejected: 0, ignored: 0, failed: 0, dead: 0 };

export type SourceStats = { sourceId: string; counts: StatusCounts; successRate: number | null };

/**
 * Counts by status of events received in the last `hours`, per source. Success rate: done and
 * ignored (delivered and handled) over everything that has finished or failed; pending is not yet judged.
 */
export async function inboxStats(db: Db, orgId: string, hours = 24): Promise<SourceStats[]> {
  const rows = await db
    .select({ sourceId: webhookEvents.sourceId, status: webhookEvents.status, count: sql<number>`count(*)::int` })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.orgId, orgId), gte(webhookEvents.receivedAt, sql`now() - make_interval(hours => ${hours})`)))
    .groupBy(webhookEvents.sourceId, webhookEvents.status);
  const bySource = new Map<string, StatusCounts>();
  for (const row of rows) {
    const counts = bySource.get(row.sourceId) ?? { ...EMPTY };
    counts[row.status] = row.count;
    bySource.set(row.sourceId, counts);
  }
  return [...bySource].map(([sourceId, counts]) => ({ sourceId, counts, successRate: successRate(counts) }));
}

export function successRate(counts: StatusCounts): number | null {
  const good = counts.done + counts.ignored;
  const judged = good + counts.rejected + counts.failed + counts.dead;
  return judged === 0 ? null : good / judged;
}

/** Events waiting to be processed (pending or failed and due for a retry), per source kind. */
export async function inboxDepth(db: Db, orgId: string | "every-organisation"): Promise<{ kind: string; depth: number }[]> {
  const waiting = inArray(webhookEvents.status, ["pending", "failed"]);
  return db
    .select({ kind: sources.kind, depth: sql<number>`count(*)::int` })
    .from(webhookEvents)
    .innerJoin(sources, eq(sources.id, webhookEvents.sourceId))
    .where(orgId === "every-organisation" ? waiting : and(eq(webhookEvents.orgId, orgId), waiting))
    .groupBy(sources.kind);
}

/** The organisation's events received in the last `hours`, by source kind and status. */
export async function inboxCountsByKind(db: Db, orgId: string, hours = 24): Promise<{ kind: string; status: string; count: number }[]> {
  return db
    .select({ kind: sources.kind, status: webhookEvents.status, count: sql<number>`count(*)::int` })
    .from(webhookEvents)
    .innerJoin(sources, eq(sources.id, webhookEvents.sourceId))
    .where(and(eq(webhookEvents.orgId, orgId), gte(webhookEvents.receivedAt, sql`now() - make_interval(hours => ${hours})`)))
    .groupBy(sources.kind, webhookEvents.status);
}
