// The set-based refresh of one source's facts (what a sync that deferred its facts runs at its
// end): rows written behind the facts' back get exactly the facts a rebuild gives them, and the
// organisation's other sources are left as they are.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows } from "@/db/migrate";
import { activities, deals, leads, sources } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { rebuildReportFacts, refreshSourceFacts } from "./refresh";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

/** Facts and rollups of the organisation, numbers by value, in a fixed order. */
async function facts(orgId: string) {
  const out: Record<string, string[]> = {};
  for (const table of ["report_deal_facts", "report_stage_facts", "report_stage_gaps", "report_lead_facts", "report_activity_facts", "report_deal_daily", "report_stage_daily", "report_lead_daily", "report_lead_days_monthly", "report_activity_daily"]) {
    const rows = await selectRows<{ row: unknown }>(testDb.db, sql`select to_jsonb(t) as row from ${sql.raw(table)} t where t.org_id = ${orgId}`);
    out[table] = rows.map(({ row }) => JSON.stringify(typeof row === "string" ? JSON.parse(row) : row)).sort();
  }
  return out;
}

describe("refreshSourceFacts", () => {
  it("gives one source's rows the facts a rebuild gives them and leaves the other sources alone", async () => {
    const db = testDb.db;
    const f = await createOrgFixture(db);
    // An earlier deal of the fixture's source, with its facts (won 2 March, 500 ₸).
    const kept = await f.addDeal({ manager: "alice", stage: "WON", amount: "500", createdAt: "2025-03-01T05:00:00Z", closedAt: "2025-03-02T05:00:00Z" });
    const [other] = await db.insert(sources).values({ orgId: f.org.id, kind: "amocrm", name: "amo", webhookSecret: randomUUID() }).returning();

    // Written behind the facts' back, as a deferring sync writes them: in the fixture's source a
    // won deal from a lead, the lead and an activity; one deal of the other source, also without facts.
    const [lead] = await db.insert(leads).values({ orgId: f.org.id, sourceId: f.source.id, externalId: "L1", title: "Lead", channel: "Сайт", createdAt: new Date("2025-03-03T05:00:00Z") }).returning();
    const base = { orgId: f.org.id, pipelineId: f.pipeline.id, currency: "KZT", crmUserId: f.crmUsers.bob.id };
    await db.insert(deals).values([
      { ...base, sourceId: f.source.id, externalId: "D1", title: "D1", stageId: f.stages.WON.id, amount: "1200", leadId: lead.id, createdAt: new Date("2025-03-04T05:00:00Z"), closedAt: new Date("2025-03-06T05:00:00Z") },
      { ...base, sourceId: other.id, externalId: "O1", title: "O1", stageId: f.stages.NEW.id, amount: "900", createdAt: new Date("2025-03-05T05:00:00Z") },
    ]);
    await db.insert(activities).values({ orgId: f.org.id, sourceId: f.source.id, externalId: "A1", type: "call", isCompleted: true, crmUserId: f.crmUsers.bob.id, startAt: new Date("2025-03-05T05:00:00Z"), durationSeconds: 90 });
    // and the earlier deal was deleted in the CRM
    await db.update(deals).set({ deletedAt: new Date("2025-03-07T05:00:00Z") }).where(eq(deals.id, kept.id));

    await refreshSourceFacts(db, f.org.id, f.source.id);
    const refreshed = await facts(f.org.id);
    // The fixture's source: D1 has facts, the deleted deal has none; L1 is converted by D1 (1 day after it); the call counts 90 s.
    expect(refreshed.report_deal_facts).toHaveLength(1);
    expect(refreshed.report_lead_facts.map((row) => JSON.parse(row))).toEqual([expect.objectContaining({ converted: 1, days_to_convert: 1 })]);
    expect(refreshed.report_activity_daily.map((row) => JSON.parse(row))).toEqual([expect.objectContaining({ activities: 1, call_seconds: 90 })]);
    // The other source's deal was not refreshed: no facts yet.
    expect(refreshed.report_deal_daily.some((row) => row.includes(other.id))).toBe(false);

    // Bring the other source up too: everything now equals a rebuild from scratch.
    await refreshSourceFacts(db, f.org.id, other.id);
    const both = await facts(f.org.id);
    await rebuildReportFacts(db, f.org.id);
    expect(both).toEqual(await facts(f.org.id));
    expect(both.report_deal_facts).toHaveLength(2);
  });

  it("rejects a source id that is not a uuid", async () => {
    const f = await createOrgFixture(testDb.db);
    await expect(refreshSourceFacts(testDb.db, f.org.id, "1' or true --")).rejects.toThrow(/not a source id/);
  });
});
