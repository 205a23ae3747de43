// What the admin's sync pages show: two finished runs per CRM source and where each entity's sync stopped.
import type { syncCursors, syncRuns } from "../schema";
import type { CrmKind, Ctx, Entity } from "./context";
import { DAY } from "./timeline";

type SyncRunRow = typeof syncRuns.$inferInsert;
type SyncCursorRow = typeof syncCursors.$inferInsert;

const MINUTE = 60_000;
/** The entity names the sync jobs use, per CRM (amoCRM has no separate leads). */
const ENTITIES: Record<CrmKind, [Entity, string][]> = {
  bitrix24: [["deal", "deals"], ["lead", "leads"], ["contact", "contacts"], ["company", "companies"], ["activity", "activities"], ["stageChange", "stage_history"]],
  amocrm: [["deal", "leads"], ["contact", "contacts"], ["company", "companies"], ["activity", "tasks"], ["stageChange", "events"]],
};

export function buildSyncLog(ctx: Ctx, adminUserId: string): { runs: SyncRunRow[]; cursors: SyncCursorRow[] } {
  const { rnd, orgId, timeline } = ctx;
  const now = timeline.now.getTime();
  const runs: SyncRunRow[] = [];
  const cursors: SyncCursorRow[] = [];
  for (const kind of ["bitrix24", "amocrm"] as const) {
    const sourceId = ctx.sources[kind];
    const counters = ctx.counters[kind];
    const fullStart = now - rnd.float(10, 14) * DAY;
    const fullEnd = fullStart + rnd.float(4, 9) * MINUTE;
    const incStart = now - rnd.float(5, 25) * MINUTE;
    const incEnd = incStart + rnd.float(15, 50) * 1000;
    const full: Record<string, { done: number; total: number }> = {};
    const incremental: Record<string, { done: number; total: number }> = {};
    for (const [entity, name] of ENTITIES[kind]) {
      const count = counters[entity].count;
      full[name] = { done: count, total: count };
      const changed = Math.min(count, rnd.int(0, 12));
      incremental[name] = { done: changed, total: changed };
      cursors.push({
        orgId, sourceId, entity: name, modifiedAt: new Date(Math.floor(incStart)), lastExternalId: counters[entity].last,
        rowsSeen: count, updatedAt: new Date(Math.floor(incEnd)),
      });
    }
    const run = (kindOfRun: "full" | "incremental", start: number, end: number, progress: SyncRunRow["progress"], by: string | null): SyncRunRow => ({
      id: rnd.uuid(), orgId, sourceId, kind: kindOfRun, status: "succeeded", progress, error: null, triggeredBy: by,
      startedAt: new Date(Math.floor(start)), finishedAt: new Date(Math.floor(end)), heartbeatAt: new Date(Math.floor(end)),
      createdAt: new Date(Math.floor(start)),
    });
    runs.push(run("full", fullStart, fullEnd, full, adminUserId), run("incremental", incStart, incEnd, incremental, null));
  }
  return { runs, cursors };
}
