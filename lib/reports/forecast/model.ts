// The revenue forecast's time-series model, free of the database: monthly won revenue in, the
// next months' median forecast with 80 % and 95 % intervals out, plus a backtest from past
// month-ends. docs/reports.md ("Revenue forecast") states the model as a contract.
//
// Revenue is modelled on a log scale, so seasonality and trend are multiplicative ("December
// doubles") and intervals never go below zero. A series with a month under a tenth of its mean (a
// manager's lumpy months, a month without sales) is logged with an offset of half its mean month,
// so that month does not read as minus infinity. The seasonal profile and the trend come
// from a least-squares line and the mean residual of each calendar month (a classical
// decomposition); what is left is fitted by ARIMA(0,1,1) — simple exponential smoothing — with
// the `arima` package, whose forecast variances give the intervals.
import ARIMA from "arima";
import { jStat } from "jstat";

/**
 * The fewest whole months the model is fitted on: every calendar month seen at least once, and two
 * degrees of freedom left after the fit's fourteen parameters (fewer leave the bands meaningless).
 */
export const MIN_HISTORY_MONTHS = 16;
/** How many past month-ends the backtest forecasts from. */
export const BACKTEST_ORIGINS = 12;

/** The log scale's offset as a share of the mean month. */
const OFFSET_SHARE = 0.5;
/** What the fit spends of the series: eleven seasonal means, the line's two, the smoothing's one. */
const PARAMETERS = 14;

export type ForecastPoint = { forecast: number; low80: number; high80: number; low95: number; high95: number };

export class NotEnoughHistoryError extends Error {
  constructor(readonly months: number) {
    super(`not enough history: ${months} months, need ${MIN_HISTORY_MONTHS}`);
  }
}

/** Least-squares line through (t, y): intercept and slope. */
function fitLine(y: number[]): { intercept: number; slope: number } {
  const n = y.length;
  const meanT = (n - 1) / 2;
  const meanY = y.reduce((sum, v) => sum + v, 0) / n;
  let num = 0;
  let den = 0;
  y.forEach((v, t) => {
    num += (t - meanT) * (v - meanY);
    den += (t - meanT) ** 2;
  });
  const slope = den === 0 ? 0 : num / den;
  return { intercept: meanY - slope * meanT, slope };
}

/** Mean of each calendar month's values (0 = January), centred so the twelve add to zero; and how many each had. */
function monthMeans(r: number[], firstMonth: number): { season: number[]; counts: number[] } {
  const sums = new Array<number>(12).fill(0);
  const counts = new Array<number>(12).fill(0);
  r.forEach((v, t) => {
    const m = (firstMonth + t) % 12;
    sums[m] += v;
    counts[m] += 1;
  });
  const raw = sums.map((sum, m) => (counts[m] === 0 ? 0 : sum / counts[m]));
  const centre = raw.reduce((sum, v) => sum + v, 0) / 12;
  return { season: raw.map((v) => v - centre), counts };
}

/**
 * The line and the seasonal profile fitted together (a few rounds of backfitting: the line on the
 * series less its season, the season on the series less its line), so a December peak at the end
 * of a series does not tilt the trend.
 */
function decompose(y: number[], firstMonth: number): { line: { intercept: number; slope: number }; season: number[]; counts: number[] } {
  let season = new Array<number>(12).fill(0);
  let line = fitLine(y);
  let counts = new Array<number>(12).fill(0);
  for (let round = 0; round < 20; round++) {
    ({ season, counts } = monthMeans(
      y.map((v, t) => v - (line.intercept + line.slope * t)),
      firstMonth,
    ));
    line = fitLine(y.map((v, t) => v - season[(firstMonth + t) % 12]));
  }
  return { line, season, counts };
}

/** ARIMA(0,1,1) forecasts and their variances; a flat forecast with the spread of the steps if the fit fails. */
function smooth(z: number[], horizon: number): { mean: number[]; variance: number[] } {
  try {
    const model = new ARIMA({ p: 0, d: 1, q: 1, verbose: false }).train(z);
    const [mean, variance] = model.predict(horizon);
    model.destroy();
    if (mean.every(Number.isFinite) && variance.every((v) => Number.isFinite(v) && v >= 0)) return { mean, variance };
  } catch {
    // fall through to the random walk below
  }
  const steps = z.slice(1).map((v, i) => v - z[i]);
  const stepVariance = steps.reduce((sum, v) => sum + v * v, 0) / Math.max(1, steps.length);
  return { mean: new Array(horizon).fill(z[z.length - 1]), variance: Array.from({ length: horizon }, (_, h) => stepVariance * (h + 1)) };
}

