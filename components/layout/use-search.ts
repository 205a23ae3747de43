"use client";
// The search box's data: the query a moment after typing stops, sent to GET /api/search once per text.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { callApi } from "@/lib/api/call-api";
import type { SearchResult } from "@/lib/search/search";
import { SEARCH_MAX_LENGTH } from "@/lib/search/limits";

const DEBOUNCE_MS = 200;

export function useSearch(text: string) {
  const query = text.trim();
  const [settled, setSettled] = useState(query);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(query), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const isAskable = settled.length > 0 && settled.length <= SEARCH_MAX_LENGTH;
  const result = useQuery({
    queryKey: ["search", settled],
    queryFn: () => callApi<SearchResult>(`/api/search?q=${encodeURIComponent(settled)}`),
    enabled: isAskable,
    staleTime: 10_000,
  });
  // Typing ahead of the answer counts as loading, so the old results never pass for the new text's.
  const isLoading = query.length > 0 && query.length <= SEARCH_MAX_LENGTH && (settled !== query || result.isFetching);
  return { data: settled === query ? result.data : undefined, error: result.error, isLoading, isTooLong: query.length > SEARCH_MAX_LENGTH };
}
