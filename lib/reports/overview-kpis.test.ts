import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leads } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { linkDealToLead, markLeadConverted } from "@/db/test/report-fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { refreshReportFacts } from "./facts/refresh";
import { resolvePeriod, type ReportFilters } from "./filters";
import { getOverviewKpis, type OverviewKpi, type OverviewRow } from "./overview-kpis";

let testDb: TestDb;
let f: OrgFixture;
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" }; // UTC+5
const now = new Date("2025-04-10T09:00:00Z");

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  const other = await createOrgFixture(testDb.db);
  await f.addRate("USD", "2025-03-01", "500");
  await f.addRate("USD", "2025-03-05", "510");
  // The period: March 2025 in Almaty, a whole month that has ended. The previous period: the whole of February.
  await f.addDeal({ manager: "alice", stage: "WON", amount: "100000", createdAt: "2025-03-01T05:00:00Z", closedAt: "2025-03-11T05:00:00Z" }); // 10 days
  await f.addDeal({ manager: "bob", stage: "WON", amount: "200", currency: "USD", createdAt: "2025-02-20T05:00:00Z", closedAt: "2025-03-06T05:00:00Z" }); // 200 × 510, 14 days
  await f.addDeal({ manager: "carol", stage: "WON", amount: "50000", createdAt: "2025-02-27T19:30:00Z", closedAt: "2025-02-28T19:30:00Z" }); // 1 March 00:30 in Almaty, 1 day
  await f.addDeal({ manager: "alice", stage: "LOSE", amount: "30000", createdAt: "2025-03-01T05:00:00Z", closedAt: "2025-03-15T05:00:00Z" });
  await f.addDeal({ manager: "alice", stage: "WON", amount: "999999", createdAt: "2025-03-01T05:00:00Z", closedAt: "2025-03-12T05:00:00Z", deletedAt: "2025-03-13T05:00:00Z" });
  await f.addDeal({ manager: "bob", stage: "LOSE", amount: "1", createdAt: "2025-03-01T05:00:00Z", closedAt: "2025-03-31T20:00:00Z" }); // 1 April in Almaty
  // The previous period
  await f.addDeal({ manager: "alice", stage: "WON", amount: "60000", createdAt: "2025-02-01T05:00:00Z", closedAt: "2025-02-11T05:00:00Z" }); // 10 days
  // 30 January: 31 days before March, but not in February — out of the comparison
  await f.addDeal({ manager: "bob", stage: "WON", amount: "40000", createdAt: "2025-01-20T05:00:00Z", closedAt: "2025-01-30T05:00:00Z" });
  await f.addDeal({ manager: "bob", stage: "LOSE", amount: "1", createdAt: "2025-02-01T05:00:00Z", closedAt: "2025-02-15T05:00:00Z" });
  await f.addDeal({ manager: "bob", stage: "LOSE", amount: "1", createdAt: "2025-02-01T05:00:00Z", closedAt: "2025-02-16T05:00:00Z" });
  // Before the previous period, but in the sparkline: 28 January
  await f.addDeal({ manager: "carol", stage: "WON", amount: "7000", createdAt: "2025-01-20T05:00:00Z", closedAt: "2025-01-28T10:00:00Z" });
  // Sparkline edges: 31 March 2024 19:30 UTC is 1 April in Almaty (in); 15 March 2024 is out
  await f.addDeal({ manager: "alice", stage: "WON", amount: "1000", createdAt: "2024-03-01T05:00:00Z", closedAt: "2024-03-31T19:30:00Z" });
  await f.addDeal({ manager: "alice", stage: "WON", amount: "500", createdAt: "2024-03-01T05:00:00Z", closedAt: "2024-03-15T05:00:00Z" });
  // Leads in March: l1 converted by status, l2 by a deal, l3 only by a deleted deal (not converted), l4 open, l5 deleted
  await markLeadConverted(testDb.db, (await f.addLead({ manager: "alice", createdAt: "2025-03-02T05:00:00Z" })).id);
  const bobsDeal = await f.addDeal({ manager: "bob", stage: "NEW", amount: "1", createdAt: "2025-03-04T05:00:00Z" });
  await linkDealToLead(testDb.db, bobsDeal.id, (await f.addLead({ manager: "bob", createdAt: "2025-03-03T05:00:00Z" })).id);
  const deletedDeal = await f.addDeal({ manager: "carol", stage: "NEW", amount: "1", createdAt: "2025-03-04T05:00:00Z", deletedAt: "2025-03-05T05:00:00Z" });
  await linkDealToLead(testDb.db, deletedDeal.id, (await f.addLead({ manager: "carol", createdAt: "2025-03-05T05:00:00Z" })).id);
  await f.addLead({ manager: "alice", createdAt: "2025-03-06T05:00:00Z" });
  await f.addLead({ manager: "alice", createdAt: "2025-03-07T05:00:00Z" }).then((lead) => markLeadDeleted(lead.id));
  // Leads in the previous period: one of two converted
  await markLeadConverted(testDb.db, (await f.addLead({ manager: "bob", createdAt: "2025-02-10T05:00:00Z" })).id);
  await f.addLead({ manager: "alice", createdAt: "2025-02-11T05:00:00Z" });
  await other.addDeal({ manager: "alice", stage: "WON", amount: "777777", createdAt: "2025-03-01T05:00:00Z", closedAt: "2025-03-05T05:00:00Z" });
});
afterAll(() => testDb.close());

