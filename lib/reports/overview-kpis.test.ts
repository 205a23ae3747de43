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
  // The period: March 2025 in Almaty, 31 days. The previous period: the 31 days before, 29 January – 28 February.
  await f.addDeal({ manager: "alice", stage: "WON", amount: "100000", createdAt: "2025-03-01T05:00:00Z", closedAt: "2025-03-11T05:00:00Z" }); // 10 days
  await f.addDeal({ manager: "bob", stage: "WON", amount: "200", currency: "USD", createdAt: "2025-02-20T05:00:00Z", closedAt: "2025-03-06T05:00:00Z" }); // 200 × 510, 14 days
  await f.addDeal({ manager: "carol", stage: "WON", amount: "50000", createdAt: "2025-02-27T19:30:00Z", closedAt: "2025-02-28T19:30:00Z" }); // 1 March 00:30 in Almaty, 1 day
  await f.addDeal({ manager: "alice", stage: "LOSE", amount: "30000", createdAt: "2025-03-01T05:00:00Z", closedAt: "2025-03-15T05:00:00Z" });
  await f.addDeal({ manager: "alice", stage: "WON", amount: "999999", createdAt: "2025-03-01T05:00:00Z", closedAt: "2025-03-12T05:00:00Z", deletedAt: "2025-03-13T05:00:00Z" });
  await f.addDeal({ manager: "bob", stage: "LOSE", amount: "1", createdAt: "2025-03-01T05:00:00Z", closedAt: "2025-03-31T20:00:00Z" }); // 1 April in Almaty
  // The previous period
  await f.addDeal({ manager: "alice", stage: "WON", amount: "60000", createdAt: "2025-02-01T05:00:00Z", closedAt: "2025-02-11T05:00:00Z" }); // 10 days
  await f.addDeal({ manager: "bob", stage: "WON", amount: "40000", createdAt: "2025-01-20T05:00:00Z", closedAt: "2025-01-30T05:00:00Z" }); // 10 days
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
  it("compares the period with the one before, in ₸ at the close date's rate", async () => {
    const report = await run("admin");
    expect(byKpi(report.rows)).toEqual({
      // 100 000 + 200 $ × 510 + 50 000 (won 1 March 00:30 in Almaty) = 252 000; before: 60 000 + 40 000 = 100 000
      revenue: { value: "252000.00", previousValue: "100000.00", change: 1.52 },
      wonDeals: { value: 3, previousValue: 2, change: 0.5 },
      // 3 ÷ (3 + 1) = 0.75; before 2 ÷ (2 + 2) = 0.5
      winRate: { value: 0.75, previousValue: 0.5, change: 0.5 },
      // 252 000 ÷ 3 = 84 000; before 100 000 ÷ 2 = 50 000; (84 000 − 50 000) ÷ 50 000 = 0.68
      averageDeal: { value: "84000.00", previousValue: "50000.00", change: 0.68 },
      // (10 + 14 + 1) ÷ 3 = 8.33… shown as 8.3 days; before (10 + 10) ÷ 2 = 10;
      // the change is taken before rounding: (8.333… − 10) ÷ 10 = −0.1667
      averageSalesCycleDays: { value: 8.3, previousValue: 10, change: -0.1667 },
      // l1–l4 (l5 is deleted); before 2
      newLeads: { value: 4, previousValue: 2, change: 1 },
      // l1 by status, l2 by a live deal: 2 ÷ 4; before 1 ÷ 2
      leadConversion: { value: 0.5, previousValue: 0.5, change: 0 },
    });
    expect(report.totals.previousPeriod).toEqual({ from: new Date("2025-01-28T19:00:00Z"), to: new Date("2025-02-28T19:00:00Z") });
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
    expect(alice.revenue).toEqual({ value: "100000.00", previousValue: "60000.00", change: 0.6667 });
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
    expect(report.revenue).toEqual({ value: "0.00", previousValue: "0.00", change: null });
    expect(report.winRate).toEqual({ value: null, previousValue: null, change: null });
    expect(report.averageDeal).toEqual({ value: null, previousValue: null, change: null });
    expect(report.newLeads.value).toBe(4);
  });
});
