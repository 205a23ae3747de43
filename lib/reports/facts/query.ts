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
