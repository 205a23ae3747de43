// A built report's whole body as an address query and back: the /builder page's link, a saved built
// report's stored query and the export's query all use this one form —
// m=wonRevenue,leads&d=month,manager&preset=this-year (or from/to)&pipelineId=…&sort=leads&dir=desc&limit=50&chart=line.
// Client-safe (no zod): `bodyAt` only reshapes; customReportSchema (request.ts) judges the result.
import { rowFilterKeys, type RowFilterKey } from "@/lib/reports/report-query";
import type { ChartType, Dimension, Measure } from "./catalogue";

/** The body's filters, named as the dashboards' filters are (so the saved views' scope check reads them). */
export const BUILDER_FILTERS = rowFilterKeys;
type FilterKey = RowFilterKey;

/** What customReportSchema accepts, as far as the address carries it (the schema's defaults fill the rest). */
export type BuilderBody = {
  measures: Measure[];
  dimensions?: Dimension[];
  period?: { preset?: string; from?: string; to?: string };
  filters?: Partial<Record<FilterKey, string>>;
  sort?: { by: Measure | Dimension; direction?: "asc" | "desc" };
  limit?: number;
  chart?: ChartType;
};

/** The limit the API assumes when none is sent; the address leaves it out. */
const DEFAULT_LIMIT = 1000;

/** The canonical query of a body: the same body always gives the same text (saved views compare them). */
export function addressOf(body: BuilderBody): string {
  const params = new URLSearchParams({ m: body.measures.join(",") });
  if (body.dimensions?.length) params.set("d", body.dimensions.join(","));
  for (const key of ["preset", "from", "to"] as const) if (body.period?.[key]) params.set(key, body.period[key]);
  for (const key of BUILDER_FILTERS) if (body.filters?.[key]) params.set(key, body.filters[key]);
  if (body.sort) {
    params.set("sort", body.sort.by);
    if (body.sort.direction === "desc") params.set("dir", "desc");
  }
  if (body.limit !== undefined && body.limit !== DEFAULT_LIMIT) params.set("limit", String(body.limit));
  if (body.chart) params.set("chart", body.chart);
  return params.toString();
}

/**
 * The body an address describes, unchecked: names are passed on as written so the schema refuses a
 * wrong one by its field (`measures.0`), and a limit that is not a number stays one that fails.
 * Parameters that are not the body's (the page's `pm`, an export's `format`) are left out.
 */
export function bodyAt(params: URLSearchParams): Record<string, unknown> {
  const list = (key: string) => (params.get(key) ? params.get(key)!.split(",") : []);
  const present = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.filter((key) => params.get(key)).map((key) => [key, params.get(key)!]));
  const body: Record<string, unknown> = { measures: list("m"), dimensions: list("d"), period: present(["preset", "from", "to"]), filters: present(BUILDER_FILTERS) };
  const sort = params.get("sort");
  if (sort) body.sort = { by: sort, direction: params.get("dir") === "desc" ? "desc" : "asc" };
  const limit = params.get("limit");
  if (limit) body.limit = /^\d+$/.test(limit) ? Number(limit) : limit;
  const chart = params.get("chart");
  if (chart) body.chart = chart;
  return body;
}
