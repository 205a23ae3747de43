// The builder's state in the page address, so a built report is a link: the body's address
// (lib/reports/builder/address.ts: ?m=wonRevenue,leads&d=month,manager&preset=this-year&chart=line)
// plus the page's own `pm`. Unknown names are dropped here; the API refuses whatever else is wrong
// (a filter outside the viewer's scope: 403, said on the page).
// Client-safe: no zod (lib/reports/builder/catalogue.ts is plain lists).
import { addressOf, bodyAt, type BuilderBody } from "@/lib/reports/builder/address";
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
  /** The dashboards' filters, as chosen on the page or given by the address (the API checks them). */
  filters: NonNullable<BuilderBody["filters"]>;
  sort?: BuilderBody["sort"];
  limit?: number;
};

const listOf = <T extends string>(value: string | null, allowed: readonly T[]): T[] =>
  (value ?? "").split(",").filter((item, index, all): item is T => (allowed as readonly string[]).includes(item) && all.indexOf(item) === index);

export const defaultState: BuilderState = { measures: ["wonRevenue", "wonDeals"], dimensions: ["month"], preset: "last-12-months", from: "", to: "", chart: "bar", pivotMeasure: null, filters: {} };

export function stateFromParams(params: URLSearchParams): BuilderState {
  if (!params.has("m")) return defaultState;
  const chart = params.get("chart");
  const pivot = params.get("pm");
  const body = bodyAt(params) as Pick<BuilderBody, "filters" | "sort" | "limit">;
  return {
    measures: listOf(params.get("m"), MEASURES),
    dimensions: listOf(params.get("d"), DIMENSIONS).slice(0, MAX_DIMENSIONS),
    preset: params.get("preset") ?? (params.get("from") || params.get("to") ? "custom" : "last-12-months"),
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    chart: (CHART_TYPES as readonly string[]).includes(chart ?? "") ? (chart as ChartType) : "bar",
    pivotMeasure: (MEASURES as readonly string[]).includes(pivot ?? "") ? (pivot as Measure) : null,
    filters: body.filters ?? {},
    ...(body.sort ? { sort: body.sort } : {}),
    ...(typeof body.limit === "number" ? { limit: body.limit } : {}),
  };
}

export function paramsOf(state: BuilderState): string {
  const address = addressOf(requestOf(state));
  return state.pivotMeasure ? `${address}&pm=${state.pivotMeasure}` : address;
}

/** The POST /api/reports/custom body for a state (a sort by something no longer shown is left out). */
export function requestOf(state: BuilderState): BuilderBody {
  const period = state.preset === "custom" ? { ...(state.from ? { from: state.from } : {}), ...(state.to ? { to: state.to } : {}) } : { preset: state.preset };
  const sort = state.sort && [...state.measures, ...state.dimensions].includes(state.sort.by as never) ? state.sort : undefined;
  return {
    measures: state.measures,
    dimensions: state.dimensions,
    period,
    ...(Object.keys(state.filters).length ? { filters: state.filters } : {}),
    ...(sort ? { sort } : {}),
    ...(state.limit !== undefined ? { limit: state.limit } : {}),
    chart: state.chart,
  };
}

/** The filters with some set and some cleared (null or ""): a cleared filter leaves the state and the address. */
export function filtersWith(filters: BuilderState["filters"], changes: Partial<Record<keyof BuilderState["filters"], string | null>>): BuilderState["filters"] {
  const next = { ...filters, ...changes };
  return Object.fromEntries(Object.entries(next).filter((entry): entry is [string, string] => Boolean(entry[1])));
}
