// An organisation's quotas: the operator's override, else the QUOTA_* default (docs/hosted.md).
import { env } from "@/lib/env";

export type QuotaOverrides = { quotaSources: number | null; quotaUsers: number | null; quotaDeals: number | null };
export type Quotas = { sources: number; users: number; deals: number };

export function effectiveQuotas(org: QuotaOverrides): Quotas {
  return { sources: org.quotaSources ?? env.QUOTA_SOURCES, users: org.quotaUsers ?? env.QUOTA_USERS, deals: org.quotaDeals ?? env.QUOTA_DEALS };
}