/**
 * Forecasts `horizon` months after `values` (whole months of won revenue, oldest first; the first is
 * calendar month `firstMonth`, 0 = January). Each point is the median with its 80 % and 95 % bands.
 */
export function forecastSeries(values: number[], firstMonth: number, horizon: number): ForecastPoint[] {
  if (values.length < MIN_HISTORY_MONTHS) throw new NotEnoughHistoryError(values.length);
  const meanMonth = values.reduce((sum, v) => sum + Math.max(0, v), 0) / values.length;
  const offset = values.some((v) => v < meanMonth * 0.1) ? Math.max(1, meanMonth * OFFSET_SHARE) : 1;
  const y = values.map((v) => Math.log(Math.max(0, v) + offset));
  const { line, season, counts } = decompose(y, firstMonth);
  const n = y.length;
  // Without its line and its season, the series is a level that wanders: that is what ARIMA(0,1,1) fits.
  const z = y.map((v, t) => v - line.slope * t - season[(firstMonth + t) % 12]);
  const fitted = smooth(z, horizon);
  // The smoothing sees the series after the season took its eleven parameters, so its variance is
  // too small on a short series: scale it up to the decomposition's residual variance per degree of freedom.
  const level = z.reduce((sum, v) => sum + v, 0) / n;
  const residualVariance = z.reduce((sum, v) => sum + (v - level) ** 2, 0) / Math.max(1, n - PARAMETERS);
  const scale = fitted.variance[0] > 0 ? Math.max(1, residualVariance / fitted.variance[0]) : 1;
  const mean = fitted.mean;
  const variance = fitted.variance[0] > 0 ? fitted.variance.map((v) => v * scale) : fitted.variance.map((v, h) => Math.max(v, residualVariance * (h + 1)));
  const back = (x: number) => Math.max(0, Math.exp(x) - offset);
  // Student's t rather than the normal: a few years of months leave few degrees of freedom.
  const dof = Math.max(1, n - PARAMETERS);
  const t80 = jStat.studentt.inv(0.9, dof);
  const t95 = jStat.studentt.inv(0.975, dof);
  return mean.map((m, h) => {
    const centre = m + line.slope * (n + h) + season[(firstMonth + n + h) % 12];
    // The season of a month seen k times is itself uncertain by one month's variance ÷ k.
    const sd = Math.sqrt(variance[h] + variance[0] / Math.max(1, counts[(firstMonth + n + h) % 12]));
    return { forecast: back(centre), low80: back(centre - t80 * sd), high80: back(centre + t80 * sd), low95: back(centre - t95 * sd), high95: back(centre + t95 * sd) };
  });
}

export type BacktestPoint = ForecastPoint & { index: number; actual: number };
export type Backtest = {
  points: BacktestPoint[];
  /** Mean absolute percentage error of the forecasts, in %, over months with revenue; null if none. */
  mape: number | null;
  /** Σ |forecast − actual| ÷ Σ actual, in %: unlike MAPE, a month of little revenue cannot blow it up; null if none. */
  wape: number | null;
  held80: number;
  held95: number;
};

/**
 * One month ahead from each of the last BACKTEST_ORIGINS month-ends that have enough history before
 * them: the forecast for month `index` is made from `values[0..index)` alone.
 */
export function backtest(values: number[], firstMonth: number): Backtest {
  const points: BacktestPoint[] = [];
  for (let index = Math.max(MIN_HISTORY_MONTHS, values.length - BACKTEST_ORIGINS); index < values.length; index++) {
    const [point] = forecastSeries(values.slice(0, index), firstMonth, 1);
    points.push({ ...point, index, actual: values[index] });
  }
  const scored = points.filter((p) => p.actual > 0);
  const mape = scored.length === 0 ? null : (scored.reduce((sum, p) => sum + Math.abs(p.forecast - p.actual) / p.actual, 0) / scored.length) * 100;
  const actualSum = points.reduce((sum, p) => sum + p.actual, 0);
  const wape = actualSum === 0 ? null : (points.reduce((sum, p) => sum + Math.abs(p.forecast - p.actual), 0) / actualSum) * 100;
  const within = (p: BacktestPoint, low: number, high: number) => p.actual >= low && p.actual <= high;
  return {
    points,
    mape,
    wape,
    held80: points.filter((p) => within(p, p.low80, p.high80)).length,
    held95: points.filter((p) => within(p, p.low95, p.high95)).length,
  };
}
