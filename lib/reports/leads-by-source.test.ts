import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDealFromLead, addSourcedLead } from "@/db/test/activity-fixtures";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { resolvePeriod, type ReportFilters } from "./filters";
import { getLeadsBySource, type LeadsBySourceResult } from "./leads-by-source";

let testDb: TestDb;
let f: OrgFixture;
let other: OrgFixture;
const now = new Date("2025-04-15T09:00:00Z");
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };
// March 2025 in Almaty (UTC+5): [28 Feb 19:00 UTC, 31 Mar 19:00 UTC)
const march = { from: "2025-03-01", to: "2025-03-31" };

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  other = await createOrgFixture(testDb.db);
  const db = testDb.db;
  // 1–4 Instagram / ig: #1 converted by the CRM, #2 by a deal made in April (converted for March), #3 and #4 open
  await addSourcedLead(db, f, { manager: "alice", createdAt: "2025-03-02T10:00:00Z", channel: "Instagram", utmSource: "ig", status: "converted", convertedAt: "2025-03-03T10:00:00Z" });
  const second = await addSourcedLead(db, f, { manager: "alice", createdAt: "2025-03-03T10:00:00Z", channel: "Instagram", utmSource: "ig" });
  await addDealFromLead(db, f, second, { manager: "alice", stage: "NEW", amount: "1", createdAt: "2025-04-02T10:00:00Z" });
  await addSourcedLead(db, f, { manager: "alice", createdAt: "2025-03-04T10:00:00Z", channel: "Instagram", utmSource: "ig" });
  await addSourcedLead(db, f, { manager: "bob", createdAt: "2025-03-05T10:00:00Z", channel: "Instagram", utmSource: "ig" });
  // 5 Сайт / no UTM, converted by the CRM
  await addSourcedLead(db, f, { manager: "bob", createdAt: "2025-03-06T10:00:00Z", channel: "Сайт", status: "converted" });
  // 6 a blank source / google, open; 7 no source / an empty utm_source, converted by a deal
  await addSourcedLead(db, f, { manager: "carol", createdAt: "2025-03-07T10:00:00Z", channel: "  ", utmSource: "google" });
  const seventh = await addSourcedLead(db, f, { manager: "carol", createdAt: "2025-03-08T10:00:00Z", utmSource: "" });
  await addDealFromLead(db, f, seventh, { manager: "carol", stage: "WON", amount: "1", createdAt: "2025-03-09T10:00:00Z", closedAt: "2025-03-10T10:00:00Z" });
  // 8 Сайт / google, created 28 Feb 19:30 UTC = 1 March 00:30 in Almaty: March
  await addSourcedLead(db, f, { manager: "alice", createdAt: "2025-02-28T19:30:00Z", channel: "Сайт", utmSource: "google" });
  // 9 Сайт / google whose only deal is deleted: not converted
  const ninth = await addSourcedLead(db, f, { manager: "bob", createdAt: "2025-03-10T10:00:00Z", channel: "Сайт", utmSource: "google" });
  await addDealFromLead(db, f, ninth, { manager: "bob", stage: "NEW", amount: "1", createdAt: "2025-03-11T10:00:00Z", deletedAt: "2025-03-12T10:00:00Z" });
  // Counted nowhere: 1 April 00:30 in Almaty; a deleted lead; another organisation's lead.
  await addSourcedLead(db, f, { manager: "alice", createdAt: "2025-03-31T19:30:00Z", channel: "Instagram", utmSource: "ig" });
  await addSourcedLead(db, f, { manager: "alice", createdAt: "2025-03-12T10:00:00Z", channel: "Instagram", utmSource: "ig", status: "converted", deletedAt: "2025-03-13T10:00:00Z" });
  await addSourcedLead(db, other, { manager: "alice", createdAt: "2025-03-12T10:00:00Z", channel: "Instagram", utmSource: "ig" });
});
afterAll(() => testDb.close());

type Who = "admin" | "director" | "alice" | "bob" | "carol";
function run(who: Who, filters: ReportFilters = march): Promise<LeadsBySourceResult> {
  const user = f.users[who];
  const scope = scopeOf({ orgId: user.orgId, role: user.role, userId: user.id, departmentId: user.departmentId });
  return getLeadsBySource({ db: testDb.db, scope, org, filters, period: resolvePeriod(filters, org.timezone, now), now });
}

describe("leads by source", () => {
  it("splits the organisation's leads by source and by utm_source, most leads first", async () => {
    const result = await run("admin");
    // 9 leads, 4 converted (#1, #2, #5, #7)
    expect(result.totals).toEqual({ leads: 9, converted: 4, conversionRate: 0.4444 });
    expect(result.rows).toEqual([
      { source: "Instagram", sourceName: "Instagram", leads: 4, share: 0.4444, converted: 2, conversionRate: 0.5 }, // 4 ÷ 9; #1, #2
      { source: "Сайт", sourceName: "Сайт", leads: 3, share: 0.3333, converted: 1, conversionRate: 0.3333 }, // #5, #8, #9; #5
      { source: null, sourceName: null, leads: 2, share: 0.2222, converted: 1, conversionRate: 0.5 }, // #6 blank, #7 none; #7
    ]);
    expect(result.byUtmSource).toEqual([
      { source: "ig", sourceName: "ig", leads: 4, share: 0.4444, converted: 2, conversionRate: 0.5 },
      { source: "google", sourceName: "google", leads: 3, share: 0.3333, converted: 0, conversionRate: 0 }, // #6, #8, #9
      { source: null, sourceName: null, leads: 2, share: 0.2222, converted: 2, conversionRate: 1 }, // #5 none, #7 ""
    ]);
  });

  it("shows a director their department's leads, shares of their own total", async () => {
    const result = await run("director");
    // alice and bob: #1–#5, #8, #9 = 7 leads, 3 converted
    expect(result.totals).toEqual({ leads: 7, converted: 3, conversionRate: 0.4286 });
    expect(result.rows).toEqual([
      { source: "Instagram", sourceName: "Instagram", leads: 4, share: 0.5714, converted: 2, conversionRate: 0.5 }, // 4 ÷ 7
      { source: "Сайт", sourceName: "Сайт", leads: 3, share: 0.4286, converted: 1, conversionRate: 0.3333 },
    ]);
  });

  it("shows a manager their own leads only", async () => {
    const result = await run("carol");
    expect(result.totals).toEqual({ leads: 2, converted: 1, conversionRate: 0.5 });
    expect(result.rows).toEqual([{ source: null, sourceName: null, leads: 2, share: 1, converted: 1, conversionRate: 0.5 }]);
    // ties by name, "not set" last
    expect(result.byUtmSource).toEqual([
      { source: "google", sourceName: "google", leads: 1, share: 0.5, converted: 0, conversionRate: 0 },
      { source: null, sourceName: null, leads: 1, share: 0.5, converted: 1, conversionRate: 1 },
    ]);
  });

  it("answers no rows and a null rate for a period without leads", async () => {
    const noForms = { byForm: [], byUtmSource: [], totals: { formLeads: 0, reached: 0, lost: 0, reachedRate: null }, lostList: [], lostListTruncated: false };
    expect(await run("admin", { from: "2024-06-01", to: "2024-06-30" })).toEqual({ rows: [], byUtmSource: [], totals: { leads: 0, converted: 0, conversionRate: null }, forms: noForms });
  });
});
