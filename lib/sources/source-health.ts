// Whether a source works, as a traffic light an admin can act on: red when its last check or its
// last finished sync failed (whichever happened later decides), amber when
// it works but needs something (Bitrix24's application token, a first sync, a sync for over a day),
// green otherwise. Each problem names what went wrong; the page says it in the admin's language
// with the next step (lib/i18n/source-health-messages.ts).
import { and, desc, eq, inArray, max } from "drizzle-orm";
import { sources, syncRuns, type RunFailure } from "@/db/schema";
import type { Db } from "@/db/types";
import type { SourceKind } from "@/db/schema";
import { describeKind, isCrmKind } from "@/lib/connectors/descriptors";

export type HealthLevel = "ok" | "attention" | "broken";

// A source without credentials is not red by itself: the demo's sources have none and their
// history is whole, and a real one that lost them has its next sync refused (source_no_credentials).
export type HealthProblem =
  /** `failure.code` is a Test connection reason (lib/connectors/connection-check.ts). */
  | { kind: "check_failed"; at: string; failure: RunFailure }
  /** `failure.code` is an error code (lib/error-codes.ts); runs older than the codes carry only English `error`. */
  | { kind: "sync_failed"; at: string; failure: RunFailure | null; error: string | null }
  | { kind: "no_application_token" }
  | { kind: "never_synced" }
  | { kind: "stale"; lastSyncedAt: string };

export type SourceHealth = { level: HealthLevel; problem: HealthProblem | null; lastSyncedAt: string | null };

/** A sync older than this, for a source that syncs, needs a look (the scheduler runs every few minutes). */
export const STALE_AFTER_HOURS = 24;

export type HealthInput = {
  kind: SourceKind;
  hasApplicationToken: boolean;
  lastCheckAt: Date | null;
  lastCheckFailure: RunFailure | null;
  lastFinishedRun: { status: string; finishedAt: Date; failure: RunFailure | null; error: string | null } | null;
  lastSuccessAt: Date | null;
};

export function sourceHealth(input: HealthInput, now: Date): SourceHealth {
  const lastSyncedAt = input.lastSuccessAt?.toISOString() ?? null;
  const health = (level: HealthLevel, problem: HealthProblem | null): SourceHealth => ({ level, problem, lastSyncedAt });
  // A shop or a site form posts to us itself: there is nothing to check or sync.
  if (!isCrmKind(input.kind)) return health("ok", null);
  const run = input.lastFinishedRun;
  const checkIsLater = input.lastCheckAt !== null && (run === null || input.lastCheckAt > run.finishedAt);
  if (checkIsLater && input.lastCheckFailure) return health("broken", { kind: "check_failed", at: input.lastCheckAt!.toISOString(), failure: input.lastCheckFailure });
  if (!checkIsLater && run?.status === "failed") return health("broken", { kind: "sync_failed", at: run.finishedAt.toISOString(), failure: run.failure, error: run.error });
  if (describeKind(input.kind).needsApplicationToken && !input.hasApplicationToken) return health("attention", { kind: "no_application_token" });
  if (!input.lastSuccessAt) return health("attention", { kind: "never_synced" });
  if (now.getTime() - input.lastSuccessAt.getTime() > STALE_AFTER_HOURS * 3_600_000) return health("attention", { kind: "stale", lastSyncedAt: lastSyncedAt! });
  return health("ok", null);
}

/** The health of each of the organisation's sources (or of those given), by source id. */
export async function loadSourceHealth(db: Db, orgId: string, now = new Date(), sourceIds?: string[]): Promise<Map<string, SourceHealth>> {
  const inOrg = sourceIds ? and(eq(sources.orgId, orgId), inArray(sources.id, sourceIds)) : eq(sources.orgId, orgId);
  const rows = await db.select().from(sources).where(inOrg);
  if (rows.length === 0) return new Map();
  const ids = rows.map((row) => row.id);
  const finished = await db
    .selectDistinctOn([syncRuns.sourceId], { sourceId: syncRuns.sourceId, status: syncRuns.status, finishedAt: syncRuns.finishedAt, failure: syncRuns.failure, error: syncRuns.error })
    .from(syncRuns)
    .where(and(eq(syncRuns.orgId, orgId), inArray(syncRuns.sourceId, ids), inArray(syncRuns.status, ["succeeded", "failed"])))
    .orderBy(syncRuns.sourceId, desc(syncRuns.finishedAt));
  const succeeded = await db
    .select({ sourceId: syncRuns.sourceId, last: max(syncRuns.finishedAt) })
    .from(syncRuns)
    .where(and(eq(syncRuns.orgId, orgId), inArray(syncRuns.sourceId, ids), eq(syncRuns.status, "succeeded")))
    .groupBy(syncRuns.sourceId);
  const lastFinished = new Map(finished.map((run) => [run.sourceId, run]));
  const lastSuccess = new Map(succeeded.map((row) => [row.sourceId, row.last]));
  return new Map(
    rows.map((row) => {
      const run = lastFinished.get(row.id);
      const input: HealthInput = {
        kind: row.kind,
        hasApplicationToken: typeof row.settings.applicationToken === "string" && row.settings.applicationToken !== "",
        lastCheckAt: row.lastCheckAt,
        lastCheckFailure: row.lastCheckFailure,
        lastFinishedRun: run?.finishedAt ? { status: run.status, finishedAt: run.finishedAt, failure: run.failure, error: run.error } : null,
        lastSuccessAt: lastSuccess.get(row.id) ?? null,
      };
      return [row.id, sourceHealth(input, now)];
    }),
  );
}
