// Deal patterns, stored on write and read with today's local day: activities by type, touches
// counted per local day in Asia/Almaty (UTC+5) across midnight, stage changes and moves backwards,
// days open / to close / since the last touch; the list's "no touch for N days" filter and sort.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { activities, dealPatterns } from "@/db/schema";
import { addDealActivity, addStageMoves } from "@/db/test/deal-fixtures";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { rebuildReportFacts, refreshReportFacts } from "@/lib/reports/facts/refresh";
import { dealListFiltersSchema, listDeals } from "./deal-list";
import { patternsOfDeals } from "./patterns";

let testDb: TestDb;
let f: OrgFixture;
const deal: Record<string, { id: string; title: string }> = {};
let movedCall: { id: string };
// 2025-03-20 17:00 in Almaty
const now = new Date("2025-03-20T12:00:00Z");
const viewer = (who: "admin" | "alice") => scopeOf({ ...f.users[who], userId: f.users[who].id });
const patternsOf = async (name: string) => (await patternsOfDeals(testDb.db, f.org.id, [deal[name].id], now)).get(deal[name].id)!;

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db); // Asia/Almaty, UTC+5
  const db = testDb.db;
  deal.won = await f.addDeal({ manager: "alice", stage: "WON", amount: "1000", createdAt: "2025-03-01T04:00:00Z", closedAt: "2025-03-06T04:00:00Z" });
  await addStageMoves(db, f, deal.won.id, [
    ["NEW", "2025-03-01T04:00:00Z"],
    ["EXECUTING", "2025-03-03T16:00:00Z"],
    ["NEW", "2025-03-04T04:00:00Z"],
    ["EXECUTING", "2025-03-05T04:00:00Z"],
    ["WON", "2025-03-06T04:00:00Z"],
  ]);
  // UTC 03-02 18:30 / 19:30 / 20:00 = Almaty 03-02 23:30, 03-03 00:30, 03-03 01:00
  await addDealActivity(db, f, deal.won.id, { type: "call", startAt: "2025-03-02T18:30:00Z", durationSeconds: 120 });
  await addDealActivity(db, f, deal.won.id, { type: "email", startAt: "2025-03-02T19:30:00Z" });
  await addDealActivity(db, f, deal.won.id, { type: "meeting", startAt: "2025-03-02T20:00:00Z" });
  await addDealActivity(db, f, deal.won.id, { type: "task", startAt: "2025-03-05T05:00:00Z", isCompleted: false });
  await addDealActivity(db, f, deal.won.id, { type: "call", startAt: "2025-03-04T05:00:00Z", deletedAt: "2025-03-04T06:00:00Z" });

  deal.fresh = await f.addDeal({ manager: "alice", stage: "NEW", amount: "100", createdAt: "2025-03-10T20:00:00Z" }); // Almaty 03-11 01:00
  deal.bobs = await f.addDeal({ manager: "bob", stage: "NEW", amount: "100", createdAt: "2025-02-01T10:00:00Z" });
  await addDealActivity(db, f, deal.bobs.id, { type: "call", startAt: "2025-03-05T10:00:00Z" });
  deal.recent = await f.addDeal({ manager: "alice", stage: "NEW", amount: "100", createdAt: "2025-02-01T10:00:00Z" });
  movedCall = await addDealActivity(db, f, deal.recent.id, { type: "call", startAt: "2025-03-10T10:00:00Z" });
  deal.forgotten = await f.addDeal({ manager: "alice", stage: "NEW", amount: "100", createdAt: "2025-02-20T10:00:00Z" });
});
afterAll(() => testDb.close());

