// GET /api/reports/forecast with a trained win-probability model: the open pipeline is weighted by
// each deal's stored probability (basis "win-model"; deal_win_scores, scored in the background), a
// deal not scored yet by its stage's rate (and the answer counts them), and by stage rates when there
// is no such model.
import { TZDate } from "@date-fns/tz";
import { format, startOfMonth } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { dealWinScores, winModels, type WinModelParams } from "@/db/schema";
import { routeRequest } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import type { ForecastResult } from "@/lib/reports/revenue-forecast";
import { readModelWeights } from "@/lib/reports/forecast/model-weights";
import { resolvePeriod } from "@/lib/reports/filters";
import { scoreStaleDeals } from "@/lib/predict/scores";
import { GET } from "./route";

let testDb: TestDb;
let f: OrgFixture;
const token: Record<string, string> = {};
const zone = "Asia/Almaty";
const thisMonth = startOfMonth(new TZDate(Date.now(), zone));
const M = format(thisMonth, "yyyy-MM");

async function forecastOf(who: string): Promise<ForecastResult> {
  const response = await GET(routeRequest("/api/reports/forecast", { as: { token: token[who] } }), { params: Promise.resolve({ report: "forecast" }) });
  expect(response.status).toBe(200);
  return response.json();
}
function contextOf() {
  const now = new Date();
  return { db: testDb.db, scope: { kind: "org" as const, orgId: f.org.id }, org: { baseCurrency: "KZT", timezone: zone }, filters: {}, period: resolvePeriod({}, zone, now), now };
}
const pipelineIn = (body: ForecastResult, month: string) => body.rows.find((row) => row.month === month)?.pipeline;

/**
 * A logistic model whose only non-zero weight is "the manager is alice" = ln(1/3) (intercept 0):
 * alice's deals get 1 / (1 + 3) = 0.25, everyone else's 1 / (1 + 1) = 0.5.
 */
function modelParams(aliceCrmId: string): WinModelParams {
  const names = ["log1p(ageDays)", "log1p(daysInStage)", "log1p(touches)", "log1p(daysSinceTouch)", "log1p(amount)", "stageRank", "stageUnknown"];
  return {
    kind: "logistic",
    numeric: { names, means: names.map(() => 0), stds: names.map(() => 1) },
    categories: { pipeline: [], source: [], manager: [aliceCrmId] },
    weights: [0, ...names.map(() => 0), Math.log(1 / 3)],
  };
}
const model = (version: number, kind: "logistic" | "stage-rate", params: WinModelParams) => ({
  orgId: f.org.id, version, kind, trainedAt: new Date(thisMonth.getTime() + 3_600_000), closedDeals: 500, trainRows: 400, testRows: 100, params,
});

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  // Two open deals created this month (M); with no won deals the mean time to close is unknown (0
  // months), so both are expected to close in M.
  const createdAt = new Date(thisMonth.getTime() + 2 * 3_600_000).toISOString();
  await f.addDeal({ manager: "alice", stage: "NEW", amount: "100000", createdAt });
  await f.addDeal({ manager: "bob", stage: "EXECUTING", amount: "40000", createdAt });
  for (const who of ["admin", "bob"] as const) token[who] = (await createApiToken(testDb.db, { orgId: f.org.id, userId: f.users[who].id }, "test")).token;
}, 120_000);
afterAll(() => testDb.close());

describe("the forecast's pipeline weighting", () => {
  it("uses stage win rates without a model, and says so", async () => {
    const body = await forecastOf("admin");
    // No deal has closed: neither stage has a rate, so the pipeline weighs nothing.
    expect(body.pipeline).toMatchObject({ basis: "stage-win-rate", model: null, weightedAmount: "0.00" });
  });

  it("keeps stage rates when the newest model is itself the stage-rate fallback (too few closed deals)", async () => {
    await testDb.db.insert(winModels).values(model(1, "stage-rate", { kind: "stage-rate", rates: {}, overall: 0.9 }));
    expect((await forecastOf("admin")).pipeline).toMatchObject({ basis: "stage-win-rate", model: null });
  });

  it("until the deals are scored, weights them by their stage's rate and says how many were not scored", async () => {
    await testDb.db.insert(winModels).values(model(2, "logistic", modelParams(f.crmUsers.alice.id)));
    const admin = await forecastOf("admin");
    // No deal has closed, so every stage's rate is 0: 100 000 × 0 + 40 000 × 0 = 0.
    expect(admin.pipeline).toMatchObject({ basis: "win-model", model: { version: 2, deals: 2, fallback: 2 }, weightedAmount: "0.00" });
    // With a rate of 0.1 for NEW and 0.3 for EXECUTING: 100 000 × 0.1 + 40 000 × 0.3 = 22 000.
    const rates = new Map([[f.stages.NEW.id, 0.1], [f.stages.EXECUTING.id, 0.3]]);
    const weights = await readModelWeights(contextOf(), rates);
    expect(weights).toMatchObject({ deals: 2, fallback: 2 });
    expect(weights!.cohorts).toEqual([{ month: M, amount: 140_000, weighted: 22_000 }]);
  });

  it("weights each open deal by its stored probability: 100 000 × 0.25 + 40 000 × 0.5 = 45 000 in month M", async () => {
    expect(await scoreStaleDeals(testDb.db, f.org.id)).toMatchObject({ modelVersion: 2, scored: 2, removed: 0, isComplete: true });
    const stored = await testDb.db.select({ probability: dealWinScores.probability, version: dealWinScores.modelVersion }).from(dealWinScores).where(and(eq(dealWinScores.orgId, f.org.id), eq(dealWinScores.modelVersion, 2)));
    expect(stored.map((row) => row.probability).sort()).toEqual([0.25, 0.5]);
    const admin = await forecastOf("admin");
    expect(admin.pipeline).toMatchObject({ basis: "win-model", model: { version: 2, deals: 2, fallback: 0 }, weightedAmount: "45000.00" });
    expect(pipelineIn(admin, M)).toBe("45000.00");
    // bob sees his own deal only: 40 000 × 0.5 = 20 000.
    const bob = await forecastOf("bob");
    expect(bob.pipeline).toMatchObject({ basis: "win-model", model: { deals: 1, fallback: 0 }, weightedAmount: "20000.00" });
    expect(pipelineIn(bob, M)).toBe("20000.00");
  });

  it("a deal added after scoring counts at its stage's rate until the next scoring: 45 000 + 10 000 × 0 = 45 000, then + 10 000 × 0.5 = 50 000", async () => {
    await f.addDeal({ manager: "bob", stage: "NEW", amount: "10000", createdAt: new Date(thisMonth.getTime() + 3 * 3_600_000).toISOString() });
    expect((await forecastOf("admin")).pipeline).toMatchObject({ model: { deals: 3, fallback: 1 }, weightedAmount: "45000.00" });
    // Only the new deal is stale: the other two keep their scores.
    expect(await scoreStaleDeals(testDb.db, f.org.id)).toMatchObject({ scored: 1, removed: 0 });
    expect((await forecastOf("admin")).pipeline).toMatchObject({ model: { deals: 3, fallback: 0 }, weightedAmount: "50000.00" });
  });
});
