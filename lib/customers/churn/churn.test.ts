// Churn risk: the model's arithmetic, the stored scores (full and after orders change) and the backtest.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, orders } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createWebhookSources } from "@/lib/ingest/test/sources";
import { rebuildCustomers } from "../rebuild";
import { churnBacktest } from "./backtest";
import { churnScore, horizonDays } from "./model";
import { getChurnRun } from "./run";
import { refreshChurnScores, scoreAllCustomers } from "./score";

const DAY = 86_400_000;
// Noon in Almaty: every order below falls on the day it is meant for, whatever the clock says.
const NOW = new Date(Math.floor(Date.now() / DAY) * DAY + 7 * 3_600_000);
const daysBefore = (days: number, from = NOW) => new Date(from.getTime() - days * DAY);

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

async function shopWith(list: { phone: string; daysAgo: number; status?: string; from?: Date }[]) {
  const fixture = await createOrgFixture(testDb.db);
  const { shop } = await createWebhookSources(testDb.db, fixture.org.id);
  let n = 0;
  const add = (rows: typeof list) =>
    testDb.db.insert(orders).values(
      rows.map((o) => ({ orgId: fixture.org.id, sourceId: shop.id, externalId: `o${++n}`, status: o.status ?? "completed", phone: o.phone, total: "1000", currency: "KZT", createdAt: daysBefore(o.daysAgo, o.from) })),
    );
  await add(list);
  await rebuildCustomers(testDb.db, { orgId: fixture.org.id });
  const riskOf = async () => Object.fromEntries((await testDb.db.select().from(customers).where(eq(customers.orgId, fixture.org.id))).map((c) => [c.phone, c]));
  return { orgId: fixture.org.id, add, riskOf };
}

describe("churnScore", () => {
  it("gaps of 30, 30 and 30 days, 75 days since the last order, the shop's usual gap 30: 1 − (120 / 195)⁴ = 24 465 / 28 561 ≈ 0.8566", () => {
    // α = 3 gaps + 1 = 4; β = 30 + 30 + 30 + 30 (the shop's) = 120; P(a gap of theirs ends within 75 days) = 1 − (120 / (120 + 75))⁴ = 1 − (8/13)⁴.
    const score = churnScore({ count: 3, sum: 90 }, 75, 30);
    expect(score.risk).toBeCloseTo(24_465 / 28_561, 12);
    expect(score.risk).toBeCloseTo(0.8566, 4);
    expect(score.typicalGapDays).toBe(30); // 120 / 4
  });

  it("a one-time buyer has the shop's rhythm only: 90 days since, usual gap 30 → 90 / (30 + 90) = 0.75", () => {
    expect(churnScore({ count: 0, sum: 0 }, 90, 30).risk).toBeCloseTo(0.75, 12);
  });

  it("frequency counts: the same 30-day rhythm seen over 10 gaps makes 75 days more alarming than over 1", () => {
    // 1 gap: 1 − (60/135)² = 0.8025; 10 gaps: 1 − (330/405)¹¹ = 0.8951.
    expect(churnScore({ count: 1, sum: 30 }, 75, 30).risk).toBeCloseTo(1 - (60 / 135) ** 2, 12);
    expect(churnScore({ count: 10, sum: 300 }, 75, 30).risk).toBeCloseTo(1 - (330 / 405) ** 11, 12);
    expect(churnScore({ count: 0, sum: 0 }, 0, 30).risk).toBe(0); // ordered today
  });

  it("waits two usual gaps for a return, at least 30 and at most 180 days", () => {
    expect([horizonDays(10), horizonDays(20), horizonDays(45.4), horizonDays(200)]).toEqual([30, 40, 91, 180]);
  });
});

