// Stored win probabilities: the background scores open deals once, again only what changed (a
// deal's activity, a new model, a day gone by), drops the score of a deal that closed; the deal card
// and the deals list read what is stored, and a deal not scored yet shows none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { deals, dealWinScores, winModels, type WinModelParams } from "@/db/schema";
import { addDealActivity } from "@/db/test/deal-fixtures";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { getDealCard } from "@/lib/deals/deal-card";
import { dealListFiltersSchema, listDeals } from "@/lib/deals/deal-list";
import { refreshReportFacts } from "@/lib/reports/facts/refresh";
import { isTraining, requestWinScoring, startModelTraining, stopModelTraining } from "./background";
import { RESCORE_AFTER_MS, scoreStaleDeals } from "./scores";

let testDb: TestDb;
let f: OrgFixture;
const ids: Record<"a" | "b" | "c", string> = { a: "", b: "", c: "" };
const T0 = new Date("2026-03-10T06:00:00Z");
const viewer = (who: "admin" | "alice") => scopeOf({ ...f.users[who], userId: f.users[who].id });

/** Intercept ln(1/3) and nothing else: every open deal gets 1 / (1 + 3) = 0.25. */
const NAMES = ["log1p(ageDays)", "log1p(daysInStage)", "log1p(touches)", "log1p(daysSinceTouch)", "log1p(amount)", "stageRank", "stageUnknown"];
function params(intercept: number): WinModelParams {
  return { kind: "logistic", numeric: { names: NAMES, means: NAMES.map(() => 0), stds: NAMES.map(() => 1) }, categories: { pipeline: [], source: [], manager: [] }, weights: [intercept, ...NAMES.map(() => 0)] };
}
const addModel = (version: number, intercept: number) =>
  testDb.db.insert(winModels).values({ orgId: f.org.id, version, kind: "logistic", trainedAt: T0, closedDeals: 500, trainRows: 400, testRows: 100, params: params(intercept) });

async function stored(): Promise<Record<string, { p: number; v: number; at: string }>> {
  const rows = await testDb.db.select().from(dealWinScores).where(eq(dealWinScores.orgId, f.org.id));
  const name = (dealId: string) => Object.entries(ids).find(([, id]) => id === dealId)?.[0] ?? dealId;
  return Object.fromEntries(rows.map((row) => [name(row.dealId), { p: row.probability, v: row.modelVersion, at: row.scoredAt.toISOString() }]));
}

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  ids.a = (await f.addDeal({ manager: "alice", stage: "NEW", amount: "100000", createdAt: "2026-03-01T06:00:00Z" })).id;
  ids.b = (await f.addDeal({ manager: "bob", stage: "EXECUTING", amount: "40000", createdAt: "2026-03-02T06:00:00Z" })).id;
  ids.c = (await f.addDeal({ manager: "alice", stage: "NEW", amount: "10000", createdAt: "2026-03-03T06:00:00Z" })).id;
  await f.addDeal({ manager: "alice", stage: "WON", amount: "5000", createdAt: "2026-02-01T06:00:00Z", closedAt: "2026-02-10T06:00:00Z" });
}, 120_000);
afterAll(() => testDb.close());

