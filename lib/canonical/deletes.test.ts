// Deletions: a deleted row stays deleted against any record older than the deletion (a late
// webhook, a slow page), and a full pass marks exactly the ids missing between two pages, also
// where the ids change their number of digits and for prefixed ids ("task:123").
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities, deals } from "@/db/schema";
import { canonicalDeal } from "@/db/test/deal-fixtures";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { applyActivities, applyDeals, markDeleted, markDeletedInRange, type CanonicalDeal } from "./index";

let testDb: TestDb;
let f: OrgFixture;
const source = () => ({ id: f.source.id, orgId: f.org.id });

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
});
afterAll(() => testDb.close());

const deal = (externalId: string, updatedAt: string, amount = "1000"): CanonicalDeal => canonicalDeal(externalId, { amount, updatedAt: new Date(updatedAt) });

async function stored(externalId: string) {
  const [row] = await testDb.db.select().from(deals).where(and(eq(deals.sourceId, f.source.id), eq(deals.externalId, externalId)));
  return row;
}

describe("deletes", () => {
  it("a deletion moves the row's modification time up to it: an older update cannot bring the row back, a newer one (a restore) can", async () => {
    await applyDeals(testDb.db, source(), [deal("R1", "2025-03-01T10:00:00Z")]);
    await markDeleted(testDb.db, source(), "deals", ["R1"], new Date("2025-03-05T10:00:00Z"));
    expect((await stored("R1")).updatedAt?.toISOString()).toBe("2025-03-05T10:00:00.000Z");

    // An update made on 3 March, after the stored version (1 March) but before the deletion (5 March), arrives late.
    const late = await applyDeals(testDb.db, source(), [deal("R1", "2025-03-03T10:00:00Z", "999")]);
    expect(late).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await stored("R1")).toMatchObject({ amount: "1000.00", deletedAt: new Date("2025-03-05T10:00:00Z") });

    // The CRM restored the deal on 6 March: the newer record wins and the deal is live again.
    await applyDeals(testDb.db, source(), [deal("R1", "2025-03-06T10:00:00Z", "1200")]);
    expect(await stored("R1")).toMatchObject({ amount: "1200.00", deletedAt: null });
  });

  it("a deletion never moves a modification time back", async () => {
    await applyDeals(testDb.db, source(), [deal("R2", "2025-03-10T10:00:00Z")]);
    await markDeleted(testDb.db, source(), "deals", ["R2"], new Date("2025-03-09T10:00:00Z"));
    expect((await stored("R2")).updatedAt?.toISOString()).toBe("2025-03-10T10:00:00.000Z");
  });

  it("marks the ids missing between two pages, across a change in the number of digits", async () => {
    // Stored: 95 … 105, every one; the CRM's page after 96 up to 101 returned 97, 99 and 101 only.
    await applyDeals(testDb.db, source(), Array.from({ length: 11 }, (_, i) => deal(String(95 + i), "2025-03-01T10:00:00Z")));
    // "1000" sorts between "100" and "101" as text; as a number it is past the page and must stay.
    await applyDeals(testDb.db, source(), [deal("1000", "2025-03-01T10:00:00Z")]);
    const marked = await markDeletedInRange(testDb.db, source(), "deals", { after: "96", upTo: "101", present: ["97", "99", "101"] });
    const markedIds = await Promise.all(["98", "100"].map(async (id) => (await stored(id)).id));
    expect(marked.sort()).toEqual(markedIds.sort());
    for (const id of ["95", "96", "97", "99", "101", "102", "1000"]) expect((await stored(id)).deletedAt).toBeNull();

    // The tail after the last page: everything after 103 is gone (104, 105 and 1000).
    const tail = await markDeletedInRange(testDb.db, source(), "deals", { after: "103", upTo: null, present: [] });
    expect(tail).toHaveLength(3);
    expect((await stored("1000")).deletedAt).not.toBeNull();
    expect((await stored("103")).deletedAt).toBeNull();
  });

  it("marks prefixed ids (amoCRM tasks share the activities table with notes) within their own prefix only", async () => {
    const activity = (externalId: string) => ({ externalId, type: "task" as const, isCompleted: true, startAt: new Date("2025-03-01T10:00:00Z"), updatedAt: new Date("2025-03-01T10:00:00Z") });
    await applyActivities(testDb.db, source(), ["task:8", "task:9", "task:10", "task:11", "note:9"].map(activity));
    const marked = await markDeletedInRange(testDb.db, source(), "activities", { after: "task:8", upTo: "task:11", present: ["task:9", "task:11"], prefix: "task:" });
    expect(marked).toHaveLength(1);
    const live = await testDb.db.select({ id: activities.externalId, deletedAt: activities.deletedAt }).from(activities).where(eq(activities.sourceId, f.source.id));
    expect(live.filter((row) => row.deletedAt !== null).map((row) => row.id)).toEqual(["task:10"]);
  });
});
