// How a KPI moved against the previous period: arrow, signed text, colour. Pure, so it is unit-tested.
import { formatPoints, localeTag, typographicMinus, type Locale } from "@/lib/format";
import type { ChangeKind } from "@/lib/reports/overview-kpis";

export type KpiChange = { arrow: "▲" | "▼" | "→"; text: string; tone: "good" | "bad" | "neutral" } | null;

/**
 * `change` comes from the report: for `relative` the fraction (value − previous) ÷ previous, shown
 * in percent; for `points` (rates) the difference value − previous, shown in percentage points
 * (0.014 → "+1,4 п.п."). null means there is nothing to compare with. A change that rounds to 0 at
 * the one decimal shown is no change: grey, no sign. `isLowerBetter` flips the colour (a longer
 * sales cycle is bad news). Russian writes the minus as "−" (U+2212).
 */
export function describeChange(change: number | null, kind: ChangeKind, locale: Locale, isLowerBetter = false): KpiChange {
  if (change === null) return null;
  const percent = Math.round(change * 1000) / 10; // one decimal, as shown
  if (percent === 0) return { arrow: "→", text: kind === "points" ? formatPoints(0, locale) : formatPercent(0, locale, "auto"), tone: "neutral" };
  const text = kind === "points" ? formatPoints(change, locale) : formatPercent(percent / 100, locale, "always");
  const isUp = percent > 0;
  return { arrow: isUp ? "▲" : "▼", text: typographicMinus(text, locale), tone: isUp !== isLowerBetter ? "good" : "bad" };
}

function formatPercent(fraction: number, locale: Locale, signDisplay: "auto" | "always"): string {
  return new Intl.NumberFormat(localeTag(locale), { style: "percent", maximumFractionDigits: 1, signDisplay }).format(fraction);
}