describe("scoring open deals into deal_win_scores", () => {
  it("scores nothing before there is a model", async () => {
    expect(await scoreStaleDeals(testDb.db, f.org.id, { now: T0 })).toEqual({ modelVersion: null, scored: 0, removed: 0, isComplete: true });
  });

  it("scores the 3 open deals (not the won one) at 0.25 each, in batches, and then has nothing stale", async () => {
    await addModel(1, Math.log(1 / 3));
    // Batches of 2: 2 + 1 deals.
    expect(await scoreStaleDeals(testDb.db, f.org.id, { now: T0, batch: 2 })).toEqual({ modelVersion: 1, scored: 3, removed: 0, isComplete: true });
    const at = T0.toISOString();
    expect(await stored()).toEqual({ a: { p: 0.25, v: 1, at }, b: { p: 0.25, v: 1, at }, c: { p: 0.25, v: 1, at } });
    expect(await scoreStaleDeals(testDb.db, f.org.id, { now: new Date(T0.getTime() + 60_000) })).toMatchObject({ scored: 0 });
  });

  it("rescores only the deal that changed: a call on deal a", async () => {
    await addDealActivity(testDb.db, f, ids.a, { type: "call", startAt: "2026-03-10T07:00:00Z" });
    const T1 = new Date(T0.getTime() + 2 * 3_600_000);
    expect(await scoreStaleDeals(testDb.db, f.org.id, { now: T1 })).toMatchObject({ scored: 1 });
    const after = await stored();
    expect([after.a.at, after.b.at, after.c.at]).toEqual([T1.toISOString(), T0.toISOString(), T0.toISOString()]);
  });

  it("rescores every open deal when a new model version comes, and drops the score of a deal that was won", async () => {
    await addModel(2, 0); // intercept 0: 1 / (1 + 1) = 0.5
    await testDb.db.update(deals).set({ stageId: f.stages.WON.id, closedAt: new Date("2026-03-10T08:00:00Z") }).where(and(eq(deals.orgId, f.org.id), eq(deals.id, ids.c)));
    await refreshReportFacts(testDb.db, f.org.id, { dealIds: [ids.c] });
    const T2 = new Date(T0.getTime() + 3 * 3_600_000);
    expect(await scoreStaleDeals(testDb.db, f.org.id, { now: T2 })).toEqual({ modelVersion: 2, scored: 2, removed: 1, isComplete: true });
    const at = T2.toISOString();
    expect(await stored()).toEqual({ a: { p: 0.5, v: 2, at }, b: { p: 0.5, v: 2, at } });
  });

  it("rescores a deal whose score is a day old (its age has grown), not one 23 h old", async () => {
    const T2 = new Date(T0.getTime() + 3 * 3_600_000);
    expect(await scoreStaleDeals(testDb.db, f.org.id, { now: new Date(T2.getTime() + RESCORE_AFTER_MS - 3_600_000) })).toMatchObject({ scored: 0 });
    expect(await scoreStaleDeals(testDb.db, f.org.id, { now: new Date(T2.getTime() + RESCORE_AFTER_MS + 60_000) })).toMatchObject({ scored: 2 });
  });

  it("stops at its time budget and says the pass is not complete", async () => {
    await testDb.db.delete(dealWinScores).where(eq(dealWinScores.orgId, f.org.id));
    expect(await scoreStaleDeals(testDb.db, f.org.id, { budgetMs: 0 })).toMatchObject({ scored: 0, isComplete: false });
  });
});

describe("reading the stored scores", () => {
  it("the deal card and the deals list show the stored probability, and none for a deal not scored yet", async () => {
    // The previous test left no score: deal a shows none until the background scores it.
    expect((await getDealCard(testDb.db, viewer("alice"), ids.a)).winProbability).toBeNull();
    startModelTraining(async () => testDb.db, { sweepMs: 0 });
    try {
      requestWinScoring(f.org.id);
      for (let i = 0; i < 200 && isTraining(f.org.id); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    } finally {
      stopModelTraining();
    }
    expect((await getDealCard(testDb.db, viewer("alice"), ids.a)).winProbability).toMatchObject({ probability: 0.5, modelVersion: 2, kind: "logistic", trainedAt: T0 });
    const page = await listDeals(testDb.db, viewer("admin"), dealListFiltersSchema.parse({ sort: "created", order: "asc", preset: "all-time" }), { limit: 10 });
    // The won deals have none; the open ones 0.5.
    expect(page.deals.map((deal) => [deal.amount, deal.winProbability])).toEqual([
      ["5000.00", null],
      ["100000.00", 0.5],
      ["40000.00", 0.5],
      ["10000.00", null],
    ]);
  });
});
