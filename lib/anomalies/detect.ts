// Anomalies in a daily series (leads of a source, won revenue, a manager's activities, webhooks of a
// source): each day is compared with the same weekday of the weeks before it — their median is the
// expected value and 1.4826 × their median absolute deviation the spread (a robust standard
// deviation: one odd week does not widen it). Two looks, docs/anomalies.md:
// - days: a day past `threshold` spreads, or a run of days each past `dayThreshold` whose combined
//   distance passes `threshold` (three quiet-ish days in a row say more than one);
// - weeks: a sustained shift too small for any single day (calls halving for a week), seen in the
//   sums of 7 days against the same 7-day sums of the weeks before.
import { jStat } from "jstat";

export type DailyPoint = { day: string; value: number };
export type Anomaly = {
  /** First and last day of the run (YYYY-MM-DD). */
  from: string;
  to: string;
  days: number;
  /** Sums over the run's days: the weekday medians and what happened. */
  expected: number;
  actual: number;
  direction: "drop" | "spike";
  /** The run's distance in spreads: |Σ actual − Σ expected| ÷ √(Σ spread²) (for a week: of its 7-day sum). */
  score: number;
  severity: "low" | "medium" | "high";
  /** Which look found it. */
  kind: "days" | "week";
};
export type DetectOptions = {
  /** How many earlier same weekdays make the baseline (default 8). */
  weeks?: number;
  /** The fewest earlier same weekdays before a day is judged (default 4). */
  minWeeks?: number;
  /** Distance, in spreads, past which a day or a run is anomalous (default 3). */
  threshold?: number;
  /** Distance past which a day may join a run (default 2); the run as a whole must pass `threshold`. */
  dayThreshold?: number;
  /** A day is judged only when its expected value reaches this (default 5): a quiet series does not alarm, nor does it when it wakes up. */
  minVolume?: number;
  /** The smallest spread for an expected value (default: counts are Poisson-noisy, √expected and at least 1). */
  floor?: (expected: number) => number;
  /** Which ways the day look alarms (default both); `[]` turns it off. */
  directions?: Anomaly["direction"][];
  /** The 7-day look: its threshold (default 2), minimum weekly volume (default 5 × minVolume) and directions (default drops only: a rise over weeks is mostly growth or season); null turns it off. */
  week?: { threshold?: number; minVolume?: number; directions?: Anomaly["direction"][] } | null;
};

const MAD_TO_SD = 1.4826;
const poissonFloor = (expected: number) => Math.max(Math.sqrt(expected), 1);

export function severityOf(score: number): Anomaly["severity"] {
  return score >= 8 ? "high" : score >= 5 ? "medium" : "low";
}

type Judged = { expected: number; variance: number; z: number } | "quiet" | null;

/** `series`: consecutive days, oldest first, a value for every day (0 for a day without any). */
export function detectAnomalies(series: DailyPoint[], options: DetectOptions = {}): Anomaly[] {
  const judged = judgeDays(series, options);
  const directions = options.directions ?? ["drop", "spike"];
  const runs = dayRuns(series, judged, options.threshold ?? 3, options.dayThreshold ?? 2).filter((run) => directions.includes(run.direction));
  const weeks = options.week === null ? [] : weekShifts(series, options);
  const overlaps = (week: Anomaly) => runs.some((run) => run.direction === week.direction && run.from <= week.to && week.from <= run.to);
  return [...runs, ...weeks.filter((week) => !overlaps(week))].sort((a, b) => a.from.localeCompare(b.from));
}

function baseline(values: number[], floor: (expected: number) => number) {
  const expected = jStat.median(values);
  return { expected, spread: Math.max(MAD_TO_SD * jStat.meddev(values), floor(expected)) };
}

function judgeDays(series: DailyPoint[], options: DetectOptions): Judged[] {
  const { weeks = 8, minWeeks = 4, minVolume = 5, floor = poissonFloor } = options;
  return series.map((point, index) => {
    const history: number[] = [];
    for (let back = 1; back <= weeks && index - 7 * back >= 0; back++) history.push(series[index - 7 * back].value);
    if (history.length < minWeeks) return null;
    const { expected, spread } = baseline(history, floor);
    if (expected < minVolume) return "quiet";
    return { expected, variance: spread * spread, z: (point.value - expected) / spread };
  });
}

