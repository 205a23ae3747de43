import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attributionRules, deals, leads, pipelines, stageChanges, stages, trafficTeams } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { applyDeals, applyLeads, applyStageChanges, markDeleted, type CanonicalDeal } from "./index";

let testDb: TestDb;
let f: OrgFixture;
const source = () => ({ id: f.source.id, orgId: f.org.id });

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
});
afterAll(() => testDb.close());

const deal = (externalId: string, patch: Partial<CanonicalDeal> = {}): CanonicalDeal => ({
  externalId,
  title: `Deal ${externalId}`,
  pipelineExternalId: "0",
  stageExternalId: "NEW",
  amount: "1000.50",
  currency: "KZT",
  crmUserExternalId: "1",
  createdAt: new Date("2025-03-01T10:00:00Z"),
  updatedAt: new Date("2025-03-01T10:00:00Z"),
  utmSource: "google",
  ...patch,
});

async function storedDeal(externalId: string) {
  const [row] = await testDb.db.select().from(deals).where(and(eq(deals.sourceId, f.source.id), eq(deals.externalId, externalId)));
  return row;
}

describe("applyDeals", () => {
  it("inserts deals with resolved ids, exact amounts and UTM tags, and a replay changes nothing", async () => {
    const batch = [deal("A1"), deal("A2", { amount: "2500", crmUserExternalId: "2", stageExternalId: "EXECUTING" }), deal("A3", { amount: "0.99", crmUserExternalId: "999" })];
    const first = await applyDeals(testDb.db, source(), batch);
    expect(first).toMatchObject({ inserted: 3, updated: 0, unchanged: 0 });

    const a1 = await storedDeal("A1");
    expect(a1.amount).toBe("1000.50");
    expect(a1.crmUserId).toBe(f.crmUsers.alice.id); // external user 1 is alice
    expect(a1.stageId).toBe(f.stages.NEW.id);
    expect(a1.utmSource).toBe("google");
    expect((await storedDeal("A2")).crmUserId).toBe(f.crmUsers.bob.id);
    expect((await storedDeal("A3")).crmUserId).toBeNull(); // an unknown CRM user is no manager, not an error

    // 1 000.50 + 2 500 + 0.99 = 3 501.49
    const [{ total }] = await testDb.db
      .select({ total: sql<string>`sum(${deals.amount})::text` })
      .from(deals)
      .where(and(eq(deals.sourceId, f.source.id), sql`${deals.externalId} like 'A%'`));
    expect(total).toBe("3501.49");

    const replay = await applyDeals(testDb.db, source(), batch);
    expect(replay).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    // The move into the first stage is recorded once, however often the batch arrives.
    const changes = await testDb.db.select().from(stageChanges).where(eq(stageChanges.dealId, a1.id));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ fromStageId: null, toStageId: f.stages.NEW.id });
  });

  it("newest wins: an older version changes nothing, a newer one replaces the row", async () => {
    await applyDeals(testDb.db, source(), [deal("B1", { amount: "500", updatedAt: new Date("2025-03-10T10:00:00Z") })]);
    const older = await applyDeals(testDb.db, source(), [deal("B1", { amount: "1", updatedAt: new Date("2025-03-09T10:00:00Z") })]);
    expect(older).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect((await storedDeal("B1")).amount).toBe("500.00");

    const newer = await applyDeals(testDb.db, source(), [deal("B1", { amount: "750", updatedAt: new Date("2025-03-11T10:00:00Z") })]);
    expect(newer).toMatchObject({ inserted: 0, updated: 1 });
    expect((await storedDeal("B1")).amount).toBe("750.00");
  });

  it("records a stage change (from, to, when, who) when a stored deal moves, once", async () => {
    await applyDeals(testDb.db, source(), [deal("C1")]);
    const movedAt = new Date("2025-03-05T12:00:00Z");
    const won = deal("C1", { stageExternalId: "WON", stageSemantic: "won", updatedAt: movedAt, movedAt, movedByExternalId: "2", closedAt: movedAt });
    await applyDeals(testDb.db, source(), [won]);
    await applyDeals(testDb.db, source(), [won]);
    const c1 = await storedDeal("C1");
    expect(c1.closedAt?.toISOString()).toBe("2025-03-05T12:00:00.000Z");
    const changes = await testDb.db.select().from(stageChanges).where(eq(stageChanges.dealId, c1.id)).orderBy(asc(stageChanges.changedAt));
    // Created in NEW, then moved NEW → WON by external user 2 (bob): two rows, not three.
    expect(changes.map((c) => [c.fromStageId, c.toStageId])).toEqual([
      [null, f.stages.NEW.id],
      [f.stages.NEW.id, f.stages.WON.id],
    ]);
    expect(changes[1].crmUserId).toBe(f.crmUsers.bob.id);
    expect(changes[1].changedAt.toISOString()).toBe(movedAt.toISOString());
  });

  it("records no derived change when the source supplies its own history, and history replaces derived rows", async () => {
    await applyDeals(testDb.db, source(), [deal("D1")], { deriveStageChanges: false });
    const d1 = await storedDeal("D1");
    expect(await testDb.db.select().from(stageChanges).where(eq(stageChanges.dealId, d1.id))).toHaveLength(0);

    // A webhook moved D2 and derived a change; then the CRM's history for the same move arrives.
    await applyDeals(testDb.db, source(), [deal("D2")]);
    await applyDeals(testDb.db, source(), [deal("D2", { stageExternalId: "EXECUTING", updatedAt: new Date("2025-03-02T10:00:00Z") })]);
    const history = await applyStageChanges(testDb.db, source(), [
      { externalId: "H1", dealExternalId: "D2", pipelineExternalId: "0", toStageExternalId: "NEW", changedAt: new Date("2025-03-01T10:00:00Z") },
      { externalId: "H2", dealExternalId: "D2", pipelineExternalId: "0", fromStageExternalId: "NEW", toStageExternalId: "EXECUTING", changedAt: new Date("2025-03-02T09:59:00Z") },
      { externalId: "H3", dealExternalId: "no-such-deal", pipelineExternalId: "0", toStageExternalId: "NEW", changedAt: new Date("2025-03-02T09:59:00Z") },
    ]);
    expect(history).toMatchObject({ inserted: 2, skipped: 1 });
    const d2 = await storedDeal("D2");
    const rows = await testDb.db.select().from(stageChanges).where(eq(stageChanges.dealId, d2.id)).orderBy(asc(stageChanges.changedAt));
    expect(rows.map((r) => r.externalId)).toEqual(["H1", "H2"]);
    const again = await applyStageChanges(testDb.db, source(), [
      { externalId: "H2", dealExternalId: "D2", pipelineExternalId: "0", fromStageExternalId: "NEW", toStageExternalId: "EXECUTING", changedAt: new Date("2025-03-02T09:59:00Z") },
    ]);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
  });

  it("makes a placeholder pipeline and stage for a deal in a stage it has not seen", async () => {
    await applyDeals(testDb.db, source(), [deal("E1", { pipelineExternalId: "7", stageExternalId: "C7:WON", stageSemantic: "won" })]);
    const e1 = await storedDeal("E1");
    const [stage] = await testDb.db.select().from(stages).where(eq(stages.id, e1.stageId));
    expect(stage).toMatchObject({ externalId: "C7:WON", semantic: "won" });
    const [pipeline] = await testDb.db.select().from(pipelines).where(eq(pipelines.id, e1.pipelineId));
    expect(pipeline.externalId).toBe("7");
  });

  it("writes 1,203 deals in chunks of 500 (500 + 500 + 203) and sums them exactly", async () => {
    const many = Array.from({ length: 1203 }, (_, i) => deal(`M${i + 1}`, { amount: `${i + 1}.01` }));
    const result = await applyDeals(testDb.db, source(), many, { deriveStageChanges: false });
    expect(result.inserted).toBe(1203);
    // Σ (i + 0.01) for i = 1..1203 = 1203 × 1204 / 2 + 1203 × 0.01 = 724 206 + 12.03 = 724 218.03
    const [{ total, count }] = await testDb.db
      .select({ total: sql<string>`sum(${deals.amount})::text`, count: sql<number>`count(*)::int` })
      .from(deals)
      .where(and(eq(deals.sourceId, f.source.id), sql`${deals.externalId} like 'M%'`));
    expect(count).toBe(1203);
    expect(total).toBe("724218.03");
  });

  it("deletes set deleted_at, once", async () => {
    await applyDeals(testDb.db, source(), [deal("F1"), deal("F2")]);
    expect(await markDeleted(testDb.db, source(), "deals", ["F1", "F1"])).toHaveLength(1);
    expect(await markDeleted(testDb.db, source(), "deals", ["F1"])).toHaveLength(0); // already deleted
    expect((await storedDeal("F1")).deletedAt).not.toBeNull();
    expect((await storedDeal("F2")).deletedAt).toBeNull();
  });
});

