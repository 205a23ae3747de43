// How a KPI moved against the previous period: arrow, sign, colour. Pure, so it is unit-tested.
import { type Locale, localeTag } from "@/lib/format";

export type KpiChange = { arrow: "▲" | "▼" | "→"; text: string; tone: "good" | "bad" | "neutral" } | null;

/**
 * `change` is the fraction (value − previous) ÷ previous from the report; null means there is
 * nothing to compare with. `isLowerBetter` flips the colour (a longer sales cycle is bad news).
 */
export function describeChange(change: number | null, locale: Locale, isLowerBetter = false): KpiChange {
  if (change === null) return null;
  const percent = new Intl.NumberFormat(localeTag(locale), { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(change);
  if (change === 0) return { arrow: "→", text: percent, tone: "neutral" };
  const isUp = change > 0;
  return { arrow: isUp ? "▲" : "▼", text: percent, tone: isUp !== isLowerBetter ? "good" : "bad" };
}
