// Re-attributes every lead and deal of an organisation after its teams or rules change: keyset
// chunks of RECOMPUTE_CHUNK rows, one transaction each, progress saved with every chunk. A second
// change while the run is going asks it to start over with the new rules instead of queueing.
import { and, asc, count, eq, gt, inArray, lt, sql } from "drizzle-orm";
import { attributionRuns, deals, leads } from "@/db/schema";
import type { Db } from "@/db/types";
import { isUniqueViolation } from "@/db/errors";
import { errorForLog, errorMessage } from "@/lib/error-text";
import { refreshTrafficFacts } from "@/lib/reports/facts/refresh";
import { loadAttributionMatcher } from "./load";
import type { Matcher } from "./types";

export const RECOMPUTE_CHUNK = 5_000;
/** A run that has not beaten for this long belongs to a process that is gone. */
const STALE_AFTER_MS = 5 * 60_000;

export type AttributionRun = typeof attributionRuns.$inferSelect;
export type StartedRecompute = { runId: string; finished: Promise<AttributionRun> | null };

/**
 * Starts a run, or — when one is already going — asks it to restart with the new rules and returns
 * its id with `finished: null` (the process running it finishes it).
 */
export async function startRecompute(db: Db, orgId: string, triggeredBy: string | null, chunkSize = RECOMPUTE_CHUNK): Promise<StartedRecompute> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const [run] = await db.insert(attributionRuns).values({ orgId, triggeredBy, status: "running" }).returning();
      return { runId: run.id, finished: runRecompute(db, run.id, orgId, chunkSize) };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const now = new Date();
    const [live] = await db
      .update(attributionRuns)
      .set({ restartRequestedAt: now })
      .where(and(eq(attributionRuns.orgId, orgId), eq(attributionRuns.status, "running"), gt(attributionRuns.heartbeatAt, new Date(now.getTime() - STALE_AFTER_MS))))
      .returning({ id: attributionRuns.id });
    if (live) return { runId: live.id, finished: null };
    await db
      .update(attributionRuns)
      .set({ status: "failed", finishedAt: now, error: "Abandoned: the process running it stopped; a new run took over", failure: { code: "recompute_abandoned" } })
      .where(and(eq(attributionRuns.orgId, orgId), inArray(attributionRuns.status, ["queued", "running"]), lt(attributionRuns.heartbeatAt, new Date(now.getTime() - STALE_AFTER_MS))));
  }
  throw new Error("Could not start an attribution recompute");
}

export async function latestRun(db: Db, orgId: string): Promise<AttributionRun | null> {
  const [run] = await db.select().from(attributionRuns).where(eq(attributionRuns.orgId, orgId)).orderBy(sql`${attributionRuns.createdAt} desc`).limit(1);
  return run ?? null;
}

async function runRecompute(db: Db, runId: string, orgId: string, chunkSize: number): Promise<AttributionRun> {
  try {
    for (;;) {
      // Remember which restart request these rules answer: a newer one means go round again.
      const [{ restartRequestedAt: answered }] = await db.select({ restartRequestedAt: attributionRuns.restartRequestedAt }).from(attributionRuns).where(eq(attributionRuns.id, runId));
      const matcher = await loadAttributionMatcher(db, orgId);
      const [[{ leadCount }], [{ dealCount }]] = await Promise.all([
        db.select({ leadCount: count() }).from(leads).where(eq(leads.orgId, orgId)),
        db.select({ dealCount: count() }).from(deals).where(eq(deals.orgId, orgId)),
      ]);
      await db.update(attributionRuns).set({ total: leadCount + dealCount, processed: 0, heartbeatAt: new Date() }).where(eq(attributionRuns.id, runId));
      const restarted = (await recomputeTable(db, leads, orgId, runId, matcher, answered, chunkSize)) || (await recomputeTable(db, deals, orgId, runId, matcher, answered, chunkSize));
      if (restarted) continue;
      const [done] = await db
        .update(attributionRuns)
        .set({ status: "succeeded", finishedAt: new Date(), heartbeatAt: new Date() })
        .where(and(eq(attributionRuns.id, runId), answered ? eq(attributionRuns.restartRequestedAt, answered) : sql`${attributionRuns.restartRequestedAt} is null`))
        .returning();
      if (done) return done;
    }
  } catch (error) {
    // A bug or a database failure, not the admin's doing: the log gets the details, the page a code.
    console.error("[attribution] recompute failed", errorForLog(error));
    const [failed] = await db
      .update(attributionRuns)
      .set({ status: "failed", finishedAt: new Date(), error: errorMessage(error).slice(0, 500), failure: { code: "recompute_failed" } })
      .where(eq(attributionRuns.id, runId))
      .returning();
    return failed;
  }
}

/** Goes over one table; true when a newer restart request arrived and the pass must begin again. */
async function recomputeTable(
  db: Db,
  table: typeof leads | typeof deals,
  orgId: string,
  runId: string,
  matcher: Matcher,
  answered: Date | null,
  chunkSize: number,
): Promise<boolean> {
  let cursor: string | null = null;
  for (;;) {
    const outcome = await db.transaction(async (tx) => {
      const rows = await tx
        .select({
          id: table.id,
          utmSource: table.utmSource,
          utmMedium: table.utmMedium,
          utmCampaign: table.utmCampaign,
          utmContent: table.utmContent,
          utmTerm: table.utmTerm,
          referrer: table.referrer,
          fbclid: table.fbclid,
          gclid: table.gclid,
          yclid: table.yclid,
          teamId: table.trafficTeamId,
          confidence: table.attributionConfidence,
        })
        .from(table)
        .where(and(eq(table.orgId, orgId), cursor ? gt(table.id, cursor) : undefined))
        .orderBy(asc(table.id))
        .limit(chunkSize);
      const outcomes = rows.map((row) => ({ row, next: matcher(row) }));
      const changed = outcomes.flatMap(({ row, next }) =>
        next.teamId === row.teamId && next.confidence === row.confidence ? [] : [sql`(${row.id}, ${next.teamId}, ${next.confidence})`],
      );
      if (changed.length > 0) {
        await tx.execute(sql`
          update ${table} as t set traffic_team_id = v.team_id::uuid, attribution_confidence = v.confidence::attribution_confidence
          from (values ${sql.join(changed, sql`, `)}) as v(id, team_id, confidence)
          where t.id = v.id::uuid and t.org_id = ${orgId}`);
      }
      // The team is a key of the lead and deal facts (the Traffic dashboard sums them): moved rows move there too, in the same transaction.
      const moved = outcomes.filter(({ row, next }) => next.teamId !== row.teamId).map(({ row }) => row.id);
      await refreshTrafficFacts(tx, orgId, table === leads ? { leadIds: moved } : { dealIds: moved });
      const [run] = await tx
        .update(attributionRuns)
        .set({ processed: sql`${attributionRuns.processed} + ${rows.length}`, changed: sql`${attributionRuns.changed} + ${changed.length}`, heartbeatAt: new Date() })
        .where(eq(attributionRuns.id, runId))
        .returning({ restartRequestedAt: attributionRuns.restartRequestedAt });
      return { last: rows.at(-1)?.id ?? null, full: rows.length === chunkSize, restart: run.restartRequestedAt?.getTime() !== answered?.getTime() };
    });
    if (outcome.restart) return true;
    if (!outcome.full || !outcome.last) return false;
    cursor = outcome.last;
  }
}
