// Shared by the sync tests: a source row pointing at a mock CRM, and the canonical rows to compare
// with the mock's own data.
import { and, asc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { activities, contacts, crmUsers, deals, sources, stageChanges, stages } from "@/db/schema";
import type { Db } from "@/db/types";
import { env } from "@/lib/env";
import { sealCredentials, type SourceCredentials } from "@/lib/sources/credentials";

export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 3).toString("base64");

export async function addCrmSource(db: Db, orgId: string, kind: "bitrix24" | "amocrm", baseUrl: string, credentials: SourceCredentials, settings: Record<string, unknown> = {}) {
  env.ENCRYPTION_KEY ??= TEST_ENCRYPTION_KEY;
  const [row] = await db
    .insert(sources)
    .values({ orgId, kind, name: `mock ${kind}`, baseUrl, credentials: sealCredentials(credentials), webhookSecret: "test-secret", settings })
    .returning();
  return row;
}

/** Live deals of a source as the tests compare them: external ids and the CRM's own codes. */
export async function liveDeals(db: Db, sourceId: string) {
  const manager = alias(crmUsers, "manager");
  return db
    .select({
      externalId: deals.externalId,
      amount: deals.amount,
      currency: deals.currency,
      stage: stages.externalId,
      manager: manager.externalId,
      utmSource: deals.utmSource,
      utmCampaign: deals.utmCampaign,
      closedAt: deals.closedAt,
    })
    .from(deals)
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .leftJoin(manager, eq(manager.id, deals.crmUserId))
    .where(and(eq(deals.sourceId, sourceId), isNull(deals.deletedAt)))
    .orderBy(asc(deals.createdAt), asc(deals.externalId));
}

export async function liveIds(db: Db, table: typeof contacts | typeof activities, sourceId: string): Promise<string[]> {
  const rows = await db.select({ id: table.externalId }).from(table).where(and(eq(table.sourceId, sourceId), isNull(table.deletedAt)));
  return rows.map((row) => row.id).sort();
}

export async function stageChangeIds(db: Db, sourceId: string): Promise<string[]> {
  const rows = await db.select({ id: stageChanges.externalId }).from(stageChanges).where(eq(stageChanges.sourceId, sourceId));
  return rows.map((row) => row.id).sort();
}

/** "1234.5" → "1234.50", as numeric(18,2) reads back. */
export const money = (value: unknown) => Number(value ?? 0).toFixed(2);
export const byId = (a: string, b: string) => Number(a) - Number(b) || a.localeCompare(b);
