// Shared by the sync tests: a source row pointing at a mock CRM, the canonical rows to compare
// with the mock's own data, and the report facts to compare with a rebuild from scratch.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { activities, contacts, crmUsers, deals, leadStatusChanges, sources, stageChanges, stages, syncCursors } from "@/db/schema";
import { selectRows } from "@/db/migrate";
import type { Db } from "@/db/types";
import { rebuildReportFacts } from "@/lib/reports/facts/refresh";
import { DEFERRED_FACTS_ENTITY } from "./deferred-facts";
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

export async function leadStatusChangeIds(db: Db, sourceId: string): Promise<string[]> {
  const rows = await db.select({ id: leadStatusChanges.externalId }).from(leadStatusChanges).where(eq(leadStatusChanges.sourceId, sourceId));
  return rows.map((row) => row.id).sort();
}

export async function stageChangeIds(db: Db, sourceId: string): Promise<string[]> {
  const rows = await db.select({ id: stageChanges.externalId }).from(stageChanges).where(eq(stageChanges.sourceId, sourceId));
  return rows.map((row) => row.id).sort();
}

/** "1234.5" → "1234.50", as numeric(18,2) reads back. */
export const money = (value: unknown) => Number(value ?? 0).toFixed(2);
export const byId = (a: string, b: string) => Number(a) - Number(b) || a.localeCompare(b);

const FACT_TABLES = [
  "report_deal_facts", "report_stage_facts", "report_stage_gaps", "report_lead_facts", "report_activity_facts",
  "report_deal_daily", "report_stage_daily", "report_lead_daily", "report_lead_days_monthly", "report_activity_daily",
];

/**
 * Every report fact and rollup row of the organisation, as JSON text in a fixed order. Numbers are
 * compared by value: a sum brought back to zero by a refresh reads 0.000000, a rebuild's 0.
 */
export async function reportFacts(db: Db, orgId: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of FACT_TABLES) {
    const rows = await selectRows<{ row: Record<string, unknown> | string }>(db, sql`select to_jsonb(t) as row from ${sql.raw(table)} t where t.org_id = ${orgId}`);
    out[table] = rows.map(({ row }) => JSON.stringify(typeof row === "string" ? JSON.parse(row) : row)).sort();
  }
  return out;
}

/** The organisation's facts as the writes left them, and as a rebuild from scratch makes them. */
export async function factsAndRebuild(db: Db, orgId: string) {
  const written = await reportFacts(db, orgId);
  await rebuildReportFacts(db, orgId);
  return { written, rebuilt: await reportFacts(db, orgId) };
}

/** The marker of report facts a run still owes (lib/sync/deferred-facts.ts), if any. */
export async function deferredFactsMarker(db: Db, sourceId: string) {
  const [row] = await db.select().from(syncCursors).where(and(eq(syncCursors.sourceId, sourceId), eq(syncCursors.entity, DEFERRED_FACTS_ENTITY)));
  return row ?? null;
}
