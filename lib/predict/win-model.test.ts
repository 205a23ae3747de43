// The win-probability model on deals whose outcome the test decides: features read as of the
// middle of a deal's life (never after it), a model that finds a real signal and says how well it
// did on the later deals it had not seen, and the stage-rate fallback with too few closed deals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities, deals, stageChanges } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { closedDealFeatures, openDealFeatures } from "./features";
import { auc, brier, calibration } from "./metrics";
import { isTraining, requestModelTraining, startModelTraining, stopModelTraining } from "./background";
import { latestWinModel, trainWinModel } from "./train";
import { predict } from "./win-model";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

const DAY = 86_400_000;
let counter = 0;

/** One deal with its stage moves and activities, written directly (the model reads raw tables). */
async function addDeal(f: OrgFixture, deal: { createdAt: Date; closedAt?: Date; outcome: "WON" | "LOSE" | "NEW" | "EXECUTING"; moves: [Date, "EXECUTING" | "WON" | "LOSE"][]; touches: Date[]; amount?: string }) {
  const n = ++counter;
  const [row] = await testDb.db
    .insert(deals)
    .values({ orgId: f.org.id, sourceId: f.source.id, externalId: `m${n}`, title: `Deal ${n}`, pipelineId: f.pipeline.id, stageId: f.stages[deal.outcome].id, amount: deal.amount ?? "100000", currency: "KZT", crmUserId: f.crmUsers.alice.id, createdAt: deal.createdAt, closedAt: deal.closedAt ?? null })
    .returning();
  if (deal.moves.length)
    await testDb.db.insert(stageChanges).values(deal.moves.map(([at, to], i) => ({ orgId: f.org.id, sourceId: f.source.id, externalId: `m${n}-${i}`, dealId: row.id, toStageId: f.stages[to].id, changedAt: at })));
  if (deal.touches.length)
    await testDb.db.insert(activities).values(deal.touches.map((at, i) => ({ orgId: f.org.id, sourceId: f.source.id, externalId: `m${n}-a${i}`, type: "call" as const, dealId: row.id, startAt: at })));
  return row;
}

/** A small deterministic random source, so every run sees the same deals. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * `count` deals closed over 2025, each living 20 days. Those the manager touched on many days by
 * mid-life mostly win (80 %), those touched once or never mostly lose (80 %).
 */
async function closedDeals(f: OrgFixture, count: number, seed: number) {
  const next = random(seed);
  for (let i = 0; i < count; i++) {
    const createdAt = new Date(Date.UTC(2025, 0, 1) + Math.floor((i * 330) / count) * DAY);
    const busy = next() < 0.5;
    const won = busy ? next() < 0.8 : next() < 0.2;
    const touchDays = busy ? [1, 3, 5, 7, 9] : next() < 0.5 ? [2] : [];
    await addDeal(f, {
      createdAt,
      closedAt: new Date(createdAt.getTime() + 20 * DAY),
      outcome: won ? "WON" : "LOSE",
      moves: [
        [new Date(createdAt.getTime() + 4 * DAY), "EXECUTING"],
        [new Date(createdAt.getTime() + 20 * DAY), won ? "WON" : "LOSE"],
      ],
      // Touches after mid-life say nothing the model may learn from: every deal gets ten of them.
      touches: [...touchDays, 11, 12, 13, 14, 15, 16, 17, 18, 19, 19.5].map((d) => new Date(createdAt.getTime() + d * DAY)),
    });
  }
}

describe("a deal's features", () => {
  it("are read as of the middle of a closed deal's life: the stage, touches and days it had then, nothing later", async () => {
    const f = await createOrgFixture(testDb.db);
    const created = new Date("2025-03-01T09:00:00Z");
    await addDeal(f, {
      createdAt: created,
      closedAt: new Date("2025-03-21T09:00:00Z"),
      outcome: "WON",
      moves: [
        [new Date("2025-03-04T09:00:00Z"), "EXECUTING"],
        [new Date("2025-03-21T09:00:00Z"), "WON"],
      ],
      touches: [new Date("2025-03-02T10:00:00Z"), new Date("2025-03-05T09:00:00Z"), new Date("2025-03-05T15:00:00Z"), new Date("2025-03-15T10:00:00Z")],
      amount: "250000",
    });
    const [deal] = await closedDealFeatures(testDb.db, f.org.id, 10);
    // Mid-life is 11 March 09:00: in EXECUTING (the last of two open stages) for 7 days, touched on
    // 2 and 5 March (the 15 March call comes later), 5 days 18 hours since the last touch.
    expect(deal).toMatchObject({ won: 1, stageId: f.stages.EXECUTING.id, stageRank: 1, ageDays: 10, daysInStage: 7, touches: 2, amount: 250000 });
    expect(deal.daysSinceTouch).toBeCloseTo(5.75, 6);
  });

  it("of an open deal are read as of now, in its current stage", async () => {
    const f = await createOrgFixture(testDb.db);
    const open = await addDeal(f, { createdAt: new Date("2026-11-01T00:00:00Z"), outcome: "NEW", moves: [], touches: [new Date("2026-11-20T00:00:00Z")] });
    const [deal] = await openDealFeatures(testDb.db, f.org.id, [open.id], new Date("2026-12-01T00:00:00Z"));
    expect(deal).toMatchObject({ won: null, stageId: f.stages.NEW.id, stageRank: 0, ageDays: 30, daysInStage: 30, touches: 1, daysSinceTouch: 11 });
  });
});

