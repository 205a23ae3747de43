import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDealFromLead, addSourcedLead } from "@/db/test/activity-fixtures";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { resolvePeriod, type ReportFilters } from "./filters";
import { getLeadConversion, type LeadConversionResult } from "./lead-conversion";

let testDb: TestDb;
let f: OrgFixture;
let other: OrgFixture;
const now = new Date("2025-04-15T09:00:00Z");
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };
// January to March 2025 in Almaty (UTC+5): [31 Dec 19:00 UTC, 31 Mar 19:00 UTC)
const quarter = { from: "2025-01-01", to: "2025-03-31" };

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  other = await createOrgFixture(testDb.db);
  const db = testDb.db;
  // January — L1 alice, "Сайт": converted by the CRM 2.1 days later (2 d 2 h 24 min)
  await addSourcedLead(db, f, { manager: "alice", createdAt: "2025-01-10T05:00:00Z", channel: "Сайт", status: "converted", convertedAt: "2025-01-12T07:24:00Z" });
  // January — L3 bob, "Звонок": a deal made from it on 10 April, 80.1 days later; converted for January
  const l3 = await addSourcedLead(db, f, { manager: "bob", createdAt: "2025-01-20T10:00:00Z", channel: "Звонок" });
  await addDealFromLead(db, f, l3, { manager: "bob", stage: "NEW", amount: "1", createdAt: "2025-04-10T12:24:00Z" });
  // February — L2 alice, "Сайт", created 31 Jan 19:30 UTC = 1 Feb 00:30 in Almaty. Its first live deal
  // came 5 Feb 07:30 UTC, 4.5 days later; an earlier deleted deal and a later deal do not change that.
  const l2 = await addSourcedLead(db, f, { manager: "alice", createdAt: "2025-01-31T19:30:00Z", channel: "Сайт" });
  await addDealFromLead(db, f, l2, { manager: "alice", stage: "NEW", amount: "1", createdAt: "2025-02-02T07:30:00Z", deletedAt: "2025-02-03T00:00:00Z" });
  await addDealFromLead(db, f, l2, { manager: "alice", stage: "NEW", amount: "1", createdAt: "2025-02-05T07:30:00Z" });
  await addDealFromLead(db, f, l2, { manager: "bob", stage: "NEW", amount: "1", createdAt: "2025-02-20T07:30:00Z" });
  // February — L4 bob, no source, not converted
  await addSourcedLead(db, f, { manager: "bob", createdAt: "2025-02-10T10:00:00Z" });
  // March — L5 carol, empty source, junk; its only deal is deleted: not converted
  const l5 = await addSourcedLead(db, f, { manager: "carol", createdAt: "2025-03-05T10:00:00Z", channel: "", status: "junk" });
  await addDealFromLead(db, f, l5, { manager: "carol", stage: "NEW", amount: "1", createdAt: "2025-03-06T10:00:00Z", deletedAt: "2025-03-07T10:00:00Z" });
  // March — L6 carol, "Сайт": converted by the CRM with no date: converted, but no days to count
  await addSourcedLead(db, f, { manager: "carol", createdAt: "2025-03-06T10:00:00Z", channel: "Сайт", status: "converted" });
  // March — L8 no manager, "Звонок": a deal 1.5 days later
  const l8 = await addSourcedLead(db, f, { manager: null, createdAt: "2025-03-08T10:00:00Z", channel: "Звонок" });
  await addDealFromLead(db, f, l8, { manager: null, stage: "NEW", amount: "1", createdAt: "2025-03-09T22:00:00Z" });
  // Counted nowhere: deleted; 31 Dec 23:30 and 1 Apr 00:10 in Almaty (outside the quarter); another organisation.
  await addSourcedLead(db, f, { manager: "alice", createdAt: "2025-03-07T10:00:00Z", channel: "Сайт", status: "converted", convertedAt: "2025-03-08T10:00:00Z", deletedAt: "2025-03-09T10:00:00Z" });
  await addSourcedLead(db, f, { manager: "alice", createdAt: "2024-12-31T18:30:00Z", channel: "Сайт", status: "converted", convertedAt: "2025-01-02T10:00:00Z" });
  await addSourcedLead(db, f, { manager: "alice", createdAt: "2025-03-31T19:10:00Z", channel: "Сайт" });
  await addSourcedLead(db, other, { manager: "alice", createdAt: "2025-02-10T10:00:00Z", channel: "Сайт", status: "converted" });
});
afterAll(() => testDb.close());