describe("attribution on arrival", () => {
  it("stamps each deal and lead with its traffic team and confidence as it is written", async () => {
    const [team] = await testDb.db.insert(trafficTeams).values({ orgId: f.org.id, name: "Kenesary", primarySourceCode: "fb_kenesary" }).returning();
    await testDb.db.insert(attributionRules).values({ orgId: f.org.id, teamId: team.id, field: "utm_campaign", match: "contains", pattern: "запуск", priority: 10 });
    await applyDeals(testDb.db, source(), [
      deal("T1", { utmSource: "FB_Kenesary" }), // the team's primary code, any case → high
      deal("T2", { utmSource: "instagram", utmCampaign: "Запуск_Весна" }), // the rule, Cyrillic case folded → medium
      deal("T3", { utmSource: "google", utmCampaign: "brand" }), // nothing matches → low, no team
    ]);
    await applyLeads(testDb.db, source(), [
      { externalId: "L-T1", title: "Lead", statusSemantic: "open", createdAt: new Date("2025-03-01T10:00:00Z"), utmCampaign: "запуск_осень" },
    ]);
    const attribution = async (id: string) => {
      const row = await storedDeal(id);
      return [row.trafficTeamId, row.attributionConfidence];
    };
    expect(await attribution("T1")).toEqual([team.id, "high"]);
    expect(await attribution("T2")).toEqual([team.id, "medium"]);
    expect(await attribution("T3")).toEqual([null, "low"]);
    const [lead] = await testDb.db.select().from(leads).where(and(eq(leads.sourceId, f.source.id), eq(leads.externalId, "L-T1")));
    expect([lead.trafficTeamId, lead.attributionConfidence]).toEqual([team.id, "medium"]);
  });
});
