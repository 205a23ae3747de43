// The demo's calendar: two years of days ending at `now`, each weighted by growth, season and
// weekday, so everything drawn from it has a summer dip, a November–December peak and ~30 %/year growth.
import type { Random } from "./random";

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Kazakhstan has used UTC+5 throughout since March 2024; a fixed offset is close enough for demo data. */
const OFFSET = 5 * HOUR;
const WORK_START = 8 * HOUR;
const WORK_END = 21 * HOUR;
const MONTHS_OF_HISTORY = 24;
const YEARLY_GROWTH = 1.3;
/** January … December. */
const SEASON = [0.85, 0.95, 1.05, 1.05, 1.0, 0.78, 0.68, 0.74, 1.0, 1.1, 1.3, 1.42];
/** Sunday … Saturday. */
const WEEKDAY = [0.25, 1, 1, 1, 1, 0.95, 0.45];

export type Timeline = {
  now: Date;
  /** Local midnight of the first day of the history (the month 24 months before now's month). */
  start: Date;
  days: number;
  weights: Float64Array;
  /** Running sum of `weights`; cumulative[d] includes day d. */
  cumulative: Float64Array;
  total: number;
};

export function dayStartMs(timeline: Timeline, day: number): number {
  return timeline.start.getTime() + day * DAY;
}

/** The working-hours window of a day, cut at `now` for today; empty when it has not begun. */
function window(startMs: number, dayIndex: number, nowMs: number): [number, number] {
  const from = startMs + dayIndex * DAY + WORK_START;
  const to = Math.min(startMs + dayIndex * DAY + WORK_END, nowMs - 60_000);
  return [from, Math.max(from, to)];
}

export function createTimeline(now: Date): Timeline {
  const local = new Date(now.getTime() + OFFSET);
  const start = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - MONTHS_OF_HISTORY, 1) - OFFSET);
  const days = Math.floor((now.getTime() - start.getTime()) / DAY) + 1;
  const weights = new Float64Array(days);
  const cumulative = new Float64Array(days);
  let total = 0;
  for (let d = 0; d < days; d++) {
    const date = new Date(start.getTime() + d * DAY + OFFSET);
    const years = (d * DAY) / (365 * DAY);
    const [from, to] = window(start.getTime(), d, now.getTime());
    const open = (to - from) / (WORK_END - WORK_START);
    weights[d] = YEARLY_GROWTH ** years * SEASON[date.getUTCMonth()] * WEEKDAY[date.getUTCDay()] * open;
    total += weights[d];
    cumulative[d] = total;
  }
  return { now, start, days, weights, cumulative, total };
}

/** How many of `count` items fall on `day` when spread by weight; the days add up to exactly `count`. */
export function countOnDay(timeline: Timeline, day: number, count: number): number {
  const upTo = Math.round((count * timeline.cumulative[day]) / timeline.total);
  const before = day === 0 ? 0 : Math.round((count * timeline.cumulative[day - 1]) / timeline.total);
  return upTo - before;
}

/** A day drawn by weight (binary search over the running sum). */
export function sampleDay(timeline: Timeline, rnd: Random, fromDay = 0): number {
  const base = fromDay === 0 ? 0 : timeline.cumulative[fromDay - 1];
  const x = base + rnd.next() * (timeline.total - base);
  let lo = fromDay;
  let hi = timeline.days - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timeline.cumulative[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A moment within the working hours of `day`, never after `now`. */
export function timeOnDay(timeline: Timeline, rnd: Random, day: number): Date {
  const [from, to] = window(timeline.start.getTime(), day, timeline.now.getTime());
  return new Date(Math.floor(from + rnd.next() * (to - from)));
}

/** `days` after `from`, or null when that is after `now`. */
export function later(timeline: Timeline, from: Date, days: number): Date | null {
  const ms = from.getTime() + days * DAY;
  return ms <= timeline.now.getTime() ? new Date(Math.floor(ms)) : null;
}

/** The local calendar day (YYYY-MM-DD) of day index `day`, for date columns. */
export function isoDay(timeline: Timeline, day: number): string {
  return new Date(timeline.start.getTime() + day * DAY + OFFSET).toISOString().slice(0, 10);
}

export { DAY, HOUR };
