// The report facts kept current on write: after a mix of inserts, edits and soft deletes refreshed
// row by row, the rollups hold exactly what a rebuild from scratch computes, and the reports follow.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrapDatabase } from "@/db/bootstrap";
import { selectRows } from "@/db/migrate";
import { activities, deals, leads, reportDealFacts, reportFactState } from "@/db/schema";
import { addActivity, addDealFromLead, addSourcedLead } from "@/db/test/activity-fixtures";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { addStageChange } from "@/db/test/report-fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { resolvePeriod } from "../filters";
import { getLeadConversion } from "../lead-conversion";
import { getManagerActivity } from "../manager-activity";
import { getSalesFunnel } from "../sales-funnel";
import { getSalesByMonth } from "../sales-by-month";
import { organisationsWithoutFacts, rebuildReportFacts, refreshReportFacts } from "./refresh";

let testDb: TestDb;
let f: OrgFixture;
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };
const now = new Date("2025-04-10T09:00:00Z");
const march = { from: "2025-03-01", to: "2025-03-31" };

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
});
afterAll(() => testDb.close());

function context() {
  const user = f.users.admin;
  return { db: testDb.db, scope: scopeOf({ ...user, userId: user.id }), org, filters: march, period: resolvePeriod(march, org.timezone, now), now };
}

/** Every rollup row of the organisation, in a fixed order, as text. */
async function rollups(orgId: string) {
  const out: Record<string, unknown[]> = {};
  for (const table of ["report_deal_daily", "report_stage_daily", "report_lead_daily", "report_activity_daily", "report_stage_gaps"]) {
    out[table] = await selectRows(testDb.db, sql`select t.*, null as org_id from ${sql.raw(table)} t where t.org_id = ${orgId} order by t::text`);
  }
  return out;
}