async function markLeadDeleted(leadId: string) {
  await testDb.db.update(leads).set({ deletedAt: new Date("2025-03-08T05:00:00Z") }).where(eq(leads.id, leadId));
  await refreshReportFacts(testDb.db, f.org.id, { leadIds: [leadId] });
}

async function run(who: "admin" | "director" | "alice", filters: ReportFilters = {}) {
  const user = f.users[who];
  const range = { from: "2025-03-01", to: "2025-03-31", ...filters };
  return getOverviewKpis({ db: testDb.db, scope: scopeOf({ ...user, userId: user.id }), org, filters: range, period: resolvePeriod(range, org.timezone, now), now });
}
const byKpi = (rows: OverviewRow[]) => Object.fromEntries(rows.map(({ kpi, ...rest }) => [kpi, rest])) as Record<OverviewKpi, Omit<OverviewRow, "kpi">>;

describe("overview KPIs", () => {
  it("compares a whole month with the whole month before, in ₸ at the close date's rate; rates change in points", async () => {
    const report = await run("admin");
    expect(byKpi(report.rows)).toEqual({
      // 100 000 + 200 $ × 510 + 50 000 (won 1 March 00:30 in Almaty) = 252 000; February: 60 000;
      // (252 000 − 60 000) ÷ 60 000 = 3.2
      revenue: { value: "252000.00", previousValue: "60000.00", change: 3.2, changeKind: "relative" },
      wonDeals: { value: 3, previousValue: 1, change: 2, changeKind: "relative" },
      // 3 ÷ (3 + 1) = 0.75; February 1 ÷ (1 + 2) = 0.3333…; 0.75 − 0.3333… = 0.4167 (41.7 percentage points)
      winRate: { value: 0.75, previousValue: 0.3333, change: 0.4167, changeKind: "points" },
      // 252 000 ÷ 3 = 84 000; February 60 000 ÷ 1; (84 000 − 60 000) ÷ 60 000 = 0.4
      averageDeal: { value: "84000.00", previousValue: "60000.00", change: 0.4, changeKind: "relative" },
      // (10 + 14 + 1) ÷ 3 = 8.33… shown as 8.3 days; February 10;
      // the change is taken before rounding: (8.333… − 10) ÷ 10 = −0.1667
      averageSalesCycleDays: { value: 8.3, previousValue: 10, change: -0.1667, changeKind: "relative" },
      // l1–l4 (l5 is deleted); February 2
      newLeads: { value: 4, previousValue: 2, change: 1, changeKind: "relative" },
      // l1 by status, l2 by a live deal: 2 ÷ 4; February 1 ÷ 2: no change, 0 points
      leadConversion: { value: 0.5, previousValue: 0.5, change: 0, changeKind: "points" },
    });
    // 1 March – 31 March (Almaty) against 1 February – 28 February
    expect(report.totals).toEqual({
      currentPeriod: { from: new Date("2025-02-28T19:00:00Z"), to: new Date("2025-03-31T19:00:00Z") },
      previousPeriod: { from: new Date("2025-01-31T19:00:00Z"), to: new Date("2025-02-28T19:00:00Z") },
      isToDate: false,
    });
  });

  it("draws 12 months of revenue ending with the period's last month", async () => {
    const { sparkline } = await run("admin");
    expect(sparkline.map((point) => point.month)).toEqual([
      "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03",
    ]);
    expect(sparkline[0].revenue).toBe("1000.00"); // won 1 April 2024 in Almaty; the 15 March 2024 deal is out
    expect(sparkline[9].revenue).toBe("47000.00"); // January: 7 000 + 40 000
    expect(sparkline[10].revenue).toBe("60000.00");
    expect(sparkline[11].revenue).toBe("252000.00");
    expect(sparkline.slice(1, 9).every((point) => point.revenue === "0.00")).toBe(true);
  });

  it("shows a manager their own figures and a director their department", async () => {
    const alice = byKpi((await run("alice")).rows);
    // alice: 100 000 won, 1 lost → 1 ÷ 2; leads l1 and l4, l1 converted
    expect(alice.revenue).toEqual({ value: "100000.00", previousValue: "60000.00", change: 0.6667, changeKind: "relative" });
    expect(alice.winRate.value).toBe(0.5);
    expect(alice.averageSalesCycleDays.value).toBe(10);
    expect(alice.newLeads.value).toBe(2);
    expect(alice.leadConversion.value).toBe(0.5);
    const director = byKpi((await run("director")).rows);
    // alice and bob: 100 000 + 102 000 = 202 000; 2 ÷ (2 + 1); leads l1, l2, l4 with 2 converted
    expect(director.revenue.value).toBe("202000.00");
    expect(director.winRate.value).toBe(0.6667);
    expect(director.newLeads.value).toBe(3);
    expect(director.leadConversion.value).toBe(0.6667);
  });

  it("does not apply the pipeline filter to leads; zero previous values give a null change", async () => {
    const report = byKpi((await run("admin", { pipelineId: crypto.randomUUID() })).rows);
    expect(report.revenue).toEqual({ value: "0.00", previousValue: "0.00", change: null, changeKind: "relative" });
    expect(report.winRate).toEqual({ value: null, previousValue: null, change: null, changeKind: "points" });
    expect(report.averageDeal).toEqual({ value: null, previousValue: null, change: null, changeKind: "relative" });
    expect(report.newLeads.value).toBe(4);
  });
});

