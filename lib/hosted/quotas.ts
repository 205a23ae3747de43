// Hosted mode's per-organisation quotas (docs/hosted.md), checked where rows are created: a source
// added, a person invited, a batch of new deals stored. Off with MULTI_ORG off. Two writers at the
// same moment may both pass the check by one batch: a quota is a fence, not an exact count.
import { count, eq } from "drizzle-orm";
import { deals, organisations, sources, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { effectiveQuotas, type Quotas } from "./quota-limits";

export type QuotaKind = keyof Quotas;

const tables = { sources, users, deals } as const;

export class QuotaExceededError extends AppError {
  constructor(kind: QuotaKind, limit: number) {
    super(403, `quota_${kind}_exceeded`, `The organisation has reached its limit of ${limit} ${kind}`, { params: { limit } });
  }
}

/** Throws QuotaExceededError when `adding` more rows of `kind` would pass the organisation's quota. */
export async function assertWithinQuota(db: Db, orgId: string, kind: QuotaKind, adding = 1): Promise<void> {
  if (!env.MULTI_ORG || adding <= 0) return;
  const [org] = await db
    .select({ quotaSources: organisations.quotaSources, quotaUsers: organisations.quotaUsers, quotaDeals: organisations.quotaDeals })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org) return;
  const limit = effectiveQuotas(org)[kind];
  const table = tables[kind];
  const [{ value }] = await db.select({ value: count() }).from(table).where(eq(table.orgId, orgId));
  if (value + adding > limit) throw new QuotaExceededError(kind, limit);
}
