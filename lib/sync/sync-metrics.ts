// Prometheus figures of the syncs, read from sync_runs — the same on every instance, whichever ran
// the sync: runs, rows, requests and retries of the last 24 hours, and per source how long its last
// run took and how long ago it last succeeded (the lag an alert watches).
import { sql } from "drizzle-orm";
import { Gauge, type Registry } from "prom-client";
import { selectRows } from "@/db/migrate";
import { sources, syncRuns, type SourceKind, type SyncEntityProgress, type SyncRunStats } from "@/db/schema";
import { isCrmKind } from "@/lib/connectors/descriptors";
import type { Db } from "@/db/types";

type RunRow = { sourceKind: string; runKind: string; status: string; progress: Record<string, SyncEntityProgress>; stats: SyncRunStats };
type SourceRow = { orgId: string; sourceId: string; sourceKind: string; lastSuccess: Date | string | null; lastDurationS: number | string | null };

/** Adds the sync gauges of one organisation, or of every organisation (the operator's scrape), to `registry`. */
export async function addSyncMetrics(registry: Registry, db: Db, orgId: string | "every-organisation", now = new Date()): Promise<void> {
  const inOrg = orgId === "every-organisation" ? sql`true` : sql`${syncRuns.orgId} = ${orgId}`;
  const inSourceOrg = orgId === "every-organisation" ? sql`true` : sql`${sources.orgId} = ${orgId}`;
  const [runs, perSource] = await Promise.all([
    selectRows<RunRow>(
      db,
      sql`select ${sources.kind} as "sourceKind", ${syncRuns.kind} as "runKind", ${syncRuns.status} as status, ${syncRuns.progress} as progress, ${syncRuns.stats} as stats
        from ${syncRuns} join ${sources} on ${sources.id} = ${syncRuns.sourceId}
        where ${inOrg} and ${syncRuns.finishedAt} > ${now.toISOString()}::timestamptz - interval '24 hours'`,
    ),
    selectRows<SourceRow>(
      db,
      sql`select ${sources.orgId} as "orgId", ${sources.id} as "sourceId", ${sources.kind} as "sourceKind",
          (select max(r.finished_at) from ${syncRuns} r where r.source_id = ${sources.id} and r.status = 'succeeded') as "lastSuccess",
          (select extract(epoch from r.finished_at - r.started_at) from ${syncRuns} r
            where r.source_id = ${sources.id} and r.finished_at is not null and r.started_at is not null order by r.finished_at desc limit 1) as "lastDurationS"
        from ${sources} where ${inSourceOrg} and ${sources.isActive}`,
    ),
  ]);

  const gauge = (name: string, help: string, labelNames: string[]) => new Gauge({ name, help, labelNames, registers: [registry] });
  const runCount = gauge("voronka_sync_runs_24h", "Sync runs finished in the last 24 hours, by CRM, run kind and outcome", ["source_kind", "run_kind", "status"]);
  const rows = gauge("voronka_sync_rows_24h", "Records written by the sync runs finished in the last 24 hours, by CRM and entity", ["source_kind", "entity"]);
  const requests = gauge("voronka_sync_requests_24h", "CRM API requests made by the sync runs finished in the last 24 hours", ["source_kind"]);
  const retries = gauge("voronka_sync_retries_24h", "CRM API requests retried by the sync runs finished in the last 24 hours", ["source_kind"]);
  for (const run of runs) {
    runCount.inc({ source_kind: run.sourceKind, run_kind: run.runKind, status: run.status });
    for (const [entity, progress] of Object.entries(run.progress ?? {})) rows.inc({ source_kind: run.sourceKind, entity }, progress.done ?? 0);
    requests.inc({ source_kind: run.sourceKind }, run.stats?.requests ?? 0);
    retries.inc({ source_kind: run.sourceKind }, run.stats?.retries ?? 0);
  }

  const labels = ["org", "source", "source_kind"];
  const lag = gauge("voronka_sync_lag_seconds", "Seconds since the source's last successful sync (absent before the first)", labels);
  const duration = gauge("voronka_sync_last_run_duration_seconds", "How long the source's last finished sync run took", labels);
  // Shops and forms post to Voronka and never sync.
  for (const source of perSource.filter((row) => isCrmKind(row.sourceKind as SourceKind))) {
    const at = { org: source.orgId, source: source.sourceId, source_kind: source.sourceKind };
    if (source.lastSuccess) lag.set(at, Math.max(0, (now.getTime() - new Date(source.lastSuccess).getTime()) / 1000));
    if (source.lastDurationS !== null) duration.set(at, Number(source.lastDurationS));
  }
}
