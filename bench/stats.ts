// Latency statistics for the benchmark harness: percentiles and a one-line summary per measurement.

/** The p-th percentile (0–100) of ascending `sorted`, interpolating between closest ranks (Excel's PERCENTILE.INC). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0];
  if (p >= 100) return sorted[sorted.length - 1];
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const fraction = rank - lower;
  return lower + 1 < sorted.length ? sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower]) : sorted[lower];
}

export type Summary = {
  label: string;
  iterations: number;
  p50: number;
  p95: number;
  p99: number;
  totalMs: number;
  opsPerSecond: number;
  /** Rows per second when the measurement says how many rows one iteration handles. */
  rowsPerSecond: number | null;
};

export function summarize(label: string, latenciesMs: readonly number[], rowsPerIteration?: number): Summary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const totalMs = sorted.reduce((sum, ms) => sum + ms, 0);
  const seconds = totalMs / 1000;
  return {
    label,
    iterations: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    totalMs,
    opsPerSecond: seconds > 0 ? sorted.length / seconds : Number.POSITIVE_INFINITY,
    rowsPerSecond: rowsPerIteration === undefined || seconds <= 0 ? null : (rowsPerIteration * sorted.length) / seconds,
  };
}

const compact = (n: number) =>
  n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e4 ? `${(n / 1e3).toFixed(1)}k` : n >= 100 ? n.toFixed(0) : n.toFixed(2);

export function formatSummary(s: Summary, labelWidth: number): string {
  const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2)).padStart(9);
  const throughput = `${compact(s.opsPerSecond)} ops/s` + (s.rowsPerSecond === null ? "" : ` · ${compact(s.rowsPerSecond)} rows/s`);
  return `${s.label.padEnd(labelWidth)} ${String(s.iterations).padStart(5)} ${ms(s.p50)} ${ms(s.p95)} ${ms(s.p99)}   ${throughput}`;
}

export function formatHeader(labelWidth: number): string {
  return `${"measurement".padEnd(labelWidth)} ${"iter".padStart(5)} ${"p50 ms".padStart(9)} ${"p95 ms".padStart(9)} ${"p99 ms".padStart(9)}   throughput`;
}
