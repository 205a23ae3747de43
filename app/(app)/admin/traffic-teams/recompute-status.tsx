"use client";
// The background recompute's progress bar while it runs, and the outcome of the last one.
import { formatNumber, type Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import { errorText } from "@/lib/i18n/describe-error";
import type { TrafficMessages } from "@/lib/i18n/traffic-messages";
import type { RunRow } from "./use-traffic";

export function RecomputeStatus({ run, t, locale }: { run: RunRow | null; t: TrafficMessages["recompute"]; locale: Locale }) {
  if (!run) return null;
  const numbers = { processed: formatNumber(run.processed, locale), total: formatNumber(run.total, locale), changed: formatNumber(run.changed, locale) };
  if (run.status === "failed") {
    // Runs from before failures had codes show their English text.
    const reason = run.failure ? errorText(locale, run.failure) : (run.error ?? "");
    return <span className="text-sm text-red-700">{fill(t.failed, { error: reason })}</span>;
  }
  if (run.status !== "running") {
    return (
      <span className="text-sm text-slate-500" data-testid="recompute-done">
        {fill(t.done, numbers)}
      </span>
    );
  }
  const share = run.total > 0 ? Math.min(1, run.processed / run.total) : 0;
  return (
    <div className="flex min-w-64 flex-1 items-center gap-3" data-testid="recompute-progress">
      <span className="text-sm text-slate-600">{fill(t.running, numbers)}</span>
      <div className="h-2 flex-1 rounded bg-slate-100" role="progressbar" aria-valuenow={Math.round(share * 100)} aria-valuemin={0} aria-valuemax={100}>
        <div className="h-2 rounded bg-brand-500 transition-all" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}
