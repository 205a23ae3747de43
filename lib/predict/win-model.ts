// The win-probability model: logistic regression (ml-logistic-regression's gradient descent, on
// standardised numbers and one-hot categories with an intercept) over DealFeatures; or, with too
// few closed deals to learn from, each stage's historical win rate.
import { Matrix } from "ml-matrix";
import LogisticRegressionTwoClasses from "ml-logistic-regression/src/logreg_2classes.js";
import type { WinModelParams } from "@/db/schema";
import type { DealFeatures } from "./features";

/** Below this many closed deals the model is each stage's win rate, and the page says so. */
export const MIN_CLOSED_FOR_MODEL = 200;
/** Categories kept per field (the most frequent); the rest are "other". */
const TOP_CATEGORIES = 10;
const STEPS = 300;

const NUMERIC = ["ageDays", "daysInStage", "touches", "daysSinceTouch", "amount"] as const;
const CATEGORICAL = { pipeline: "pipelineId", source: "sourceId", manager: "managerId" } as const;

/** Numbers as the model reads them: logarithms of the skewed counts and durations, the stage's place as is. */
function numbersOf(deal: DealFeatures): number[] {
  return [...NUMERIC.map((name) => Math.log1p(deal[name])), deal.stageRank ?? 0, deal.stageRank === null ? 1 : 0];
}
const NUMERIC_NAMES = [...NUMERIC.map((name) => `log1p(${name})`), "stageRank", "stageUnknown"];

function encode(deal: DealFeatures, params: Extract<WinModelParams, { kind: "logistic" }>): number[] {
  const numbers = numbersOf(deal).map((value, i) => (value - params.numeric.means[i]) / params.numeric.stds[i]);
  const oneHot = Object.entries(CATEGORICAL).flatMap(([field, key]) => params.categories[field].map((value) => (deal[key] === value ? 1 : 0)));
  return [1, ...numbers, ...oneHot];
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function trainLogistic(deals: DealFeatures[]): WinModelParams {
  const numbers = deals.map(numbersOf);
  const means = NUMERIC_NAMES.map((_, i) => numbers.reduce((sum, row) => sum + row[i], 0) / numbers.length);
  const stds = NUMERIC_NAMES.map((_, i) => Math.sqrt(numbers.reduce((sum, row) => sum + (row[i] - means[i]) ** 2, 0) / numbers.length) || 1);
  const categories = Object.fromEntries(Object.entries(CATEGORICAL).map(([field, key]) => [field, mostFrequent(deals.map((deal) => deal[key]), TOP_CATEGORIES)]));
  const shape: Extract<WinModelParams, { kind: "logistic" }> = { kind: "logistic", numeric: { names: NUMERIC_NAMES, means, stds }, categories, weights: [] };
  const features = new Matrix(deals.map((deal) => encode(deal, shape)));
  const target = Matrix.columnVector(deals.map((deal) => deal.won ?? 0));
  // The library's step is the summed gradient times the rate: a rate of 1/n makes it the mean's.
  const model = new LogisticRegressionTwoClasses({ numSteps: STEPS, learningRate: 1 / deals.length });
  model.train(features, target);
  return { ...shape, weights: model.weights!.to1DArray() };
}

export function trainStageRate(deals: DealFeatures[]): WinModelParams {
  const overall = (deals.filter((deal) => deal.won === 1).length + 1) / (deals.length + 2);
  const byStage = new Map<string, { won: number; all: number }>();
  for (const deal of deals) {
    if (!deal.stageId) continue;
    const counts = byStage.get(deal.stageId) ?? { won: 0, all: 0 };
    counts.all++;
    if (deal.won === 1) counts.won++;
    byStage.set(deal.stageId, counts);
  }
  // Laplace-smoothed towards the overall rate, so a stage seen twice does not say 0 % or 100 %.
  const rates = Object.fromEntries([...byStage].map(([stageId, { won, all }]) => [stageId, (won + 2 * overall) / (all + 2)]));
  return { kind: "stage-rate", rates, overall };
}

export function predict(params: WinModelParams, deal: DealFeatures): number {
  if (params.kind === "stage-rate") return deal.stageId ? (params.rates[deal.stageId] ?? params.overall) : params.overall;
  const x = encode(deal, params);
  return sigmoid(x.reduce((sum, value, i) => sum + value * params.weights[i], 0));
}

function mostFrequent(values: (string | null)[], top: number): string[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, top).map(([value]) => value);
}
