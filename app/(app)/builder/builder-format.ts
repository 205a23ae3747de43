// How the builder page writes a value and a key: money in the base currency to the cent, counts as
// numbers, ratios as percentages, call minutes and days with one decimal; months by name; a missing
// key as "not set" (a team's: "Unattributed"). Client-safe.
import { formatMoney, formatMonthKey, formatNumber, formatRate, type Locale } from "@/lib/format";
import type { BuilderMessages } from "@/lib/i18n/builder-messages";
import { MEASURE_KIND, type Dimension, type Measure } from "@/lib/reports/builder/catalogue";

export function formatValue(measure: Measure, value: string | number | null | undefined, currency: string, locale: Locale): string {
  if (value === null || value === undefined) return "—";
  switch (MEASURE_KIND[measure]) {
    case "money":
      return formatMoney(value, currency, locale, 2);
    case "ratio":
      return formatRate(Number(value), locale);
    default:
      return formatNumber(Number(value), locale);
  }
}

export function formatKey(dimension: Dimension, label: string | null, locale: Locale, t: BuilderMessages): string {
  if (label === null) return dimension === "trafficTeam" ? t.unattributed : t.notSet;
  return dimension === "month" ? formatMonthKey(label, locale) : label;
}
