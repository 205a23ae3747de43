"use client";
// One page of GET /api/deals for the URL's filters, bucket and sort, through TanStack Query.
// Keyset paging: the cursors of the pages seen so far are kept, so "previous" is a cache hit.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { reportErrorText, retryUnlessRefused } from "@/components/dashboard/use-report";
import { callApi } from "@/lib/api/call-api";
import type { DealListPage } from "@/lib/deals/deal-list";
import type { Locale } from "@/lib/format";
import { errorInfoOf } from "@/lib/i18n/describe-error";

export const DEALS_PAGE_SIZE = 50;

async function fetchDeals(query: string, cursor: string | null): Promise<DealListPage> {
  const params = new URLSearchParams(query);
  params.set("limit", String(DEALS_PAGE_SIZE));
  if (cursor) params.set("cursor", cursor);
  return callApi<DealListPage>(`/api/deals?${params.toString()}`);
}

export function useDeals(query: string, locale: Locale) {
  // The cursors that open pages 2, 3, …; they belong to one query and are forgotten when it changes.
  const [paging, setPaging] = useState<{ query: string; cursors: string[] }>({ query, cursors: [] });
  const cursors = paging.query === query ? paging.cursors : [];
  const cursor = cursors.at(-1) ?? null;
  const result = useQuery({
    queryKey: ["deals", query, cursor],
    queryFn: () => fetchDeals(query, cursor),
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
