import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { addDealIn, addPipeline, addStageChange } from "@/db/test/report-fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { resolvePeriod, type ReportFilters } from "./filters";
import { getSalesFunnel } from "./sales-funnel";

let testDb: TestDb;
let f: OrgFixture;
let shop: Awaited<ReturnType<typeof addPipeline>>;
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" }; // UTC+5
const now = new Date("2025-03-31T05:00:00Z");

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  const other = await createOrgFixture(testDb.db);
  const { NEW, EXECUTING, WON } = f.stages;
  const move = (dealId: string, stage: { id: string }, at: string) => addStageChange(testDb.db, f, { dealId, toStageId: stage.id, at });
  await f.addRate("USD", "2025-03-01", "500");
  await f.addRate("USD", "2025-03-05", "510");
  // d1 (alice): NEW 1 March → EXECUTING 3 March → WON 8 March; 200 $ at the rate of 8 March (510) = 102 000 ₸
  const d1 = await f.addDeal({ manager: "alice", stage: "WON", amount: "200", currency: "USD", createdAt: "2025-03-01T05:00:00Z", closedAt: "2025-03-08T05:00:00Z" });
  await move(d1.id, NEW, "2025-03-01T05:00:00Z");
  await move(d1.id, EXECUTING, "2025-03-03T05:00:00Z");
  await move(d1.id, WON, "2025-03-08T05:00:00Z");
  // d2 (bob): NEW 2 March → EXECUTING 6 March, still there; 200 $ open: rate of its creation day (500) = 100 000 ₸
  const d2 = await f.addDeal({ manager: "bob", stage: "EXECUTING", amount: "200", currency: "USD", createdAt: "2025-03-02T05:00:00Z" });
  await move(d2.id, NEW, "2025-03-02T05:00:00Z");
  await move(d2.id, EXECUTING, "2025-03-06T05:00:00Z");
  // d3 (carol): lost, no recorded change: its current stage LOSE at its creation (4 March) stands in
  await f.addDeal({ manager: "carol", stage: "LOSE", amount: "30000", createdAt: "2025-03-04T05:00:00Z", closedAt: "2025-03-10T05:00:00Z" });
  // d4 (alice): NEW, no recorded change: in NEW since 5 March
  await f.addDeal({ manager: "alice", stage: "NEW", amount: "40000", createdAt: "2025-03-05T05:00:00Z" });
  // d5: deleted, counts nowhere
  const d5 = await f.addDeal({ manager: "alice", stage: "EXECUTING", amount: "999999", createdAt: "2025-03-02T05:00:00Z", deletedAt: "2025-03-20T05:00:00Z" });
  await move(d5.id, NEW, "2025-03-02T05:00:00Z");
  await move(d5.id, EXECUTING, "2025-03-03T05:00:00Z");
  // d6 (bob): created in February; EXECUTING at 28 February 20:00 UTC = 1 March 01:00 in Almaty, in the period
  const d6 = await f.addDeal({ manager: "bob", stage: "EXECUTING", amount: "5000", createdAt: "2025-02-10T05:00:00Z" });
  await move(d6.id, NEW, "2025-02-10T05:00:00Z");
  await move(d6.id, EXECUTING, "2025-02-28T20:00:00Z");
  // d7 (bob): NEW at 28 February 18:00 UTC = 23:00 in Almaty, before the period
  const d7 = await f.addDeal({ manager: "bob", stage: "NEW", amount: "6000", createdAt: "2025-02-28T18:00:00Z" });
  await move(d7.id, NEW, "2025-02-28T18:00:00Z");
  // A second pipeline: carol's deal paid in March, no recorded change
  shop = await addPipeline(testDb.db, f, "Shop", [["CART", "open"], ["PAID", "won"]]);
  await addDealIn(testDb.db, f, { pipelineId: shop.pipeline.id, stageId: shop.stages.PAID.id, manager: "carol", amount: "5000", createdAt: "2025-03-10T05:00:00Z", closedAt: "2025-03-11T05:00:00Z" });
  await other.addDeal({ manager: "alice", stage: "NEW", amount: "1", createdAt: "2025-03-10T05:00:00Z" });
});
afterAll(() => testDb.close());

function run(who: "admin" | "director" | "alice", filters: ReportFilters = {}) {
  const user = f.users[who];
  const range = { from: "2025-03-01", to: "2025-03-31", ...filters };
  return getSalesFunnel({ db: testDb.db, scope: scopeOf({ ...user, userId: user.id }), org, filters: range, period: resolvePeriod(range, org.timezone, now), now });
}

const pick = (rows: Awaited<ReturnType<typeof getSalesFunnel>>["rows"], ...keys: string[]) =>
  rows.map((row) => Object.fromEntries([["stage", row.stageName], ...keys.map((key) => [key, row[key as keyof typeof row]])]));