/** Days past `dayThreshold` in one direction, next to each other (quiet days between them do not break a run). */
function dayRuns(series: DailyPoint[], judged: Judged[], threshold: number, dayThreshold: number): Anomaly[] {
  const found: Anomaly[] = [];
  let run: (Omit<Anomaly, "score" | "severity" | "kind"> & { variance: number }) | null = null;
  const close = () => {
    if (!run) return;
    const score = Math.abs(run.actual - run.expected) / Math.sqrt(run.variance);
    if (score > threshold) found.push({ ...withoutVariance(run), score: Math.round(score * 10) / 10, severity: severityOf(score), kind: "days" });
    run = null;
  };
  judged.forEach((day, index) => {
    if (day === "quiet") return;
    const direction = day && day.z < 0 ? "drop" : "spike";
    if (!day || Math.abs(day.z) <= dayThreshold || (run && run.direction !== direction)) close();
    if (!day || Math.abs(day.z) <= dayThreshold) return;
    const point = series[index];
    if (run) Object.assign(run, { to: point.day, days: run.days + 1, expected: run.expected + day.expected, actual: run.actual + point.value, variance: run.variance + day.variance });
    else run = { from: point.day, to: point.day, days: 1, expected: day.expected, actual: point.value, direction, variance: day.variance };
  });
  close();
  return found;
}

function withoutVariance<T extends { variance: number }>(run: T): Omit<T, "variance"> {
  const rest: Partial<T> = { ...run };
  delete rest.variance;
  return rest as Omit<T, "variance">;
}

/** 7-day sums against the same 7-day sums of the weeks before (median and MAD of up to `weeks` of them). */
function weekShifts(series: DailyPoint[], options: DetectOptions): Anomaly[] {
  const { weeks = 8, minWeeks = 4, minVolume = 5, floor = poissonFloor } = options;
  const threshold = options.week?.threshold ?? 2;
  const weekMinVolume = options.week?.minVolume ?? 5 * minVolume;
  const directions = options.week?.directions ?? ["drop"];
  const sums: number[] = [];
  let running = 0;
  series.forEach((point, index) => {
    running += point.value - (index >= 7 ? series[index - 7].value : 0);
    sums.push(index >= 6 ? running : NaN);
  });
  const found: Anomaly[] = [];
  // The strongest 7-day window of a stretch of flagged windows stands for it.
  let run: { start: number; end: number; direction: Anomaly["direction"]; score: number; expected: number; actual: number } | null = null;
  const close = () => {
    if (run) found.push(weekRun(series, run));
    run = null;
  };
  sums.forEach((sum, end) => {
    const history: number[] = [];
    for (let back = 1; back <= weeks && end - 7 * back >= 6; back++) history.push(sums[end - 7 * back]);
    if (Number.isNaN(sum) || history.length < minWeeks) return close();
    const { expected, spread } = baseline(history, floor);
    const z = (sum - expected) / spread;
    const direction = z < 0 ? "drop" : "spike";
    if (expected < weekMinVolume || Math.abs(z) <= threshold || !directions.includes(direction)) return close();
    if (run && run.direction !== direction) close();
    if (!run || Math.abs(z) > run.score) run = { start: end - 6, end, direction, score: Math.abs(z), expected, actual: sum };
  });
  close();
  return found;
}

function weekRun(series: DailyPoint[], run: { start: number; end: number; direction: Anomaly["direction"]; score: number; expected: number; actual: number }): Anomaly {
  return {
    from: series[run.start].day,
    to: series[run.end].day,
    days: 7,
    expected: run.expected,
    actual: run.actual,
    direction: run.direction,
    score: Math.round(run.score * 10) / 10,
    severity: severityOf(run.score),
    kind: "week",
  };
}
