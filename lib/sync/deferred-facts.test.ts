// Report facts left to the end of a big pass: a write inside a run's scope skips the refresh only
// with the marker committed beside it, the settle brings the facts to what a rebuild makes, and a
// run that finds a marker left by a dead one settles it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { applyDeals, runInWriteScope, type CanonicalDeal } from "@/lib/canonical";
import { resolvePeriod } from "@/lib/reports/filters";
import { getSalesByMonth } from "@/lib/reports/sales-by-month";
import { openDeferredFacts } from "./deferred-facts";
import { deferredFactsMarker, factsAndRebuild } from "./test-helpers";

let testDb: TestDb;
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };
const march = { from: "2025-03-01", to: "2025-03-31" };

beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

/** A deal won on 10 March 2025 for `amount` ₸. */
const won = (externalId: string, amount: string): CanonicalDeal => ({
  externalId,
  title: `Deal ${externalId}`,
  pipelineExternalId: "0",
  stageExternalId: "WON",
  amount,
  currency: "KZT",
  crmUserExternalId: "1",
  createdAt: new Date("2025-03-01T05:00:00Z"),
  updatedAt: new Date("2025-03-10T05:00:00Z"),
  closedAt: new Date("2025-03-10T05:00:00Z"),
});

async function wonInMarch(f: OrgFixture) {
  const admin = f.users.admin;
  const now = new Date("2025-04-01T00:00:00Z");
  const report = await getSalesByMonth({ db: testDb.db, scope: scopeOf({ ...admin, userId: admin.id }), org, filters: march, period: resolvePeriod(march, org.timezone, now), now });
  return report.totals;
}

describe("report facts deferred by a sync run", () => {
  it("a source with no rows defers from the first write; the marker commits with the rows and the settle matches a rebuild", async () => {
    const f = await createOrgFixture(testDb.db);
    const source = { id: f.source.id, orgId: f.org.id };
    const facts = await openDeferredFacts(testDb.db, source);
    await runInWriteScope(facts, () => applyDeals(testDb.db, source, [won("D1", "1000"), won("D2", "2500")]));
    expect(facts.isDeferring()).toBe(true);
    expect(await deferredFactsMarker(testDb.db, f.source.id)).toMatchObject({ passKind: "deferred" });
    // Until the settle the reports do not count the deals yet.
    expect(await wonInMarch(f)).toMatchObject({ wonCount: 0 });

    expect(await facts.settle(testDb.db)).toBe(true);
    expect(await deferredFactsMarker(testDb.db, f.source.id)).toBeNull();
    // 2 won deals in March: 1 000 + 2 500 = 3 500
    expect(await wonInMarch(f)).toMatchObject({ wonCount: 2, wonAmount: "3500.00" });
    const { written, rebuilt } = await factsAndRebuild(testDb.db, f.org.id);
    expect(written).toEqual(rebuilt);
  });

  it("a deferring write whose transaction rolls back leaves no marker", async () => {
    const f = await createOrgFixture(testDb.db);
    const source = { id: f.source.id, orgId: f.org.id };
    const facts = await openDeferredFacts(testDb.db, source);
    const rolledBack = testDb.db.transaction(async (tx) => {
      await runInWriteScope(facts, () => applyDeals(tx, source, [won("R1", "100")]));
      throw new Error("the page failed after its rows");
    });
    await expect(rolledBack).rejects.toThrow("the page failed");
    expect(await deferredFactsMarker(testDb.db, f.source.id)).toBeNull();
  });

  it("a source with rows refreshes as it goes until the run has changed a tenth of them (at least minRows), then defers", async () => {
    const f = await createOrgFixture(testDb.db);
    const source = { id: f.source.id, orgId: f.org.id };
    // 20 deals written outside any run: refreshed at once.
    await applyDeals(testDb.db, source, Array.from({ length: 20 }, (_, i) => won(`S${i + 1}`, "100")));
    expect(await wonInMarch(f)).toMatchObject({ wonCount: 20 });

    // threshold: max(minRows 3, 20 deals × 0.1 = 2) = 3 changed rows
    const facts = await openDeferredFacts(testDb.db, source, { minRows: 3, share: 0.1 });
    await runInWriteScope(facts, () => applyDeals(testDb.db, source, [won("N1", "100"), won("N2", "100")]));
    // 2 ≤ 3: refreshed with the write, no marker
    expect(facts.isDeferring()).toBe(false);
    expect(await deferredFactsMarker(testDb.db, f.source.id)).toBeNull();
    expect(await wonInMarch(f)).toMatchObject({ wonCount: 22 });

    await runInWriteScope(facts, () => applyDeals(testDb.db, source, [won("N3", "100"), won("N4", "100")]));
    // 2 + 2 = 4 > 3: deferred from here on
    expect(facts.isDeferring()).toBe(true);
    expect(await wonInMarch(f)).toMatchObject({ wonCount: 22 });
    await facts.settle(testDb.db);
    expect(await wonInMarch(f)).toMatchObject({ wonCount: 24, wonAmount: "2400.00" });
  });

  it("a run that finds a marker left by a dead run defers from its start and settles what the dead run owed", async () => {
    const f = await createOrgFixture(testDb.db);
    const source = { id: f.source.id, orgId: f.org.id };
    const dead = await openDeferredFacts(testDb.db, source);
    await runInWriteScope(dead, () => applyDeals(testDb.db, source, [won("K1", "700")]));
    // The process dies here: no settle.

    const next = await openDeferredFacts(testDb.db, source);
    expect(next.isDeferring()).toBe(true);
    expect(await wonInMarch(f)).toMatchObject({ wonCount: 0 });
    expect(await next.settle(testDb.db)).toBe(true);
    expect(await wonInMarch(f)).toMatchObject({ wonCount: 1, wonAmount: "700.00" });
    expect(await deferredFactsMarker(testDb.db, f.source.id)).toBeNull();
  });
});
