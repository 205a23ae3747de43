// How the Leads dashboard writes its figures: shares as percents, days with their plural, months and
// sources by name in the viewer's language, and the report's period as the filter bar's dates.
import { formatMonth, formatNumber, type Locale } from "@/lib/format";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";

const tags: Record<Locale, string> = { ru: "ru-RU", en: "en-US" };

/** 0.2345 → "23,5 %" / "23.5%"; null (nothing to divide by) → "—". */
export function formatRate(rate: number | null, locale: Locale): string {
  if (rate === null) return "—";
  return new Intl.NumberFormat(tags[locale], { style: "percent", maximumFractionDigits: 1 }).format(rate);
}

/** 4.5 → "4,5 дня", 1 → "1 день", 5 → "5 дней" / "4.5 days"; null (none converted) → "—". */
export function formatDays(days: number | null, locale: Locale, forms: DashboardMessages["leads"]["days"]): string {
  if (days === null) return "—";
  const form = new Intl.PluralRules(tags[locale]).select(days) as keyof typeof forms;
  return (forms[form] ?? forms.other).replace("{n}", formatNumber(days, locale));
}

/** "2025-03" → "март 2025" / "March 2025". */
export function monthName(month: string, locale: Locale): string {
  const [year, index] = month.split("-").map(Number);
  return formatMonth(new Date(Date.UTC(year, index - 1, 15)), "UTC", locale);
}

/** The report's months from the first to the last, with the months that had no leads as zeros. */
export function fillMonths<R extends { month: string }>(rows: R[], empty: (month: string) => R): R[] {
  if (rows.length === 0) return rows;
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  const [firstYear, firstMonth] = rows[0].month.split("-").map(Number);
  const last = rows[rows.length - 1].month;
  const filled: R[] = [];
  for (let index = firstYear * 12 + firstMonth - 1; ; index++) {
    const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
    filled.push(byMonth.get(month) ?? empty(month));
    if (month >= last) return filled;
  }
}

/** The period [from, to) as inclusive dates in the organisation's time zone. */
export function periodDates(period: { from: string; to: string }, timezone: string): { from: string; to: string } {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" });
  return { from: day.format(new Date(period.from)), to: day.format(new Date(Date.parse(period.to) - 1)) };
}