describe("stored scores", () => {
  it("scores every customer from order days, and rescoring after an order only touches the changed customers", async () => {
    const shop = await shopWith([
      // Anna: 165, 135, 105 and 75 days ago (two orders that last day are one visit) → gaps 30, 30, 30; 75 days since.
      ...[165, 135, 105, 75].map((daysAgo) => ({ phone: "+77010000001", daysAgo })),
      { phone: "+77010000001", daysAgo: 75.05 },
      // Boris: one order, 90 days ago. Vera: a cancelled order only.
      { phone: "+77010000002", daysAgo: 90 },
      { phone: "+77010000003", daysAgo: 10, status: "cancelled" },
    ]);
    const run = await scoreAllCustomers(testDb.db, shop.orgId, NOW);
    // The shop's usual gap: the median of Anna's 30, 30, 30 = 30.
    expect(run).toMatchObject({ priorGapDays: 30, customersScored: 2 });
    let by = await shop.riskOf();
    expect(by["+77010000001"].churnRisk).toBeCloseTo(24_465 / 28_561, 10); // 0.8566, as above
    expect(by["+77010000001"].churnGapDays).toBe(30);
    expect(by["+77010000002"].churnRisk).toBeCloseTo(0.75, 10); // 90 / (30 + 90)
    expect(by["+77010000003"]).toMatchObject({ churnRisk: null, churnGapDays: null });

    // Boris orders today: his figures are recomputed, which marks him for rescoring …
    await shop.add([{ phone: "+77010000002", daysAgo: 0 }]);
    await rebuildCustomers(testDb.db, { orgId: shop.orgId });
    by = await shop.riskOf();
    expect(by["+77010000002"].churnScoredAt).toBeNull();
    // … and the next background step (a minute later, not a new day) rescores with the stored gap of 30:
    // one gap of 90 → α = 2, β = 90 + 30 = 120, 0 days since → risk 0, usual gap 120 / 2 = 60.
    await refreshChurnScores(testDb.db, new Date(NOW.getTime() + 60_000));
    by = await shop.riskOf();
    expect(by["+77010000002"]).toMatchObject({ churnRisk: 0, churnGapDays: 60 });
    expect(by["+77010000001"].churnRisk).toBeCloseTo(0.8566, 4);
    expect((await getChurnRun(testDb.db, shop.orgId))?.scoredAt.getTime()).toBe(NOW.getTime()); // no full run yet

    // A day later the background step rescores everyone: Anna is now 76 days past her last order, and
    // the shop's gap is the median of 30, 30, 30 (Anna) and 90 (Boris) = 30 → 1 − (120/196)⁴ ≈ 0.8595.
    const nextDay = new Date(NOW.getTime() + DAY);
    await refreshChurnScores(testDb.db, nextDay);
    expect((await getChurnRun(testDb.db, shop.orgId))?.scoredAt.getTime()).toBe(nextDay.getTime());
    by = await shop.riskOf();
    expect(by["+77010000001"].churnRisk).toBeCloseTo(1 - (120 / 196) ** 4, 10);
    // Boris, one day after his order: α = 2, β = 120 → 1 − (120/121)² ≈ 0.0165.
    expect(by["+77010000002"].churnRisk).toBeCloseTo(1 - (120 / 121) ** 2, 10);
  });
});

describe("backtest", () => {
  it("scores as of 180 days ago and checks who came back within their horizon", async () => {
    const cutoff = daysBefore(180);
    const shop = await shopWith([
      // Pavel: 100, 90 and 80 days before the cut-off (gaps 10, 10), never again.
      ...[100, 90, 80].map((daysAgo) => ({ phone: "+77010000011", daysAgo, from: cutoff })),
      // Qamila: 40 and 10 days before it (a gap of 30), back 20 days after it.
      ...[40, 10, -20].map((daysAgo) => ({ phone: "+77010000012", daysAgo, from: cutoff })),
      // Rustem: one order 200 days before it, already inactive then (> 180 days): not measured.
      { phone: "+77010000013", daysAgo: 200, from: cutoff },
    ]);
    // As of the cut-off the shop's usual gap is the median of 10, 10, 30 = 10.
    // Pavel: α = 3, β = 20 + 10 = 30, 80 days → 1 − (30/110)³ = 0.980; Qamila: α = 2, β = 30 + 10 = 40,
    // 10 days → 1 − (40/50)² = 0.36, usual gap 20 → horizon 40 days, and she came back after 20.
    const top1 = await churnBacktest(testDb.db, { orgId: shop.orgId, timezone: "Asia/Almaty", inactiveDays: 180 }, NOW, 1);
    expect(top1).toMatchObject({ cutoffAt: cutoff, eligible: 2, churned: 1, topN: 1, topChurned: 1 });
    // Ranked by days since the last order alone, Pavel (80 days) is first too.
    expect(top1.recencyTopChurned).toBe(1);

    await scoreAllCustomers(testDb.db, shop.orgId, NOW);
    const run = await getChurnRun(testDb.db, shop.orgId);
    // The default top 50 holds both: 1 of 2 did not return, precision 0.5, as the base rate.
    expect(run?.backtest).toMatchObject({ eligible: 2, churned: 1, baseRate: 0.5, topN: 2, topChurned: 1, precision: 0.5, recencyTopChurned: 1, recencyPrecision: 0.5 });
  });
});
