"use client";
// "Sync now" (changes or full), a live progress bar per entity while a run goes (polled every
// second with TanStack Query, slower when idle), its rate, and the history of runs with errors.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formDataOf, useApiForm } from "@/components/ui/use-api-form";
import { formatDateTime, formatNumber, type Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import { errorText } from "@/lib/i18n/describe-error";
import type { SourcesMessages } from "@/lib/i18n/sources-messages";
import type { RunView } from "@/lib/sync/run-history";
import { freshnessText } from "@/lib/sync/freshness-text";
import { callApi } from "@/lib/api/call-api";
import { DataTable, type Column } from "@/components/ui/data-table";

export function SyncPanel({ sourceId, t, locale, timezone }: { sourceId: string; t: SourcesMessages; locale: Locale; timezone: string }) {
  const queryClient = useQueryClient();
  const { data: runs = [] } = useQuery({
    queryKey: ["sync-runs", sourceId],
    queryFn: async () => (await callApi<{ runs: RunView[] }>(`/api/sources/${sourceId}/runs?limit=10`)).runs,
    refetchInterval: (query) => (query.state.data?.some((run) => run.status === "running") ? 1000 : 15_000),
  });
  const showRuns = () => void queryClient.invalidateQueries({ queryKey: ["sync-runs", sourceId] });
  const start = useApiForm({ send: (data) => callApi(`/api/sources/${sourceId}/sync`, { body: { mode: data.get("mode") } }), locale, onSaved: showRuns, onRefused: showRuns });
  const startSync = (mode: "incremental" | "full") => start.run(formDataOf({ mode }));
  const current = runs.find((run) => run.status === "running");
  const lastSuccess = runs.find((run) => run.status === "succeeded");
  // A run that ends changes the source's health: refresh the list that carries it whenever the
  // newest run reaches an end (a run may fail before any poll sees it running).
  const newest = runs[0];
  const newestEnd = newest && newest.status !== "running" && newest.status !== "queued" ? `${newest.id}:${newest.status}` : null;
  const seenEnd = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (seenEnd.current !== undefined && newestEnd !== null && newestEnd !== seenEnd.current) void queryClient.invalidateQueries({ queryKey: ["sources"] });
    seenEnd.current = newestEnd;
  }, [newestEnd, queryClient]);

  return (
    <div className="mt-4 space-y-3 border-t border-slate-100 pt-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => startSync("incremental")} disabled={Boolean(current) || start.isPending}>
          {start.isPending ? t.starting : t.syncIncremental}
        </Button>
        <Button variant="secondary" onClick={() => startSync("full")} disabled={Boolean(current) || start.isPending}>
          {t.syncFull}
        </Button>
        <span className="text-sm text-slate-500" data-testid="freshness">
          {freshnessText(lastSuccess?.finishedAt ?? null, new Date(), locale)}
        </span>
      </div>
      {start.outcome.message ? <Alert tone="error">{fill(t.error, { message: start.outcome.message })}</Alert> : null}
      {current ? <RunProgress run={current} t={t} locale={locale} /> : null}
      <RunHistory runs={runs} t={t} locale={locale} timezone={timezone} />
    </div>
  );
}

function RunProgress({ run, t, locale }: { run: RunView; t: SourcesMessages; locale: Locale }) {
  const entities = run.stats.entities ?? Object.keys(run.progress);
  return (
    <div className="space-y-2" data-testid="sync-progress">
      <p className="text-sm font-medium text-slate-700">
        {t.running}
        {run.rowsPerSecond !== null ? ` · ${fill(t.rate, { rate: formatNumber(run.rowsPerSecond, locale) })}` : ""}
      </p>
      {entities.map((name) => {
        const entry = run.progress[name];
        const share = entry?.finished ? 1 : entry?.total ? Math.min(1, entry.done / entry.total) : 0;
        return (
          <div key={name} className="grid grid-cols-[6rem_1fr_6rem] items-center gap-3 text-xs sm:grid-cols-[10rem_1fr_8rem]">
            <span className="text-slate-600">{t.entities[name] ?? name}</span>
            <div className="h-2 rounded bg-slate-100" role="progressbar" aria-label={t.entities[name] ?? name} aria-valuenow={Math.round(share * 100)} aria-valuemin={0} aria-valuemax={100}>
              <div className="h-2 rounded bg-brand-500 transition-all" style={{ width: `${share * 100}%` }} />
            </div>
            <span className="text-right tabular-nums text-slate-500">
              {entry ? `${formatNumber(entry.done, locale)}${entry.total !== undefined ? ` / ${formatNumber(entry.total, locale)}` : ""}` : "—"}
            </span>
          </div>
        );
      })}
    </div>
  );
}

/** Why a run failed or stopped, translated, then the CRM's own words; runs from before codes show their English text. */
function failureText(run: RunView, t: SourcesMessages, locale: Locale): string | null {
  if (!run.failure) return run.error;
  const reason = errorText(locale, run.failure);
  return run.failure.details ? `${reason} ${fill(t.testDetails, { details: run.failure.details })}` : reason;
}

function RunHistory({ runs, t, locale, timezone }: { runs: RunView[]; t: SourcesMessages; locale: Locale; timezone: string }) {
  if (runs.length === 0) return <p className="text-sm text-slate-500">{t.noRuns}</p>;
  const count = (value: number) => formatNumber(value, locale);
  const columns: Column<RunView>[] = [
    { key: "started", label: t.columns.started, render: (run) => (run.startedAt ? formatDateTime(new Date(run.startedAt), timezone, locale) : "—") },
    { key: "mode", label: t.columns.mode, render: (run) => t.modes[run.mode] },
    { key: "status", label: t.columns.status, className: (run) => (run.status === "failed" ? "text-red-700" : ""), render: (run) => t.statuses[run.status] },
    { key: "rows", label: t.columns.rows, isNumeric: true, render: (run) => count(run.rowsDone) },
    { key: "requests", label: t.columns.requests, isNumeric: true, render: (run) => count(run.stats.requests ?? 0) },
    { key: "retries", label: t.columns.retries, isNumeric: true, render: (run) => count(run.stats.retries ?? 0) },
    { key: "error", label: t.columns.error, className: "text-red-700", render: (run) => failureText(run, t, locale) },
  ];
  return (
    <details open>
      <summary className="cursor-pointer text-sm font-medium text-slate-700">{t.history}</summary>
      <div className="mt-2">
        <DataTable columns={columns} rows={runs} rowKey={(run) => run.id} label={t.history} testId="sync-history" />
      </div>
    </details>
  );
}
