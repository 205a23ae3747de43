"use client";
// One page of a keyset-paginated list (GET /api/deals, GET /api/leads) for the URL's query, through
// TanStack Query. The cursors of the pages seen so far are kept, so "previous" is a cache hit.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { reportErrorText, retryUnlessRefused } from "@/components/dashboard/use-report";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import { errorInfoOf } from "@/lib/i18n/describe-error";

export const LIST_PAGE_SIZE = 50;

async function fetchPage<P>(path: string, query: string, cursor: string | null): Promise<P> {
  const params = new URLSearchParams(query);
  params.set("limit", String(LIST_PAGE_SIZE));
  if (cursor) params.set("cursor", cursor);
  return callApi<P>(`${path}?${params.toString()}`);
}

export function useKeysetList<P extends { nextCursor: string | null }>(path: string, query: string, locale: Locale) {
  // The cursors that open pages 2, 3, …; they belong to one query and are forgotten when it changes.
  const [paging, setPaging] = useState<{ query: string; cursors: string[] }>({ query, cursors: [] });
  const cursors = paging.query === query ? paging.cursors : [];
  const cursor = cursors.at(-1) ?? null;
  const result = useQuery({
    queryKey: [path, query, cursor],
    queryFn: () => fetchPage<P>(path, query, cursor),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
  const nextCursor = result.data?.nextCursor ?? null;
  return {
    data: result.error ? null : (result.data ?? null),
    error: result.error ? reportErrorText(errorInfoOf(result.error), locale) : null,
    isLoading: result.isFetching,
    pageNumber: cursors.length + 1,
    hasNext: !result.isPlaceholderData && nextCursor !== null,
    hasPrevious: cursors.length > 0,
    next: () => nextCursor && setPaging({ query, cursors: [...cursors, nextCursor] }),
    previous: () => setPaging({ query, cursors: cursors.slice(0, -1) }),
  };
}

export type KeysetList<P extends { nextCursor: string | null }> = ReturnType<typeof useKeysetList<P>>;
