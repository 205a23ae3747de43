// The first render of a dashboard: the report through the same function as the JSON API.
import { ZodError } from "zod";
import { getDb } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { runReport } from "@/lib/reports/run-report";
import type { InitialReport } from "./use-report";

/** A bad or forbidden filter becomes a message in the card, not a crash. */
export async function loadInitialReport<T>(viewer: Viewer, name: string, query: string): Promise<InitialReport<T>> {
  try {
    // runReport parses the filters with the API's schema (a ZodError when one is malformed).
    const result = await runReport(await getDb(), viewer, name, new URLSearchParams(query));
    // The same JSON the API sends (dates as strings), so the client's cache holds one shape.
    return { query, data: JSON.parse(JSON.stringify(result)) as T, error: null };
  } catch (error) {
    if (error instanceof ZodError) return { query, data: null, error: error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ") };
    if (error instanceof AppError) return { query, data: null, error: error.message };
    throw error;
  }
}
