"use client";
// One page of GET /api/deals for the URL's filters, bucket and sort (keyset paging: ../lists).
import { useKeysetList } from "@/components/lists/use-keyset-list";
import type { DealListPage } from "@/lib/deals/deal-list";
import type { Locale } from "@/lib/format";

export const useDeals = (query: string, locale: Locale) => useKeysetList<DealListPage>("/api/deals", query, locale);