type Who = "admin" | "director" | "alice" | "bob" | "carol";
function run(who: Who, filters: ReportFilters = quarter): Promise<LeadConversionResult> {
  const user = f.users[who];
  const scope = scopeOf({ orgId: user.orgId, role: user.role, userId: user.id, departmentId: user.departmentId });
  return getLeadConversion({ db: testDb.db, scope, org, filters, period: resolvePeriod(filters, org.timezone, now), now });
}

describe("lead conversion", () => {
  it("counts the organisation's leads by the month they were created in, converted whenever", async () => {
    const result = await run("admin");
    // 7 leads (L1–L6, L8), 5 converted (L1, L2, L3, L6, L8); days 1.5, 2.1, 4.5, 80.1 → (2.1 + 4.5) ÷ 2
    expect(result.totals).toEqual({ leads: 7, converted: 5, conversionRate: 0.7143, medianDaysToConvert: 3.3 });
    expect(result.byMonth).toEqual([
      { month: "2025-01", leads: 2, converted: 2, conversionRate: 1, medianDaysToConvert: 41.1 }, // (2.1 + 80.1) ÷ 2
      { month: "2025-02", leads: 2, converted: 1, conversionRate: 0.5, medianDaysToConvert: 4.5 },
      { month: "2025-03", leads: 3, converted: 2, conversionRate: 0.6667, medianDaysToConvert: 1.5 }, // L6 has no date
    ]);
    expect(result.rows).toEqual(result.byMonth);
    expect(result.bySource).toEqual([
      { source: "Сайт", sourceName: "Сайт", leads: 3, converted: 3, conversionRate: 1, medianDaysToConvert: 3.3 }, // L1, L2, L6
      { source: "Звонок", sourceName: "Звонок", leads: 2, converted: 2, conversionRate: 1, medianDaysToConvert: 40.8 }, // (80.1 + 1.5) ÷ 2
      { source: null, sourceName: null, leads: 2, converted: 0, conversionRate: 0, medianDaysToConvert: null }, // L4 none, L5 ""
    ]);
    expect(result.byManager).toEqual([
      { managerId: f.crmUsers.alice.id, managerName: "alice", leads: 2, converted: 2, conversionRate: 1, medianDaysToConvert: 3.3 },
      { managerId: f.crmUsers.bob.id, managerName: "bob", leads: 2, converted: 1, conversionRate: 0.5, medianDaysToConvert: 80.1 },
      { managerId: f.crmUsers.carol.id, managerName: "carol", leads: 2, converted: 1, conversionRate: 0.5, medianDaysToConvert: null },
      { managerId: null, managerName: null, leads: 1, converted: 1, conversionRate: 1, medianDaysToConvert: 1.5 },
    ]);
  });

  it("shows a director their department and a manager their own leads", async () => {
    // alice and bob: L1, L2, L3, L4; 3 converted; days 2.1, 4.5, 80.1
    expect((await run("director")).totals).toEqual({ leads: 4, converted: 3, conversionRate: 0.75, medianDaysToConvert: 4.5 });
    const bob = await run("bob");
    expect(bob.totals).toEqual({ leads: 2, converted: 1, conversionRate: 0.5, medianDaysToConvert: 80.1 });
    expect(bob.byManager.map((row) => row.managerName)).toEqual(["bob"]);
    expect(bob.byMonth.map((row) => row.month)).toEqual(["2025-01", "2025-02"]);
  });

  it("answers zeros and nulls for a period without leads", async () => {
    const result = await run("admin", { from: "2024-06-01", to: "2024-06-30" });
    expect(result).toEqual({ rows: [], byMonth: [], bySource: [], byManager: [], totals: { leads: 0, converted: 0, conversionRate: null, medianDaysToConvert: null } });
  });
});
