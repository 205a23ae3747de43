// Report facts during a big pass. Refreshing them page by page costs several times the writes
// themselves, so once a run has written more than a small share of what the source holds (a
// first sync: from its first row) it stops refreshing and brings the whole source's facts up to
// date once, set-based, at its end. Crash-safe: a marker row in sync_cursors ("report_facts")
// commits with every page whose facts it skips, and is deleted in the transaction that settles
// them; the next run of the source (a takeover after a killed process, or any later run) finds it,
// keeps deferring, and settles at its own end.
import { and, eq, sql } from "drizzle-orm";
import { syncCursors } from "@/db/schema";
import { selectRows } from "@/db/migrate";
import type { Db } from "@/db/types";
import type { SourceRef, WriteScope } from "@/lib/canonical";
import { refreshSourceFacts, type ChangedRows } from "@/lib/reports/facts/refresh";

/** The sync_cursors entity of the marker; no CRM step is called so. */
export const DEFERRED_FACTS_ENTITY = "report_facts";
export type DeferThresholds = {
  /** Below this many changed rows a run always refreshes as it goes (incremental passes, quiet nightly passes). */
  minRows: number;
  /** Defer once a run has changed more than this share of the rows the source held when it started. */
  share: number;
};
const DEFAULT_THRESHOLDS: DeferThresholds = { minRows: 2_000, share: 0.1 };
/** Counting the source's rows stops here (per table): past it the threshold is large anyway. */
const COUNT_CAP = 1_000_000;

export type DeferredFacts = {
  /** The write scope's hook: true when this write's facts are left to `settle`. */
  deferFacts: WriteScope["deferFacts"];
  isDeferring(): boolean;
  /** The rows `settle` brings up to date: the source's deals, leads and activities. */
  rowsToSettle(db: Db): Promise<number>;
  /**
   * At the end of the run: refreshes the whole source's facts and drops the marker, in one
   * transaction (nothing when nothing was deferred). Later writes in the scope refresh as they go.
   */
  settle(db: Db): Promise<boolean>;
};

export async function openDeferredFacts(db: Db, source: SourceRef, thresholds: DeferThresholds = DEFAULT_THRESHOLDS): Promise<DeferredFacts> {
  const [marker] = await db
    .select({ since: syncCursors.modifiedAt })
    .from(syncCursors)
    .where(and(eq(syncCursors.sourceId, source.id), eq(syncCursors.entity, DEFERRED_FACTS_ENTITY)));
  // A marker left by an earlier run: its facts are still owed, so this run defers from the start.
  let isDeferring = Boolean(marker);
  const stored = isDeferring ? 0 : await storedRows(db, source.id);
  const threshold = stored === 0 ? 0 : Math.max(thresholds.minRows, stored * thresholds.share);
  let changedRows = 0;
  let isSettled = false;

  return {
    async deferFacts(tx: Db, changed: ChangedRows) {
      // Work started from inside the run that outlives it (it inherits the scope) refreshes as it writes.
      if (isSettled) return false;
      const count = (changed.dealIds?.length ?? 0) + (changed.leadIds?.length ?? 0) + (changed.activityIds?.length ?? 0);
      if (count === 0) return true; // nothing to refresh either way
      changedRows += count;
      if (!isDeferring && changedRows <= threshold) return false;
      isDeferring = true;
      // With every deferring write: the marker then commits exactly when the rows it covers do.
      await tx
        .insert(syncCursors)
        .values({ orgId: source.orgId, sourceId: source.id, entity: DEFERRED_FACTS_ENTITY, modifiedAt: new Date(), passKind: "deferred" })
        .onConflictDoNothing();
      return true;
    },
    isDeferring: () => isDeferring,
    rowsToSettle: (target: Db) => storedRows(target, source.id, Number.MAX_SAFE_INTEGER),
    async settle(target: Db) {
      isSettled = true;
      if (!isDeferring) return false;
      // The pass filled these tables faster than autovacuum samples them: with stale statistics
      // the planner takes the source's rows for a handful and the set-based refresh goes quadratic.
      await target.execute(sql`analyze deals, leads, activities, stage_changes`);
      await target.transaction(async (tx) => {
        await refreshSourceFacts(tx, source.orgId, source.id);
        await tx.delete(syncCursors).where(and(eq(syncCursors.sourceId, source.id), eq(syncCursors.entity, DEFERRED_FACTS_ENTITY)));
      });
      isDeferring = false;
      return true;
    },
  };
}

/** Deals, leads and activities the source holds (each counted up to `cap`). */
async function storedRows(db: Db, sourceId: string, cap = COUNT_CAP): Promise<number> {
  const capped = (table: string) => sql`(select count(*) from (select 1 from ${sql.raw(table)} where source_id = ${sourceId} limit ${cap}) t)`;
  const [row] = await selectRows<{ total: number | string }>(db, sql`select ${capped("deals")} + ${capped("leads")} + ${capped("activities")} as total`);
  return Number(row?.total ?? 0);
}
