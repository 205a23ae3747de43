// The one rule every comparison follows (docs/reports.md, "Comparing periods"): a period that is
// still running is compared *to date* — its days up to and including today — with the same days of
// the period it is compared with. Days and months are cut in the organisation's time zone.
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, differenceInCalendarDays, differenceInCalendarMonths } from "date-fns";
import type { Period } from "./months";

export type Shift = { months: number } | { days: number };
export type Comparison = {
  /** The period's days up to the end of today (the whole period when it has ended). */
  current: Period;
  /** The same days, `shift` earlier. */
  previous: Period;
  /** True when the period runs past today: its last month, week or day is incomplete. */
  isToDate: boolean;
};

const local = (date: Date, timeZone: string) => new TZDate(date.getTime(), timeZone);
const instant = (date: Date) => new Date(date.getTime());

function isMonthStart(date: Date, timeZone: string): boolean {
  const day = local(date, timeZone);
  return day.getDate() === 1 && day.getHours() === 0 && day.getMinutes() === 0 && day.getSeconds() === 0 && day.getMilliseconds() === 0;
}

/** The local midnight that ends today. */
export function endOfToday(now: Date, timeZone: string): Date {
  const today = local(now, timeZone);
  return instant(addDays(new TZDate(today.getFullYear(), today.getMonth(), today.getDate(), timeZone), 1));
}

/** "2026-12-06": today's date in the organisation's time zone. */
export function localToday(now: Date, timeZone: string): string {
  const today = local(now, timeZone);
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
}

/**
 * The period just before: whole months back when the period is whole months (a month, a quarter,
 * twelve months), else as many calendar days back as it has (a week: 7).
 */
export function precedingShift(period: Period, timeZone: string): Shift {
  if (isMonthStart(period.from, timeZone) && isMonthStart(period.to, timeZone)) {
    return { months: differenceInCalendarMonths(local(period.to, timeZone), local(period.from, timeZone)) };
  }
  return { days: differenceInCalendarDays(local(period.to, timeZone), local(period.from, timeZone)) };
}

function shiftBack(date: Date, shift: Shift, timeZone: string): TZDate {
  return "months" in shift ? addMonths(local(date, timeZone), -shift.months) : addDays(local(date, timeZone), -shift.days);
}

/**
 * `period` to date against the same days `shift` earlier (by default the period just before).
 * A period that has ended is compared whole with the whole period `shift` earlier. A running one
 * maps its last day to the same day `shift` earlier; a month shift clamps to the month's last day,
 * so "1–30 March" (today 30 March) is compared with "1–28 February".
 */
export function comparePeriods(period: Period, timeZone: string, now: Date, shift: Shift = precedingShift(period, timeZone)): Comparison {
  const todayEnds = endOfToday(now, timeZone);
  const isToDate = period.to.getTime() > todayEnds.getTime();
  const currentTo = isToDate ? new Date(Math.max(period.from.getTime(), todayEnds.getTime())) : period.to;
  const previousFrom = shiftBack(period.from, shift, timeZone);
  const isEmpty = currentTo.getTime() === period.from.getTime();
  // A whole period maps to a whole period; a running one maps its last day counted (plus one day:
  // an exclusive end at a local midnight).
  const previousTo = !isToDate ? shiftBack(period.to, shift, timeZone) : isEmpty ? previousFrom : addDays(shiftBack(addDays(local(currentTo, timeZone), -1), shift, timeZone), 1);
  return { current: { from: period.from, to: currentTo }, previous: { from: instant(previousFrom), to: instant(previousTo) }, isToDate };
}
