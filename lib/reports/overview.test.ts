import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { scopeOf } from "@/lib/auth/scope";
import { getOverviewSummary } from "./overview";

let testDb: TestDb;
let f: OrgFixture;
let other: OrgFixture;
const now = new Date("2025-03-15T09:00:00Z"); // March 2025 in Almaty (UTC+5)

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  other = await createOrgFixture(testDb.db);
  await f.addRate("USD", "2025-03-01", "500");
  await f.addRate("USD", "2025-03-10", "510");
  // March: alice wins 100 000 ₸ and 200 $ (closed 12 March, rate of 10 March: 510 → 102 000 ₸)
  await f.addDeal({ manager: "alice", stage: "WON", amount: "100000", createdAt: "2025-02-01T10:00:00Z", closedAt: "2025-03-05T10:00:00Z" });
  await f.addDeal({ manager: "alice", stage: "WON", amount: "200", currency: "USD", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-12T10:00:00Z" });
  // Won at 31 March 20:30 UTC = 1 April in Almaty: not March.
  await f.addDeal({ manager: "alice", stage: "WON", amount: "999", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-31T20:30:00Z" });
  // Won at 28 February 19:30 UTC = 1 March 00:30 in Almaty: March.
  await f.addDeal({ manager: "bob", stage: "WON", amount: "50000", createdAt: "2025-02-01T10:00:00Z", closedAt: "2025-02-28T19:30:00Z" });
  // February: carol wins 70 000 ₸; a deleted won deal counts nowhere.
  await f.addDeal({ manager: "carol", stage: "WON", amount: "70000", createdAt: "2025-01-10T10:00:00Z", closedAt: "2025-02-10T10:00:00Z" });
  await f.addDeal({ manager: "carol", stage: "WON", amount: "1000000", createdAt: "2025-01-10T10:00:00Z", closedAt: "2025-03-10T10:00:00Z", deletedAt: "2025-03-11T10:00:00Z" });
  // Lost and open deals.
  await f.addDeal({ manager: "bob", stage: "LOSE", amount: "30000", createdAt: "2025-03-02T10:00:00Z", closedAt: "2025-03-03T10:00:00Z" });
  await f.addDeal({ manager: "alice", stage: "NEW", amount: "40000", createdAt: "2025-03-02T10:00:00Z" });
  await f.addDeal({ manager: "carol", stage: "EXECUTING", amount: "10", currency: "USD", createdAt: "2025-03-02T10:00:00Z" });
  await f.addDeal({ manager: null, stage: "NEW", amount: "5000", createdAt: "2025-03-02T10:00:00Z" });
  await f.addLead({ manager: "alice", createdAt: "2025-03-02T10:00:00Z" });
  await f.addLead({ manager: "carol", createdAt: "2025-03-03T10:00:00Z" });
  await f.addLead({ manager: "bob", createdAt: "2025-02-03T10:00:00Z" });
  // Another organisation's won deal in March must never show up.
  await other.addDeal({ manager: "alice", stage: "WON", amount: "777777", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-05T10:00:00Z" });
});
afterAll(() => testDb.close());

const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };

describe("overview summary", () => {
  it("shows the whole organisation to an admin, in ₸ at the close date's rate", async () => {
    const summary = await getOverviewSummary(testDb.db, scopeOf({ ...f.users.admin, userId: f.users.admin.id }), org, now);
    // 100 000 + 200 $ × 510 + 50 000 = 252 000 ₸ from 3 won deals
    expect(summary.thisMonth).toMatchObject({ revenue: "252000.00", wonDeals: 3, newLeads: 2 });
    // 70 000 ₸ (carol) in February
    expect(summary.lastMonth).toMatchObject({ revenue: "70000.00", wonDeals: 1, newLeads: 1 });
    // open: 40 000 + 10 $ × 510 (created 2 March → rate of 1 March: 500) + 5 000 = 50 000 ₸
    expect(summary.openDeals).toEqual({ count: 3, amount: "50000.00" });
  });

  it("shows a director their department's managers only", async () => {
    const summary = await getOverviewSummary(testDb.db, scopeOf({ ...f.users.director, userId: f.users.director.id }), org, now);
    // alice and bob: the same 252 000 ₸; carol (Online) is not in Sales
    expect(summary.thisMonth).toMatchObject({ revenue: "252000.00", wonDeals: 3, newLeads: 1 });
    expect(summary.lastMonth).toMatchObject({ revenue: "0.00", wonDeals: 0, newLeads: 1 });
    expect(summary.openDeals).toEqual({ count: 1, amount: "40000.00" });
  });

  it("shows a manager their own deals only", async () => {
    const summary = await getOverviewSummary(testDb.db, scopeOf({ ...f.users.bob, userId: f.users.bob.id }), org, now);
    expect(summary.thisMonth).toMatchObject({ revenue: "50000.00", wonDeals: 1, newLeads: 0 });
    expect(summary.openDeals).toEqual({ count: 0, amount: "0.00" });
  });
});