describe("sales funnel", () => {
  it("counts deals created in the period by their current stage, in ₸", async () => {
    const { rows } = await run("admin");
    expect(pick(rows, "position", "semantic", "currentCount", "currentAmount")).toEqual([
      // d4 only: d7 and d6 were created in February, d5 is deleted
      { stage: "NEW", position: 1, semantic: "open", currentCount: 1, currentAmount: "40000.00" },
      // d2: 200 $ × 500 (its creation day's rate) = 100 000 ₸
      { stage: "EXECUTING", position: 2, semantic: "open", currentCount: 1, currentAmount: "100000.00" },
      // d1: 200 $ × 510 (its close day's rate) = 102 000 ₸
      { stage: "WON", position: 3, semantic: "won", currentCount: 1, currentAmount: "102000.00" },
      { stage: "LOSE", position: 4, semantic: "lost", currentCount: 1, currentAmount: "30000.00" },
      { stage: "CART", position: 1, semantic: "open", currentCount: 0, currentAmount: "0.00" },
      { stage: "PAID", position: 2, semantic: "won", currentCount: 1, currentAmount: "5000.00" },
    ]);
    expect(rows[0]).toMatchObject({ pipelineId: f.pipeline.id, pipelineName: "General", stageId: f.stages.NEW.id });
  });

  it("counts deals that reached each stage, passing through earlier open stages, with conversions", async () => {
    const { rows } = await run("admin");
    expect(pick(rows, "reachedCount", "conversionFromPrevious", "conversionFromFirst")).toEqual([
      // d1, d2 and d4 entered NEW in March; d6 entered EXECUTING, so it passed NEW too: 4 (d7 entered before, d5 is deleted)
      { stage: "NEW", reachedCount: 4, conversionFromPrevious: null, conversionFromFirst: 1 },
      // d1, d2, d6: 3 ÷ 4
      { stage: "EXECUTING", reachedCount: 3, conversionFromPrevious: 0.75, conversionFromFirst: 0.75 },
      // d1: 1 ÷ 3 (EXECUTING, the previous open stage), 1 ÷ 4 (NEW)
      { stage: "WON", reachedCount: 1, conversionFromPrevious: 0.3333, conversionFromFirst: 0.25 },
      // d3, through its stand-in: its current stage at its creation
      // (lost deals leave from any stage: no conversion "from the previous stage")
      { stage: "LOSE", reachedCount: 1, conversionFromPrevious: null, conversionFromFirst: 0.25 },
      // the shop deal went straight to PAID (won): a won deal has passed every open stage, so CART counts it
      { stage: "CART", reachedCount: 1, conversionFromPrevious: null, conversionFromFirst: 1 },
      { stage: "PAID", reachedCount: 1, conversionFromPrevious: 1, conversionFromFirst: 1 },
    ]);
  });

  it("averages the days of stays that began in the period, until the next change or now", async () => {
    const { rows } = await run("admin");
    expect(pick(rows, "averageDaysInStage")).toEqual([
      // d1 2 days, d2 4 days, d4 26 days (5 → 31 March, now): 32 ÷ 3 = 10.7
      { stage: "NEW", averageDaysInStage: 10.7 },
      // d1 5 days, d2 25 days (until now), d6 30.375 days (28 Feb 20:00 → 31 Mar 05:00): 60.375 ÷ 3 = 20.1
      { stage: "EXECUTING", averageDaysInStage: 20.1 },
      { stage: "WON", averageDaysInStage: null },
      { stage: "LOSE", averageDaysInStage: null },
      { stage: "CART", averageDaysInStage: null },
      { stage: "PAID", averageDaysInStage: null },
    ]);
  });

  it("totals the deals won and lost in the period per pipeline", async () => {
    const { totals } = await run("admin");
    expect(totals).toEqual([
      { pipelineId: f.pipeline.id, wonCount: 1, lostCount: 1 }, // d1 won, d3 lost
      { pipelineId: shop.pipeline.id, wonCount: 1, lostCount: 0 },
    ]);
  });

  it("filters by pipeline", async () => {
    const report = await run("admin", { pipelineId: shop.pipeline.id });
    expect(report.rows.map((row) => row.stageName)).toEqual(["CART", "PAID"]);
    expect(report.totals).toEqual([{ pipelineId: shop.pipeline.id, wonCount: 1, lostCount: 0 }]);
  });

  it("shows a manager their own deals and a director their department", async () => {
    const alice = await run("alice");
    // alice: d1 (NEW → EXECUTING → WON) and d4 (NEW)
    expect(pick(alice.rows, "currentCount", "reachedCount").slice(0, 4)).toEqual([
      { stage: "NEW", currentCount: 1, reachedCount: 2 },
      { stage: "EXECUTING", currentCount: 0, reachedCount: 1 },
      { stage: "WON", currentCount: 1, reachedCount: 1 },
      { stage: "LOSE", currentCount: 0, reachedCount: 0 },
    ]);
    expect(alice.totals[0]).toEqual({ pipelineId: f.pipeline.id, wonCount: 1, lostCount: 0 });
    // director (Sales: alice and bob): the same NEW/EXECUTING figures, but not carol's lost deal nor her shop sale
    const director = await run("director");
    expect(pick(director.rows, "reachedCount").map((row) => row.reachedCount)).toEqual([4, 3, 1, 0, 0, 0]);
    expect(director.totals).toEqual([
      { pipelineId: f.pipeline.id, wonCount: 1, lostCount: 0 },
      { pipelineId: shop.pipeline.id, wonCount: 0, lostCount: 0 },
    ]);
  });
});
