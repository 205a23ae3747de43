// The first render of a dashboard: the report through the same function as the JSON API.
import { getReportDb } from "@/db/report-db";
import { errorBodyOf } from "@/lib/api/error-body";
import type { Viewer } from "@/lib/auth/viewer";
import type { ReportName } from "@/lib/reports/registry";
import { runReport, type ReportResponse } from "@/lib/reports/run-report";
import { getFilterOptions } from "@/lib/reports/filter-options";
import type { FirstRender, InitialReport } from "./use-report";

/** A bad or forbidden filter becomes a message in the card (translated there by its code), not a crash. */
export async function loadInitialReport<N extends ReportName>(viewer: Viewer, name: N, query: string): Promise<InitialReport<ReportResponse<N>>> {
  try {
    // runReport parses the filters with the API's schema (a ZodError when one is malformed).
    const result = await runReport<N>(await getReportDb(), viewer, name, new URLSearchParams(query));
    // The same JSON the API sends (dates as strings), so the client's cache holds one shape.
    return { query, data: JSON.parse(JSON.stringify(result)) as ReportResponse<N>, error: null };
  } catch (error) {
    const refusal = errorBodyOf(error);
    if (!refusal) throw error;
    const { code, field, params } = refusal.body;
    return { query, data: null, error: { code, field, params } };
  }
}

/**
 * The page's first figures and its filter choices, started now and handed unawaited to the client
 * island: the island's element (and so the request for its JavaScript) reaches the browser with the
 * page's frame, and the figures follow in the same response once computed. Awaiting them first had
 * the browser ask for the island's JavaScript only after the report was done: a waterfall on every
 * navigation (docs/measurements.md, "Page speed in a browser").
 */
export async function firstRender<I>(viewer: Viewer, initial: Promise<I>): Promise<FirstRender<I>> {
  const [resolved, options] = await Promise.all([initial, getReportDb().then((db) => getFilterOptions(db, viewer))]);
  return { initial: resolved, options };
}
