// The bars of a chart over a period: a month's bars say little about the last 30 days, so a short
// period is drawn by day (up to 31 days) or by Monday week (up to 62 days), and a longer one by
// month. Days are the organisation's local days; the first and last bar may hold part of a week or
// month, and each bar says which days of the period it holds.
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, addWeeks, differenceInCalendarDays, format, startOfDay, startOfMonth, startOfWeek } from "date-fns";
import type { Period } from "./months";

export type ChartBucket = "day" | "week" | "month";
/** One bar: `key` is its first calendar day ("YYYY-MM-DD"; "YYYY-MM" for a month), `from`/`to` the period's days it holds, inclusive. */
export type BucketSpan = { key: string; from: string; to: string };

export const DAY_BARS_UP_TO_DAYS = 31;
export const WEEK_BARS_UP_TO_DAYS = 62;

/** The local days the period touches ([from, to) as instants). */
export function periodDayCount(period: Period, timeZone: string): number {
  const first = new TZDate(period.from.getTime(), timeZone);
  const last = new TZDate(Math.max(period.from.getTime(), period.to.getTime() - 1), timeZone);
  return differenceInCalendarDays(last, first) + 1;
}

export function chartBucketOf(period: Period, timeZone: string): ChartBucket {
  const days = periodDayCount(period, timeZone);
  if (days <= DAY_BARS_UP_TO_DAYS) return "day";
  return days <= WEEK_BARS_UP_TO_DAYS ? "week" : "month";
}

const bucketStart = { day: startOfDay, week: (date: Date) => startOfWeek(date, { weekStartsOn: 1 }), month: startOfMonth } as const;
const nextBucket = { day: (date: Date) => addDays(date, 1), week: (date: Date) => addWeeks(date, 1), month: (date: Date) => addMonths(date, 1) } as const;

/** Every bar of the period in order, empty ones included, each clipped to the period's days. */
export function bucketsOf(period: Period, timeZone: string, bucket: ChartBucket): BucketSpan[] {
  const firstDay = startOfDay(new TZDate(period.from.getTime(), timeZone));
  const lastDay = startOfDay(new TZDate(Math.max(period.from.getTime(), period.to.getTime() - 1), timeZone));
  const spans: BucketSpan[] = [];
  for (let start = bucketStart[bucket](firstDay); start.getTime() <= lastDay.getTime(); start = nextBucket[bucket](start)) {
    const end = addDays(nextBucket[bucket](start), -1);
    const from = start.getTime() < firstDay.getTime() ? firstDay : start;
    const to = end.getTime() > lastDay.getTime() ? lastDay : end;
    spans.push({ key: format(start, bucket === "month" ? "yyyy-MM" : "yyyy-MM-dd"), from: format(from, "yyyy-MM-dd"), to: format(to, "yyyy-MM-dd") });
  }
  return spans;
}

/** The key of the bar holding `day` ("YYYY-MM-DD"), e.g. to mark the bar still running. */
export function bucketKeyOf(day: string, bucket: ChartBucket): string {
  const [year, month, date] = day.split("-").map(Number);
  // A calendar day, free of any zone's clock changes: read it in UTC.
  const calendarDay = new TZDate(year, month - 1, date, "UTC");
  return format(bucketStart[bucket](calendarDay), bucket === "month" ? "yyyy-MM" : "yyyy-MM-dd");
}
