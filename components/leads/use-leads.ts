"use client";
// One page of GET /api/leads for the URL's filters, bucket and sort (keyset paging: ../lists).
import { useKeysetList } from "@/components/lists/use-keyset-list";
import type { Locale } from "@/lib/format";
import type { LeadListPage } from "@/lib/leads/lead-list";

export const useLeads = (query: string, locale: Locale) => useKeysetList<LeadListPage>("/api/leads", query, locale);
