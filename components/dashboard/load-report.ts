// The first render of a dashboard: the report through the same function as the JSON API.
import { getDb } from "@/db/client";
import { errorBodyOf } from "@/lib/api/error-body";
import type { Viewer } from "@/lib/auth/viewer";
import type { ReportName } from "@/lib/reports/registry";
import { runReport, type ReportResponse } from "@/lib/reports/run-report";
import type { InitialReport } from "./use-report";

/** A bad or forbidden filter becomes a message in the card (translated there by its code), not a crash. */
export async function loadInitialReport<N extends ReportName>(viewer: Viewer, name: N, query: string): Promise<InitialReport<ReportResponse<N>>> {
  try {
    // runReport parses the filters with the API's schema (a ZodError when one is malformed).
    const result = await runReport<N>(await getDb(), viewer, name, new URLSearchParams(query));
    // The same JSON the API sends (dates as strings), so the client's cache holds one shape.
    return { query, data: JSON.parse(JSON.stringify(result)) as ReportResponse<N>, error: null };
  } catch (error) {
    const refusal = errorBodyOf(error);
    if (!refusal) throw error;
    const { code, field, params } = refusal.body;
    return { query, data: null, error: { code, field, params } };
  }
}
