"use client";
// A report's JSON for the current filters: the server-rendered result first, then TanStack Query
// refetches /api/reports/<name> when the filters change, keeping the previous figures on screen.
import { keepPreviousData, useQuery } from "@tanstack/react-query";

/** A failed report request, with the API's own message ({ "error": { "code", "message" } }). */
export class ReportError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type InitialReport<T> = { query: string; data: T | null; error: string | null };

async function fetchReport<T>(name: string, query: string): Promise<T> {
  const response = await fetch(`/api/reports/${encodeURIComponent(name)}?${query}`, { headers: { accept: "application/json" } });
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new ReportError(response.status, body?.error?.message ?? `${response.status} ${response.statusText}`);
  return body as T;
}

export function useReport<T>(name: string, query: string, initial: InitialReport<T>) {
  const isInitial = query === initial.query;
  const result = useQuery({
    queryKey: ["report", name, query],
    queryFn: () => fetchReport<T>(name, query),
    initialData: isInitial && initial.data ? initial.data : undefined,
    // The server already answered these params with an error: show it, do not ask again.
    enabled: !(isInitial && initial.error),
    placeholderData: keepPreviousData,
    // A 4xx (a bad or forbidden filter) will not get better by asking again.
    retry: (count, error) => !(error instanceof ReportError && error.status < 500) && count < 2,
  });
  const error = isInitial && initial.error ? initial.error : (result.error?.message ?? null);
  return {
    data: error ? null : (result.data ?? null),
    error,
    isLoading: result.isFetching,
  };
}
