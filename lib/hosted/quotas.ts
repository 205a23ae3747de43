// Hosted mode's per-organisation quotas (docs/hosted.md), checked where rows are created: a source
// added, a person invited, a batch of new deals stored. Off with MULTI_ORG off. The check holds a
// transaction-scoped lock per organisation and quota until the caller's transaction commits, so
// writers at the same moment take turns and the count ends at the quota, never past it.
import { count, eq, sql } from "drizzle-orm";
import { deals, organisations, sources, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { lockOrganisationFacts } from "@/lib/reports/facts/refresh";
import { effectiveQuotas, type Quotas } from "./quota-limits";

export type QuotaKind = keyof Quotas;

const tables = { sources, users, deals } as const;

export class QuotaExceededError extends AppError {
  constructor(kind: QuotaKind, limit: number) {
    super(403, `quota_${kind}_exceeded`, `The organisation has reached its limit of ${limit} ${kind}`, { params: { limit } });
  }
}

/**
 * Throws QuotaExceededError when `adding` more rows of `kind` would pass the organisation's quota.
 * Call it inside the transaction that inserts them: its lock is held until that transaction ends
 * (outside one it is only a check, as for a quick refusal before slow work).
 */
export async function assertWithinQuota(db: Db, orgId: string, kind: QuotaKind, adding = 1): Promise<void> {
  if (!env.MULTI_ORG || adding <= 0) return;
  await lockQuota(db, orgId, kind);
  const [org] = await db
    .select({ quotaSources: organisations.quotaSources, quotaUsers: organisations.quotaUsers, quotaDeals: organisations.quotaDeals })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org) return;
  const limit = effectiveQuotas(org)[kind];
  const table = tables[kind];
  // Counted after the lock: a statement of its own, so it sees what the previous holder committed.
  const [{ value }] = await db.select({ value: count() }).from(table).where(eq(table.orgId, orgId));
  if (value + adding > limit) throw new QuotaExceededError(kind, limit);
}

async function lockQuota(tx: Db, orgId: string, kind: QuotaKind): Promise<void> {
  // Deals share the facts' lock: every deal write refreshes the organisation's facts under it in the
  // same transaction, and a second organisation-wide lock taken first would let two writers each
  // hold one and wait for the other.
  if (kind === "deals") return lockOrganisationFacts(tx, orgId);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`quota-${kind}:${orgId}`}))`);
}