describe("the win-probability model", () => {
  it("learns that touched deals win, and measures it on the later fifth it did not learn from", async () => {
    const f = await createOrgFixture(testDb.db);
    await closedDeals(f, 300, 7);
    const model = await trainWinModel(testDb.db, f.org.id, new Date("2026-01-15T00:00:00Z"));
    expect(model).toMatchObject({ version: 1, kind: "logistic", closedDeals: 300, trainRows: 240, testRows: 60 });
    // The rule the deals follow (80 % either way) allows an AUC of about 0.8 at best.
    expect(model.auc).toBeGreaterThan(0.7);
    expect(model.brier).toBeLessThan(0.2);
    expect(model.calibration.reduce((sum, bin) => sum + bin.deals, 0)).toBe(60);

    const busy = await addDeal(f, { createdAt: new Date("2026-01-01T00:00:00Z"), outcome: "EXECUTING", moves: [[new Date("2026-01-05T00:00:00Z"), "EXECUTING"]], touches: [1, 3, 5, 7, 9].map((d) => new Date(Date.UTC(2026, 0, 1) + d * DAY)) });
    const quiet = await addDeal(f, { createdAt: new Date("2026-01-01T00:00:00Z"), outcome: "EXECUTING", moves: [[new Date("2026-01-05T00:00:00Z"), "EXECUTING"]], touches: [] });
    const features = await openDealFeatures(testDb.db, f.org.id, [busy.id, quiet.id], new Date("2026-01-11T00:00:00Z"));
    const p = Object.fromEntries(features.map((deal) => [deal.dealId, predict(model.params, deal)]));
    expect(p[busy.id]).toBeGreaterThan(0.6);
    expect(p[quiet.id]).toBeLessThan(0.4);
    expect((await latestWinModel(testDb.db, f.org.id))?.id).toBe(model.id);
  });

  it("falls back to each stage's historical win rate below 200 closed deals, and says so", async () => {
    const f = await createOrgFixture(testDb.db);
    await closedDeals(f, 50, 11);
    const model = await trainWinModel(testDb.db, f.org.id);
    expect(model).toMatchObject({ kind: "stage-rate", closedDeals: 50, trainRows: 40, testRows: 10 });
    expect(model.params.kind).toBe("stage-rate");
    // Every closed deal stood in EXECUTING at mid-life: its rate is the smoothed share of wins.
    const wins = (await closedDealFeatures(testDb.db, f.org.id, 100)).filter((deal) => deal.won === 1).length;
    if (model.params.kind === "stage-rate") {
      const overall = (wins + 1) / 52;
      expect(model.params.rates[f.stages.EXECUTING.id]).toBeCloseTo((wins + 2 * overall) / 52, 10);
    }
    const second = await trainWinModel(testDb.db, f.org.id);
    expect(second.version).toBe(2);
  });

  it("an organisation with no closed deals gets a model that says 50 % and no measurement", async () => {
    const f = await createOrgFixture(testDb.db);
    const model = await trainWinModel(testDb.db, f.org.id);
    expect(model).toMatchObject({ kind: "stage-rate", closedDeals: 0, testRows: 0, auc: null, brier: null, calibration: [] });
    expect(model.params).toEqual({ kind: "stage-rate", rates: {}, overall: 0.5 });
  });
});

describe("training in the background", () => {
  it("after a sync it trains an organisation without a model, and not again within a day", async () => {
    const f = await createOrgFixture(testDb.db);
    await closedDeals(f, 20, 3);
    startModelTraining(async () => testDb.db);
    const idle = async () => {
      for (let i = 0; i < 100 && isTraining(f.org.id); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    };
    requestModelTraining(f.org.id, new Date("2026-01-10T08:00:00Z"));
    await idle();
    expect((await latestWinModel(testDb.db, f.org.id))?.version).toBe(1);
    requestModelTraining(f.org.id, new Date("2026-01-11T07:59:00Z")); // 23 h 59 min later
    await idle();
    expect((await latestWinModel(testDb.db, f.org.id))?.version).toBe(1);
    requestModelTraining(f.org.id, new Date("2026-01-11T08:00:00Z"));
    await idle();
    expect((await latestWinModel(testDb.db, f.org.id))?.version).toBe(2);
    stopModelTraining();
  });
});

describe("the measures", () => {
  it("AUC, Brier score and calibration on a spelled-out set", () => {
    const scored = [
      { p: 0.9, won: 1 as const },
      { p: 0.8, won: 1 as const },
      { p: 0.7, won: 0 as const },
      { p: 0.3, won: 1 as const },
      { p: 0.2, won: 0 as const },
    ];
    // Of the 3 × 2 win–loss pairs, 5 rank the win higher.
    expect(auc(scored)).toBeCloseTo(5 / 6, 10);
    expect(brier(scored)).toBeCloseTo((0.01 + 0.04 + 0.49 + 0.49 + 0.04) / 5, 10);
    expect(auc([{ p: 0.5, won: 1 }, { p: 0.5, won: 0 }])).toBe(0.5);
    expect(auc([{ p: 0.5, won: 1 }])).toBeNull();
    const bins = calibration(scored);
    expect(bins[8]).toMatchObject({ from: 0.8, deals: 1, observedRate: 1 });
    expect(bins[9]).toMatchObject({ deals: 1, meanPredicted: 0.9, observedRate: 1 });
    expect(bins[2]).toMatchObject({ deals: 1, observedRate: 0 });
  });
});
