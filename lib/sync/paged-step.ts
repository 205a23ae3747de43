// One paged step of a run: read the CRM page by page (reading ahead), and write each page in one
// transaction — its rows, the deletions it proves, its cursor and the run's progress — so a run
// killed at any point resumes after the last committed page, never losing or repeating a row.
import type { SyncEntityProgress, SyncRunStats } from "@/db/schema";
import type { Db } from "@/db/types";
import { markDeletedInRange, type SourceRef } from "@/lib/canonical";
import { loadCursor, saveCursor } from "./cursors";
import { readAhead } from "@/lib/async/read-ahead";
import { saveRunProgress, type RunRow } from "./runs";
import type { TableStats } from "./table-stats";
import type { PagedStep, PassState, StepTiming, SyncMode } from "./types";

/** Late edits and clock differences: an incremental pass re-reads this much before its watermark. */
export const REREAD_WINDOW_MS = 10 * 60_000;

/** Thrown between pages when the run's signal or deadline says stop. */
export class StopRequested extends Error {}

export type StepContext = {
  db: Db;
  source: SourceRef;
  run: RunRow;
  mode: SyncMode;
  progress: Record<string, SyncEntityProgress>;
  snapshot: () => SyncRunStats;
  shouldStop: () => boolean | undefined;
  tableStats: TableStats;
  readAheadPages: number;
  afterPage?: (entity: string, pageNumber: number) => void | Promise<void>;
};

export async function runPagedStep(context: StepContext, step: PagedStep<unknown>, timing: StepTiming): Promise<void> {
  const { db, source, run, mode, progress, snapshot, shouldStop, tableStats, readAheadPages } = context;
  const key = { orgId: source.orgId, sourceId: source.id, entity: step.name };
  const cursor = await loadCursor(db, source.id, step.name);
  const watermark = cursor?.modifiedAt ?? null;
  // A pass cut short resumes; an incremental run also finishes a cut-short full pass (it reads more).
  const isResuming = Boolean(cursor?.passKind && cursor.lastExternalId !== null && (cursor.passKind === mode || cursor.passKind === "full") && !step.appendOnly);
  const passKind: SyncMode = isResuming ? (cursor!.passKind as SyncMode) : mode;
  const since = passKind === "incremental" && watermark && !step.appendOnly ? new Date(watermark.getTime() - REREAD_WINDOW_MS) : null;
  const entry = progress[step.name];
  const pass: PassState = {
    mode: passKind,
    since,
    afterId: step.appendOnly ? (passKind === "full" ? null : (cursor?.lastExternalId ?? null)) : isResuming ? cursor!.lastExternalId : null,
    rowsSeen: isResuming ? cursor!.rowsSeen : 0,
    // The CRM counts the whole pass (its filter without the resume point).
    onTotal: (total) => {
      entry.total = total;
    },
  };
  const marksDeletes = passKind === "full" && step.deletes !== undefined;
  let previousLast = pass.afterId;
  let rowsSeen = pass.rowsSeen;
  let pending = isResuming ? (cursor!.pendingModifiedAt ?? null) : null;
  const startedAt = Date.now();
  if (isResuming) entry.done = rowsSeen;
  let pageNumber = 0;

  let waitingSince = performance.now();
  for await (const page of readAhead(step.read(pass), readAheadPages)) {
    const writing = performance.now();
    timing.waitMs += writing - waitingSince;
    let written = writing;
    let inserted = 0;
    await db.transaction(async (tx) => {
      const result = await step.apply(tx, source, page.records);
      inserted = result.inserted;
      const deleted = marksDeletes ? await markDeletedInRange(tx, source, step.deletes!.entity, { after: previousLast, upTo: page.lastExternalId, present: page.ids, prefix: step.deletes!.prefix }) : [];
      rowsSeen = page.position ?? rowsSeen + page.rowsRead;
      if (page.maxModifiedAt && (!pending || page.maxModifiedAt > pending)) pending = page.maxModifiedAt;
      await saveCursor(tx, key, {
        modifiedAt: watermark,
        lastExternalId: page.lastExternalId,
        rowsSeen,
        passKind,
        pendingModifiedAt: pending,
      });
      entry.done += page.rowsRead;
      entry.fetched = (entry.fetched ?? 0) + page.rowsRead;
      entry.inserted = (entry.inserted ?? 0) + result.inserted;
      entry.updated = (entry.updated ?? 0) + result.updated;
      entry.deleted = (entry.deleted ?? 0) + deleted.length + (result.deleted ?? 0);
      await saveRunProgress(tx, run.id, progress, snapshot());
      written = performance.now();
    });
    timing.pages++;
    timing.writeMs += written - writing;
    timing.commitMs += performance.now() - written;
    previousLast = page.lastExternalId;
    if (step.table) await tableStats.wrote(step.table, inserted);
    await context.afterPage?.(step.name, ++pageNumber);
    if (shouldStop()) throw new StopRequested();
    waitingSince = performance.now();
  }
  timing.waitMs += performance.now() - waitingSince;

  // The pass is complete: the tail after the last page is gone from the CRM, and the watermark
  // moves to the newest change seen, less how long the pass took (rows edited meanwhile behind
  // the keyset position are read again next time).
  await db.transaction(async (tx) => {
    if (marksDeletes) {
      const deleted = await markDeletedInRange(tx, source, step.deletes!.entity, { after: previousLast, upTo: null, present: [], prefix: step.deletes!.prefix });
      entry.deleted = (entry.deleted ?? 0) + deleted.length;
    }
    const nextWatermark = pending ? new Date(pending.getTime() - (Date.now() - startedAt)) : watermark;
    await saveCursor(tx, key, {
      modifiedAt: nextWatermark && watermark && nextWatermark < watermark && passKind === "incremental" ? watermark : nextWatermark,
      lastExternalId: step.appendOnly ? (previousLast ?? cursor?.lastExternalId ?? null) : null,
      rowsSeen: 0,
      passKind: null,
      pendingModifiedAt: null,
    });
    entry.finished = true;
    if (entry.total === undefined || entry.total < entry.done) entry.total = entry.done;
    await saveRunProgress(tx, run.id, progress, snapshot());
  });
  if (step.table) await tableStats.stepDone(step.table);
}
