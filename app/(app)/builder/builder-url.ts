// The builder's state in the page address, so a built report is a link: ?m=wonRevenue,leads&d=month,manager
// &preset=this-year (or from/to)&chart=line&pm=wonRevenue. Unknown names are dropped here; the API
// refuses whatever else is wrong. Client-safe: no zod (lib/reports/builder/catalogue.ts is plain lists).
import { CHART_TYPES, DIMENSIONS, MAX_DIMENSIONS, MEASURES, type ChartType, type Dimension, type Measure } from "@/lib/reports/builder/catalogue";

export type BuilderState = {
  measures: Measure[];
  dimensions: Dimension[];
  preset: string;
  from: string;
  to: string;
  chart: ChartType;
  /** The measure the pivot table shows (the first one when not chosen). */
  pivotMeasure: Measure | null;
};

const listOf = <T extends string>(value: string | null, allowed: readonly T[]): T[] =>
  (value ?? "").split(",").filter((item, index, all): item is T => (allowed as readonly string[]).includes(item) && all.indexOf(item) === index);

export const defaultState: BuilderState = { measures: ["wonRevenue", "wonDeals"], dimensions: ["month"], preset: "last-12-months", from: "", to: "", chart: "bar", pivotMeasure: null };

export function stateFromParams(params: URLSearchParams): BuilderState {
  if (!params.has("m")) return defaultState;
  const chart = params.get("chart");
  const pivot = params.get("pm");
  return {
    measures: listOf(params.get("m"), MEASURES),
    dimensions: listOf(params.get("d"), DIMENSIONS).slice(0, MAX_DIMENSIONS),
    preset: params.get("preset") ?? (params.get("from") || params.get("to") ? "custom" : "last-12-months"),
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    chart: (CHART_TYPES as readonly string[]).includes(chart ?? "") ? (chart as ChartType) : "bar",
    pivotMeasure: (MEASURES as readonly string[]).includes(pivot ?? "") ? (pivot as Measure) : null,
  };
}

export function paramsOf(state: BuilderState): string {
  const params = new URLSearchParams({ m: state.measures.join(",") });
  if (state.dimensions.length) params.set("d", state.dimensions.join(","));
  if (state.preset === "custom") {
    if (state.from) params.set("from", state.from);
    if (state.to) params.set("to", state.to);
  } else params.set("preset", state.preset);
  params.set("chart", state.chart);
  if (state.pivotMeasure) params.set("pm", state.pivotMeasure);
  return params.toString();
}

/** The POST /api/reports/custom body for a state. */
export function requestOf(state: BuilderState) {
  const period = state.preset === "custom" ? { ...(state.from ? { from: state.from } : {}), ...(state.to ? { to: state.to } : {}) } : { preset: state.preset };
  return { measures: state.measures, dimensions: state.dimensions, period, chart: state.chart };
}
