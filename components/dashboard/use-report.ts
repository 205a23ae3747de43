"use client";
// A report's JSON for the current filters: the server-rendered result first, then TanStack Query
// refetches /api/reports/<name> when the filters change, keeping the previous figures on screen.
// A refusal (a bad or forbidden filter) comes back as text in the viewer's language.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ApiError, callApi } from "@/lib/api/call-api";
import type { ErrorInfo } from "@/lib/error-codes";
import type { FilterOptions } from "@/lib/reports/filter-options";
import type { Locale } from "@/lib/format";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";
import { errorInfoOf, errorText } from "@/lib/i18n/describe-error";
import type { ReportName } from "@/lib/reports/registry";
import type { ReportResponse } from "@/lib/reports/run-report";

export type InitialReport<T> = { query: string; data: T | null; error: ErrorInfo | null };

/**
 * What a dashboard's island gets from the server, as one promise: its first report(s) and the filter
 * bar's choices (lib/reports/filter-options.ts). The island takes it with `use()`.
 */
export type FirstRender<I> = { initial: I; options: FilterOptions };

/** A refusal in the viewer's language, naming a filter as the filter bar labels it. */
export function reportErrorText(error: ErrorInfo, locale: Locale): string {
  const t = dashboardMessages[locale].filters;
  const labels = { preset: t.period, from: t.from, to: t.to, pipelineId: t.pipeline, departmentId: t.department, managerId: t.manager, sourceId: t.source };
  return errorText(locale, error, labels);
}

/** A 4xx (a bad or forbidden filter) will not get better by asking again. */
export const retryUnlessRefused = (count: number, error: unknown) => !(error instanceof ApiError && error.status < 500) && count < 2;

/** A report's JSON, typed by its name from the report registry. */
export function useReport<N extends ReportName>(name: N, query: string, initial: InitialReport<ReportResponse<N>>, locale: Locale) {
  const isInitial = query === initial.query;
  const result = useQuery({
    queryKey: ["report", name, query],
    queryFn: () => callApi<ReportResponse<N>>(`/api/reports/${encodeURIComponent(name)}?${query}`),
    initialData: isInitial && initial.data ? initial.data : undefined,
    // The server already answered these params with an error: show it, do not ask again.
    enabled: !(isInitial && initial.error),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
  const failure = isInitial && initial.error ? initial.error : result.error ? errorInfoOf(result.error) : null;
  const error = failure ? reportErrorText(failure, locale) : null;
  return {
    data: error ? null : (result.data ?? null),
    error,
    isLoading: result.isFetching,
  };
}