describe("report facts", () => {
  it("keeps the rollups equal to a rebuild through inserts, edits and soft deletes", async () => {
    const db = testDb.db;
    const won = await f.addDeal({ manager: "alice", stage: "NEW", amount: "100000", createdAt: "2025-03-02T05:00:00Z" });
    await addStageChange(db, f, { dealId: won.id, toStageId: f.stages.NEW.id, at: "2025-03-02T05:00:00Z" });
    const lost = await f.addDeal({ manager: "bob", stage: "EXECUTING", amount: "40000", createdAt: "2025-03-03T05:00:00Z" });
    const lead = await addSourcedLead(db, f, { manager: "carol", createdAt: "2025-03-01T05:00:00Z", channel: "Сайт" });
    const fromLead = await addDealFromLead(db, f, lead, { manager: "carol", stage: "NEW", amount: "5000", createdAt: "2025-03-04T05:00:00Z" });
    const call = await addActivity(db, f, { manager: "alice", type: "call", startAt: "2025-03-05T05:00:00Z", durationSeconds: 120 });
    await addActivity(db, f, { manager: "alice", type: "email", startAt: "2025-03-05T06:00:00Z" });

    // The first deal is won on 9 March and moves from alice to bob; the second is lost.
    await db.update(deals).set({ stageId: f.stages.WON.id, closedAt: new Date("2025-03-09T05:00:00Z"), crmUserId: f.crmUsers.bob.id }).where(eq(deals.id, won.id));
    await addStageChange(db, f, { dealId: won.id, toStageId: f.stages.WON.id, at: "2025-03-09T05:00:00Z" });
    await db.update(deals).set({ stageId: f.stages.LOSE.id, closedAt: new Date("2025-03-10T05:00:00Z") }).where(eq(deals.id, lost.id));
    await refreshReportFacts(db, f.org.id, { dealIds: [lost.id] });
    // The lead's only deal and the call are deleted.
    await db.update(deals).set({ deletedAt: new Date("2025-03-11T05:00:00Z") }).where(eq(deals.id, fromLead.id));
    await db.update(activities).set({ deletedAt: new Date("2025-03-11T05:00:00Z") }).where(eq(activities.id, call.id));
    await refreshReportFacts(db, f.org.id, { dealIds: [fromLead.id], activityIds: [call.id] });

    const incremental = await rollups(f.org.id);
    await rebuildReportFacts(db, f.org.id);
    expect(await rollups(f.org.id)).toEqual(incremental);

    const sales = await getSalesByMonth(context());
    // only the first deal is won: 100 000 ₸ in March
    expect(sales.totals).toMatchObject({ wonCount: 1, wonAmount: "100000.00" });
    const activity = await getManagerActivity(context());
    // bob now holds the won deal and the lost one: 1 ÷ (1 + 1); alice keeps her e-mail, the call is gone
    expect(activity.rows.map((row) => [row.managerName, row.calls, row.emails, row.dealsWon, row.winRate])).toEqual([
      ["alice", 0, 1, 0, null],
      ["bob", 0, 0, 1, 0.5],
    ]);
    // the lead's only deal was deleted: it is no longer converted
    const leadsReport = await getLeadConversion(context());
    expect(leadsReport.totals).toEqual({ leads: 1, converted: 0, conversionRate: 0, medianDaysToConvert: null });
  });

  it("drops a lead's facts when it is deleted and ignores an empty change", async () => {
    const db = testDb.db;
    const lead = await addSourcedLead(db, f, { manager: "alice", createdAt: "2025-03-20T05:00:00Z", channel: "Звонок", status: "converted", convertedAt: "2025-03-22T05:00:00Z" });
    // the earlier test's lead (not converted) and this one (converted 2 days later): 1 of 2
    expect((await getLeadConversion(context())).totals).toEqual({ leads: 2, converted: 1, conversionRate: 0.5, medianDaysToConvert: 2 });
    await db.update(leads).set({ deletedAt: new Date("2025-03-25T05:00:00Z") }).where(eq(leads.id, lead.id));
    await refreshReportFacts(db, f.org.id, {});
    expect((await getLeadConversion(context())).totals.leads).toBe(2);
    await refreshReportFacts(db, f.org.id, { leadIds: [lead.id] });
    expect((await getLeadConversion(context())).totals).toEqual({ leads: 1, converted: 0, conversionRate: 0, medianDaysToConvert: null });
  });

  it("counts a deal in the funnel once when it reached a stage in the period, and not when it only went round it", async () => {
    const db = testDb.db;
    const g = await createOrgFixture(db);
    const { NEW, EXECUTING } = g.stages;
    // X: NEW on 1 February, EXECUTING on 2 February (so NEW passed again), back to NEW on 10 April:
    // its days of reaching NEW are 1 Feb, 2 Feb and 10 Apr, none in March.
    const x = await g.addDeal({ manager: "alice", stage: "NEW", amount: "1000", createdAt: "2025-02-01T05:00:00Z" });
    await addStageChange(db, g, { dealId: x.id, toStageId: NEW.id, at: "2025-02-01T05:00:00Z" });
    await addStageChange(db, g, { dealId: x.id, toStageId: EXECUTING.id, at: "2025-02-02T05:00:00Z" });
    await addStageChange(db, g, { dealId: x.id, toStageId: NEW.id, at: "2025-04-10T05:00:00Z" });
    // Y: NEW on 5 March, no recorded change.
    await g.addDeal({ manager: "bob", stage: "NEW", amount: "1000", createdAt: "2025-03-05T05:00:00Z" });
    const reached = async (filters: { from: string; to: string }) => {
      const user = g.users.admin;
      const funnel = await getSalesFunnel({ ...context(), scope: scopeOf({ ...user, userId: user.id }), filters, period: resolvePeriod(filters, org.timezone, now) });
      return funnel.rows.map((row) => [row.stageName, row.reachedCount]);
    };
    // March: only Y reached NEW; X's gap (2 Feb → 10 Apr) spans the whole month
    expect(await reached(march)).toEqual([["NEW", 1], ["EXECUTING", 0], ["WON", 0], ["LOSE", 0]]);
    // February to April: X (once, though on three days) and Y reached NEW; X reached EXECUTING
    expect(await reached({ from: "2025-02-01", to: "2025-04-30" })).toEqual([["NEW", 2], ["EXECUTING", 1], ["WON", 0], ["LOSE", 0]]);
    // 3 February to 9 April: X only inside its gap, Y on 5 March
    expect(await reached({ from: "2025-02-03", to: "2025-04-09" })).toEqual([["NEW", 1], ["EXECUTING", 0], ["WON", 0], ["LOSE", 0]]);
    // 10 April alone: X came back to NEW that day
    expect(await reached({ from: "2025-04-10", to: "2025-04-10" })).toEqual([["NEW", 1], ["EXECUTING", 0], ["WON", 0], ["LOSE", 0]]);
  });

  it("rejects ids that are not row ids, and ignores another organisation's rows", async () => {
    await expect(refreshReportFacts(testDb.db, f.org.id, { dealIds: ["1,2}"] })).rejects.toThrow(/not a row id/);
    const other = await createOrgFixture(testDb.db);
    const foreign = await other.addDeal({ manager: "alice", stage: "WON", amount: "300", createdAt: "2025-03-01T05:00:00Z", closedAt: "2025-03-02T05:00:00Z" });
    const before = [await rollups(f.org.id), await rollups(other.org.id)];
    // a writer naming the wrong organisation: neither organisation's facts change
    await refreshReportFacts(testDb.db, f.org.id, { dealIds: [foreign.id] });
    expect([await rollups(f.org.id), await rollups(other.org.id)]).toEqual(before);
    expect(await testDb.db.$count(reportDealFacts, eq(reportDealFacts.dealId, foreign.id))).toBe(1);
  });

  it("builds the facts of organisations that have none when the app starts", async () => {
    const bare = await createOrgFixture(testDb.db);
    // the fixture's org has no rows yet and so no facts; a deal written behind the facts' back
    await testDb.db.insert(deals).values({
      orgId: bare.org.id,
      sourceId: bare.source.id,
      externalId: "X1",
      title: "Imported before the facts existed",
      pipelineId: bare.pipeline.id,
      stageId: bare.stages.WON.id,
      amount: "7000",
      currency: "KZT",
      crmUserId: bare.crmUsers.alice.id,
      createdAt: new Date("2025-03-01T05:00:00Z"),
      closedAt: new Date("2025-03-02T05:00:00Z"),
    });
    expect(await organisationsWithoutFacts(testDb.db)).toContain(bare.org.id);
    expect(await bootstrapDatabase(testDb.db, { seedDemo: false, org: { name: "x" } })).toBe("nothing-to-do");
    expect(await organisationsWithoutFacts(testDb.db)).not.toContain(bare.org.id);
    expect(await testDb.db.$count(reportFactState, eq(reportFactState.orgId, bare.org.id))).toBe(1);
    const user = bare.users.admin;
    const sales = await getSalesByMonth({ ...context(), scope: scopeOf({ ...user, userId: user.id }) });
    expect(sales.totals).toMatchObject({ wonCount: 1, wonAmount: "7000.00" });
    // On the shared PostgreSQL of a full test run, start-up builds the facts of every other test
    // file's organisations too (hundreds, each now with its traffic rollups, while those files run):
    // it took over 120 s once on a loaded machine, so give it 300 s.
  }, 300_000);
});
