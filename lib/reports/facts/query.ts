// What the reports need to read the daily rollups: a period as local days. The viewer's scope and
// the filters come from reportRows (../filters.ts), the same for rollups and raw tables.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Period } from "@/lib/time/months";

/** The local calendar day (YYYY-MM-DD) of an instant in the organisation's time zone. */
export function localDay(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd");
}

/**
 * `day` within the period's local days [from, to). Periods start and end at local midnight (see
 * resolvePeriod and lib/time/comparison.ts, which shifts local dates), so this is the same as
 * comparing instants; a bound that is not a midnight would count from the day it falls on.
 */
export function dayWithin(day: AnyColumn | SQL, period: Period, timeZone: string): SQL {
  return sql`(${day} >= ${localDay(period.from, timeZone)}::date and ${day} < ${localDay(period.to, timeZone)}::date)`;
}

/** The whole months [from, to) inside the period's days [fromDay, toDay); empty (both toDay) when none. */
export function wholeMonths(fromDay: string, toDay: string): { from: string; to: string } {
  const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
  const nextMonth = (day: string) => {
    const [year, month] = day.split("-").map(Number);
    return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  };
  const from = monthStart(fromDay) === fromDay ? fromDay : nextMonth(fromDay);
  const to = monthStart(toDay);
  return from < to ? { from, to } : { from: toDay, to: toDay };
}