describe("overview KPIs of a period still running", () => {
  // Today is 6 December 2026, 12:00 in Almaty; the default period is 1 January – 31 December 2026.
  const today = new Date("2026-12-06T07:00:00Z");
  let g: OrgFixture;
  beforeAll(async () => {
    g = await createOrgFixture(testDb.db);
    await g.addDeal({ manager: "alice", stage: "WON", amount: "110000", createdAt: "2026-11-01T05:00:00Z", closedAt: "2026-12-03T05:00:00Z" });
    await g.addDeal({ manager: "alice", stage: "WON", amount: "100000", createdAt: "2025-11-01T05:00:00Z", closedAt: "2025-12-06T18:00:00Z" }); // 6 December 23:00 in Almaty: in
    await g.addDeal({ manager: "alice", stage: "WON", amount: "50000", createdAt: "2025-11-01T05:00:00Z", closedAt: "2025-12-06T19:30:00Z" }); // 7 December 00:30 in Almaty: out
  });

  it("compares 1 January – 6 December 2026 with 1 January – 6 December 2025, not with all of 2025", async () => {
    const user = g.users.admin;
    const report = await getOverviewKpis({ db: testDb.db, scope: scopeOf({ ...user, userId: user.id }), org, filters: {}, period: resolvePeriod({}, org.timezone, today), now: today });
    // 110 000 against 100 000 (the 50 000 of 7 December 2025 is after the same days): +10 %, where all of 2025 (150 000) would say −26.7 %
    expect(byKpi(report.rows).revenue).toEqual({ value: "110000.00", previousValue: "100000.00", change: 0.1, changeKind: "relative" });
    expect(report.totals).toEqual({
      currentPeriod: { from: new Date("2025-12-31T19:00:00Z"), to: new Date("2026-12-06T19:00:00Z") },
      previousPeriod: { from: new Date("2024-12-31T19:00:00Z"), to: new Date("2025-12-06T19:00:00Z") },
      isToDate: true,
    });
  });
});
