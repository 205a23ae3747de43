// Stores, lists and deletes ad spend. Rows are upserted on (team, day, source, campaign, currency):
// sending the same figure again replaces it, so re-importing a file never doubles the spend.
import { and, asc, desc, eq, gte, lte, sql } from "drizzle-orm";
import { adSpend, trafficTeams } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit";
import { assertCan, parseId } from "@/lib/auth/guards";
import type { SpendRow, TeamRef } from "./validate";

type Actor = Pick<Viewer, "orgId" | "userId" | "role">;
const BATCH = 1_000;

export async function listTeamRefs(db: Db, orgId: string): Promise<TeamRef[]> {
  return db.select({ id: trafficTeams.id, name: trafficTeams.name }).from(trafficTeams).where(eq(trafficTeams.orgId, orgId)).orderBy(asc(trafficTeams.name));
}

/** All rows in one transaction: a batch is stored whole or not at all. */
export async function upsertSpend(db: Db, viewer: Actor, rows: readonly SpendRow[], via: "form" | "csv" | "api"): Promise<{ inserted: number; updated: number }> {
  assertCan(viewer, "rules:manage");
  return db.transaction(async (tx) => {
    let inserted = 0;
    for (let i = 0; i < rows.length; i += BATCH) {
      const written = await tx
        .insert(adSpend)
        .values(rows.slice(i, i + BATCH).map(({ teamId, day, utmSource, utmCampaign, amount, currency }) => ({ orgId: viewer.orgId, teamId, day, utmSource, utmCampaign, amount, currency })))
        .onConflictDoUpdate({ target: [adSpend.orgId, adSpend.teamId, adSpend.day, adSpend.utmSource, adSpend.utmCampaign, adSpend.currency], set: { amount: sql`excluded.amount` } })
        // xmax is 0 only on a freshly inserted row version: it tells a new row from a replaced one.
        .returning({ inserted: sql<boolean>`(xmax = 0)` });
      inserted += written.filter((row) => row.inserted).length;
    }
    const result = { inserted, updated: rows.length - inserted };
    await writeAudit(tx, viewer, { action: "ad_spend.upsert", targetType: "organisation", targetId: viewer.orgId, details: { via, ...result } });
    return result;
  });
}

export type SpendFilters = { teamId?: string; from?: string; to?: string; page?: number; pageSize?: number };
export const SPEND_PAGE_SIZE = 100;
export type SpendListRow = { id: string; teamId: string; teamName: string; day: string; utmSource: string; utmCampaign: string; amount: string; currency: string };

export type SpendPage = { rows: SpendListRow[]; totals: { currency: string; amount: string }[]; count: number; page: number; pageSize: number };

/**
 * One page of the rows the filters match, newest first, with how many match in all and the exact
 * total per currency of all of them — a list never stops silently at some number of rows.
 */
export async function listSpend(db: Db, viewer: Actor, filters: SpendFilters): Promise<SpendPage> {
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? SPEND_PAGE_SIZE;
  assertCan(viewer, "rules:manage");
  const conditions = [eq(adSpend.orgId, viewer.orgId)];
  if (filters.teamId) conditions.push(eq(adSpend.teamId, parseId(filters.teamId, "Traffic team")));
  if (filters.from) conditions.push(gte(adSpend.day, filters.from));
  if (filters.to) conditions.push(lte(adSpend.day, filters.to));
  const where = and(...conditions);
  const rows = await db
    .select({
      id: adSpend.id,
      teamId: adSpend.teamId,
      teamName: trafficTeams.name,
      day: adSpend.day,
      utmSource: adSpend.utmSource,
      utmCampaign: adSpend.utmCampaign,
      amount: adSpend.amount,
      currency: adSpend.currency,
    })
    .from(adSpend)
    .innerJoin(trafficTeams, eq(trafficTeams.id, adSpend.teamId))
    .where(where)
    // The id last: rows that tie on everything shown keep one order from page to page.
    .orderBy(desc(adSpend.day), asc(trafficTeams.name), asc(adSpend.utmSource), asc(adSpend.utmCampaign), asc(adSpend.currency), asc(adSpend.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(adSpend).where(where);
  const totals = await db
    .select({ currency: adSpend.currency, amount: sql<string>`sum(${adSpend.amount})::text` })
    .from(adSpend)
    .where(where)
    .groupBy(adSpend.currency)
    .orderBy(asc(adSpend.currency));
  return { rows: rows.map((row) => ({ ...row, amount: row.amount! })), totals, count, page, pageSize };
}

export async function deleteSpend(db: Db, viewer: Actor, id: string): Promise<void> {
  assertCan(viewer, "rules:manage");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(adSpend)
      .where(and(eq(adSpend.id, parseId(id, "Ad spend entry")), eq(adSpend.orgId, viewer.orgId)))
      .returning();
    if (!row) throw new NotFoundError("Ad spend entry");
    const { teamId, day, utmSource, utmCampaign, amount, currency } = row;
    await writeAudit(tx, viewer, { action: "ad_spend.delete", targetType: "ad_spend", targetId: row.id, details: { teamId, day, utmSource, utmCampaign, amount, currency } });
  });
}
