// Revenue forecast: won revenue per month for the running month and the five after it, with 80 %
// and 95 % intervals, from the time series of past months (lib/reports/forecast/model.ts) and the
// open pipeline weighted by each deal's stored win probability when the organisation has a trained
// model (forecast/model-weights.ts), else by each stage's historical win rate (forecast/pipeline.ts);
// plus a backtest from the last twelve month-ends. Read from the rollups, like every report.
// The contract is in docs/reports.md ("Revenue forecast").
import { TZDate } from "@date-fns/tz";
import { addMonths, format, startOfMonth } from "date-fns";
import { wonByMonth } from "./sales-by-month";
import { monthsOf } from "./deal-sql";
import { BACKTEST_ORIGINS, MIN_HISTORY_MONTHS, backtest, forecastSeries, type ForecastPoint } from "./forecast/model";
import { readModelWeights, type WeightedCohort } from "./forecast/model-weights";
import { readOpenPipeline, type OpenPipeline, type StageWinRate } from "./forecast/pipeline";
import type { ReportContext, ReportDefinition } from "./report";

/** How many months the forecast covers: the running month and the five after it. */
export const FORECAST_MONTHS = 6;
/** The longest history the model is fitted on. */
export const MAX_HISTORY_MONTHS = 60;

type Band = { forecast: string; low80: string; high80: string; low95: string; high95: string };
export type ForecastRow = {
  month: string;
  /** Won revenue of the month (so far, for the running month); null for months still to come. */
  actual: string | null;
  /** The weighted open pipeline expected to close in the month; null for past months. */
  pipeline: string | null;
} & { [K in keyof Band]: string | null };

export type BacktestRow = { month: string; actual: string; held80: boolean; held95: boolean } & Band;

export type ForecastResult = {
  rows: ForecastRow[];
  /** The forecast summed over the next 3 and the next 6 months (the running month first); null without a forecast. */
  totals: { next3: string | null; next6: string | null };
  /** Whole months of history before the running month, and how many the model needs. */
  history: { months: number; needed: number };
  backtest: { rows: BacktestRow[]; mape: number | null; wape: number | null; held80: number; held95: number; origins: number };
  pipeline: {
    /** win-model: each open deal at its own probability from the newest trained model; stage-win-rate: at its stage's historical rate. */
    basis: "win-model" | "stage-win-rate";
    /** The model whose stored scores weighted the deals (win-model only): open deals, and how many were not scored yet (weighted by their stage's rate). */
    model: { version: number; trainedAt: Date; deals: number; fallback: number } | null;
    stages: StageWinRate[];
    weightedAmount: string;
    meanDaysToClose: number | null;
  };
};

const money = (value: number) => value.toFixed(2);