describe("deal patterns", () => {
  it("counts completed live activities by type, and touches per local day across Almaty's midnight", async () => {
    const won = await patternsOf("won");
    // call + e-mail + meeting = 3; the planned task and the deleted call do not count
    expect([won.activities, won.calls, won.emails, won.meetings, won.tasks]).toEqual([3, 1, 1, 1, 0]);
    // all three on 2025-03-02 in UTC (one day), but on 03-02 (23:30) and 03-03 (00:30, 01:00) in Almaty: 2 touches
    expect([won.touches, won.lastTouchDay]).toEqual([2, "2025-03-03"]);
  });

  it("counts stage changes and moves backwards, days to close and days open", async () => {
    const won = await patternsOf("won");
    // NEW → EXECUTING → NEW (backwards) → EXECUTING → WON: 4 changes after the entry at creation, 1 backwards
    expect([won.stageChanges, won.movesBack]).toEqual([4, 1]);
    // 03-01 04:00 → 03-06 04:00 = 5 days; local days 03-01 → 03-06 = 5; last touch 03-03 → today 03-20 = 17
    expect([won.daysToClose, won.daysOpen, won.daysSinceTouch]).toEqual([5, 5, 17]);
    const fresh = await patternsOf("fresh");
    // created on Almaty's 03-11 (UTC 03-10 20:00), today 03-20: 9 days open, never touched, not closed
    expect([fresh.daysOpen, fresh.daysSinceTouch, fresh.daysToClose, fresh.touches, fresh.stageChanges]).toEqual([9, null, null, 0, 0]);
  });

  it("lists open deals with no touch for 14 days, within the viewer's scope", async () => {
    const titles = async (who: "admin" | "alice", query: Record<string, string>) =>
      (await listDeals(testDb.db, viewer(who), dealListFiltersSchema.parse({ sort: "title", order: "asc", ...query }), { limit: 50 }, now)).deals.map((row) => row.title);
    // bob's: last touch 03-05 (15 days); forgotten: never touched, created 02-20 (28 days).
    // recent: touched 03-10 (10 days); fresh: created 03-11 (9 days); won: not open.
    expect(await titles("admin", { noTouchDays: "14" })).toEqual([deal.bobs.title, deal.forgotten.title].sort());
    expect(await titles("alice", { noTouchDays: "14" })).toEqual([deal.forgotten.title]);
    // at 9 days the fresh deal (created 9 local days ago) and the recent one (10) join
    expect(await titles("admin", { noTouchDays: "9" })).toEqual([deal.bobs.title, deal.fresh.title, deal.recent.title, deal.forgotten.title].sort());
  });

  it("sorts the list by touches, and carries each row's patterns", async () => {
    const page = await listDeals(testDb.db, viewer("admin"), dealListFiltersSchema.parse({ sort: "touches", order: "desc" }), { limit: 2 }, now);
    // won 2, then bob's 1 and recent 1, then fresh 0 and forgotten 0
    expect(page.deals.map((row) => row.patterns?.touches)).toEqual([2, 1]);
    expect(page.deals[0].title).toBe(deal.won.title);
    const rest = await listDeals(testDb.db, viewer("admin"), dealListFiltersSchema.parse({ sort: "touches", order: "desc" }), { limit: 10, cursor: page.nextCursor! }, now);
    expect(rest.deals.map((row) => row.patterns?.touches)).toEqual([1, 0, 0]);
  });

  it("moves a touch with its activity from one deal to another on write, as a rebuild would", async () => {
    await testDb.db.update(activities).set({ dealId: deal.bobs.id }).where(eq(activities.id, movedCall.id));
    await refreshReportFacts(testDb.db, f.org.id, { activityIds: [movedCall.id] });
    // bob's: 03-05 and 03-10 = 2 touches, last 10 days ago; recent: none left
    expect([(await patternsOf("bobs")).touches, (await patternsOf("bobs")).daysSinceTouch]).toEqual([2, 10]);
    expect([(await patternsOf("recent")).touches, (await patternsOf("recent")).calls]).toEqual([0, 0]);
    const stored = async () => (await testDb.db.select().from(dealPatterns).where(eq(dealPatterns.orgId, f.org.id))).sort((a, b) => a.dealId.localeCompare(b.dealId));
    const incremental = await stored();
    await rebuildReportFacts(testDb.db, f.org.id);
    expect(await stored()).toEqual(incremental);
  });
});