function monthKeyAfter(month: string, offset: number): string {
  const [year, m] = month.split("-").map(Number);
  const date = new Date(Date.UTC(year, m - 1 + offset, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Each stage's cohorts weighted by the stage's historical win rate. */
export function stageWeightedCohorts(pipeline: OpenPipeline): WeightedCohort[] {
  const rates = new Map(pipeline.stages.map((stage) => [stage.stageId, stage.winRate ?? 0]));
  return pipeline.cohorts.map((cohort) => ({ month: cohort.month, amount: Number(cohort.amount), weighted: Number(cohort.amount) * (rates.get(cohort.stageId) ?? 0) }));
}

/**
 * Each month's weighted open deals, in the month they are expected to close: their creation month
 * plus the won deals' mean time to close. A deal already past that month is overdue: when it will
 * close is anyone's guess, so its weighted amount is spread evenly over the forecast's months.
 */
export function pipelineByMonth(cohorts: WeightedCohort[], meanDaysToClose: number | null, months: string[]): Map<string, number> {
  const lagMonths = Math.round((meanDaysToClose ?? 0) / 30.44);
  const byMonth = new Map<string, number>();
  const add = (month: string, amount: number) => byMonth.set(month, (byMonth.get(month) ?? 0) + amount);
  for (const cohort of cohorts) {
    const expected = monthKeyAfter(cohort.month, lagMonths);
    if (expected < months[0]) months.forEach((month) => add(month, cohort.weighted / months.length));
    else add(expected, cohort.weighted);
  }
  return byMonth;
}

export async function getRevenueForecast(context: ReportContext): Promise<ForecastResult> {
  const { org, now, period } = context;
  const thisMonthStart = startOfMonth(new TZDate(now.getTime(), org.timezone));
  const thisMonth = format(thisMonthStart, "yyyy-MM");
  const historyFrom = addMonths(thisMonthStart, -MAX_HISTORY_MONTHS);
  const [won, pipeline] = await Promise.all([
    wonByMonth(context, { from: new Date(historyFrom.getTime()), to: new Date(addMonths(thisMonthStart, 1).getTime()) }, 0),
    readOpenPipeline(context),
  ]);
  const amountOf = (month: string) => Number(won.get(month)?.wonAmount ?? 0);
  // The series starts with the first month that has won revenue and ends with the last whole month.
  const monthsWithRevenue = [...won.keys()].filter((month): month is string => month !== null && month < thisMonth).sort();
  const series: string[] = [];
  for (let month = monthsWithRevenue[0]; month !== undefined && month < thisMonth; month = monthKeyAfter(month, 1)) series.push(month);
  const values = series.map(amountOf);
  const firstMonth = series.length > 0 ? Number(series[0].slice(5, 7)) - 1 : 0;

  const enough = values.length >= MIN_HISTORY_MONTHS;
  const points: ForecastPoint[] | null = enough ? forecastSeries(values, firstMonth, FORECAST_MONTHS) : null;
  const futureMonths = Array.from({ length: FORECAST_MONTHS }, (_, h) => monthKeyAfter(thisMonth, h));
  const byModel = await readModelWeights(context, new Map(pipeline.stages.map((stage) => [stage.stageId, stage.winRate ?? 0])));
  const cohorts = byModel?.cohorts ?? stageWeightedCohorts(pipeline);
  const expected = pipelineByMonth(cohorts, pipeline.meanDaysToClose, futureMonths);

  const forecastRows: ForecastRow[] = futureMonths.map((month, h) => {
    const actual = month === thisMonth ? (won.get(month)?.wonAmount ?? "0.00") : null;
    const weighted = expected.get(month) ?? 0;
    const point = points?.[h];
    if (!point) return { month, actual, pipeline: money(weighted), forecast: null, low80: null, high80: null, low95: null, high95: null };
    // The series already holds the usual share of revenue from the pipeline; the pipeline (plus what
    // the running month has already won) raises a month only where it promises more than the series.
    const floor = weighted + (actual === null ? 0 : Number(actual));
    const lift = Math.max(0, floor - point.forecast);
    return {
      month,
      actual,
      pipeline: money(weighted),
      forecast: money(point.forecast + lift),
      low80: money(point.low80 + lift),
      high80: money(point.high80 + lift),
      low95: money(point.low95 + lift),
      high95: money(point.high95 + lift),
    };
  });
  // Past months of the period from the first month with revenue on ("all time" starts in 2000).
  const pastRows: ForecastRow[] = monthsOf(period, org.timezone)
    .filter((month) => month < thisMonth && (series.length === 0 || month >= series[0]))
    .map((month) => ({ month, actual: won.get(month)?.wonAmount ?? "0.00", pipeline: null, forecast: null, low80: null, high80: null, low95: null, high95: null }));

  const sumOf = (count: number) => (points ? money(forecastRows.slice(0, count).reduce((sum, row) => sum + Number(row.forecast), 0)) : null);
  const test = enough ? backtest(values, firstMonth) : { points: [], mape: null, wape: null, held80: 0, held95: 0 };
  return {
    rows: [...pastRows, ...forecastRows],
    totals: { next3: sumOf(3), next6: sumOf(6) },
    history: { months: values.length, needed: MIN_HISTORY_MONTHS },
    backtest: {
      rows: test.points.map((p) => ({
        month: series[p.index],
        actual: won.get(series[p.index])?.wonAmount ?? "0.00",
        forecast: money(p.forecast),
        low80: money(p.low80),
        high80: money(p.high80),
        low95: money(p.low95),
        high95: money(p.high95),
        held80: p.actual >= p.low80 && p.actual <= p.high80,
        held95: p.actual >= p.low95 && p.actual <= p.high95,
      })),
      mape: test.mape === null ? null : Math.round(test.mape * 10) / 10,
      wape: test.wape === null ? null : Math.round(test.wape * 10) / 10,
      held80: test.held80,
      held95: test.held95,
      origins: BACKTEST_ORIGINS,
    },
    pipeline: {
      basis: byModel ? "win-model" : "stage-win-rate",
      model: byModel ? { ...byModel.model, deals: byModel.deals, fallback: byModel.fallback } : null,
      stages: pipeline.stages,
      weightedAmount: money(cohorts.reduce((sum, cohort) => sum + cohort.weighted, 0)),
      meanDaysToClose: pipeline.meanDaysToClose,
    },
  };
}

export const revenueForecastReport: ReportDefinition<ForecastResult> = { name: "forecast", run: getRevenueForecast };
