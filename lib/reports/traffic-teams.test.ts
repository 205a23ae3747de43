import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import type { Db } from "@/db/types";
import { scopeOf } from "@/lib/auth/scope";
import { resolvePeriod, type ReportFilters } from "./filters";
import { getSalesByMonth } from "./sales-by-month";
import { createTrafficFixture, type TrafficFixture } from "./traffic-teams-fixtures";
import { getTrafficTeams, type TrafficTeamsResult } from "./traffic-teams";

let testDb: TestDb;
let f: OrgFixture;
let team: TrafficFixture["team"];
const now = new Date("2025-04-15T09:00:00Z");
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };
const march: ReportFilters = { from: "2025-03-01", to: "2025-03-31" };

beforeAll(async () => {
  testDb = await createTestDb();
  ({ f, team } = await createTrafficFixture(testDb.db));
});
afterAll(() => testDb.close());

type Who = "admin" | "director" | "alice" | "bob" | "carol";
function contextOf(who: Who, filters: ReportFilters = march, db: Db = testDb.db) {
  const user = f.users[who];
  const scope = scopeOf({ orgId: user.orgId, role: user.role, userId: user.id, departmentId: user.departmentId });
  return { db, scope, org, filters, period: resolvePeriod(filters, org.timezone, now), now };
}
const run = (who: Who, filters?: ReportFilters, db?: Db) => getTrafficTeams(contextOf(who, filters, db));
const row = (result: TrafficTeamsResult, name: string | null) => result.rows.find((r) => r.teamName === name)!;
const figures = (r: object) => {
  const { leads, wonDeals, revenue, spend, cpl, cac, romi, conversionRate } = r as TrafficTeamsResult["totals"];
  return { leads, wonDeals, revenue, spend, cpl, cac, romi, conversionRate };
};

describe("traffic teams for an admin (the whole spend)", () => {
  it("gives each team's CPL, CAC, ROMI and conversion from its leads, won deals in two currencies and spend", async () => {
    const result = await run("admin");
    expect(result.spendBasis).toBe("full");
    // Teams by leads, then the Unattributed row; the inactive Gamma has nothing and is left out.
    expect(result.rows.map((r) => r.teamName)).toEqual(["Alpha", "Beta", "Epsilon", "Delta", null]);
    // Alpha: 4 leads; won 100 000 ₸ + 200 $ × 520 = 204 000 ₸; spend 60 000 ₸ + 100 $ × 520 (the rate of 10 March) = 112 000 ₸.
    // CPL 112 000 ÷ 4 = 28 000; CAC 112 000 ÷ 2 = 56 000; ROMI (204 000 − 112 000) ÷ 112 000 = 0.8214; conversion 2 ÷ 4.
    expect(figures(row(result, "Alpha"))).toEqual({ leads: 4, wonDeals: 2, revenue: "204000.00", spend: "112000.00", cpl: "28000.00", cac: "56000.00", romi: 0.8214, conversionRate: 0.5 });
    // Beta: spend and no sales: CPL 30 000 ÷ 2 = 15 000, CAC — (no sale), ROMI (0 − 30 000) ÷ 30 000 = −100 %.
    expect(figures(row(result, "Beta"))).toEqual({ leads: 2, wonDeals: 0, revenue: "0.00", spend: "30000.00", cpl: "15000.00", cac: null, romi: -1, conversionRate: 0 });
    // Delta: 5 000 ₸ and no leads: CPL and CAC —, ROMI −100 %. Epsilon: a lead, no spend: CPL, CAC and ROMI —.
    expect(figures(row(result, "Delta"))).toEqual({ leads: 0, wonDeals: 0, revenue: "0.00", spend: "5000.00", cpl: null, cac: null, romi: -1, conversionRate: null });
    expect(figures(row(result, "Epsilon"))).toEqual({ leads: 1, wonDeals: 0, revenue: "0.00", spend: "0.00", cpl: null, cac: null, romi: null, conversionRate: 0 });
  });

  it("shows the Unattributed row with its share of all leads and revenue, and the teams' totals apart", async () => {
    const result = await run("admin");
    // 2 of 9 leads (4 + 2 + 1 + 2) and 46 000 of 250 000 ₸ (204 000 + 46 000) have no team; no spend can be theirs.
    expect(row(result, null)).toMatchObject({ teamId: null, leads: 2, wonDeals: 1, revenue: "46000.00", spend: null, cpl: null, cac: null, romi: null, leadShare: 0.2222, revenueShare: 0.184 });
    expect(row(result, "Alpha")).toMatchObject({ leadShare: 0.4444, revenueShare: 0.816 }); // 4 ÷ 9, 204 000 ÷ 250 000
    // Teams: 7 leads, 2 won, 204 000 ₸, spend 112 000 + 30 000 + 5 000 = 147 000 ₸:
    // CPL 147 000 ÷ 7 = 21 000; CAC 147 000 ÷ 2 = 73 500; ROMI (204 000 − 147 000) ÷ 147 000 = 0.3878; conversion 2 ÷ 7.
    expect(result.totals).toEqual({
      ...{ leads: 7, wonDeals: 2, revenue: "204000.00", spend: "147000.00", cpl: "21000.00", cac: "73500.00", romi: 0.3878, conversionRate: 0.2857 },
      ...{ allLeads: 9, allWonDeals: 3, allRevenue: "250000.00", unattributedLeadShare: 0.2222, unattributedRevenueShare: 0.184 },
    });
  });

  it("adds up to the Sales dashboard's revenue for the same period", async () => {
    const result = await run("admin");
    const sales = await getSalesByMonth(contextOf("admin"));
    expect(sales.totals.wonAmount).toBe("250000.00");
    expect(result.totals.allRevenue).toBe(sales.totals.wonAmount);
  });

  it("breaks a team down by utm_source and utm_campaign, spend included", async () => {
    const result = await run("admin");
    const alpha = (rows: { teamId: string | null }[]) => rows.filter((r) => r.teamId === team.alpha.id);
    // fb_alpha and FB_Alpha are one source: 3 leads, alice's 100 000 ₸, spend 60 000 + 52 000;
    // CPL 112 000 ÷ 3 = 37 333.33; ROMI (100 000 − 112 000) ÷ 112 000 = −0.1071. ig_alpha: carol's lead and 104 000 ₸, no spend.
    expect(alpha(result.bySource)).toEqual([
      { teamId: team.alpha.id, utmSource: "FB_Alpha", leads: 3, wonDeals: 1, revenue: "100000.00", spend: "112000.00", cpl: "37333.33", cac: "112000.00", romi: -0.1071, conversionRate: 0.3333 },
      { teamId: team.alpha.id, utmSource: "ig_alpha", leads: 1, wonDeals: 1, revenue: "104000.00", spend: "0.00", cpl: null, cac: null, romi: null, conversionRate: 1 },
    ]);
    // spring: 2 leads, 100 000 ₸, 60 000 ₸: CPL 30 000, ROMI 40 000 ÷ 60 000 = 0.6667; summer: bob's lead, 52 000 ₸, no sale.
    expect(alpha(result.byCampaign)).toEqual([
      { teamId: team.alpha.id, utmCampaign: "spring", leads: 2, wonDeals: 1, revenue: "100000.00", spend: "60000.00", cpl: "30000.00", cac: "60000.00", romi: 0.6667, conversionRate: 0.5 },
      { teamId: team.alpha.id, utmCampaign: null, leads: 1, wonDeals: 1, revenue: "104000.00", spend: "0.00", cpl: null, cac: null, romi: null, conversionRate: 1 },
      { teamId: team.alpha.id, utmCampaign: "summer", leads: 1, wonDeals: 0, revenue: "0.00", spend: "52000.00", cpl: "52000.00", cac: null, romi: -1, conversionRate: 0 },
    ]);
    // Beta's spend names no source: it is the "not set" row, beside the leads' tt_beta.
    expect(result.bySource.filter((r) => r.teamId === team.beta.id).map((r) => [r.utmSource, r.leads, r.spend])).toEqual([
      ["tt_beta", 2, "0.00"],
      [null, 0, "30000.00"],
    ]);
    // Unattributed leads by source tell which tags are missing a rule.
    expect(result.bySource.filter((r) => r.teamId === null).map((r) => [r.utmSource, r.leads, r.revenue, r.spend])).toEqual([
      ["google", 1, "46000.00", null],
      [null, 1, "0.00", null],
    ]);
  });

  it("gives every team a monthly trend", async () => {
    const result = await run("admin", { from: "2025-02-01", to: "2025-03-31" });
    const alpha = result.byMonth.filter((r) => r.teamId === team.alpha.id);
    // February: the 10 February lead and 10 000 ₸; March as above.
    expect(alpha.map((r) => [r.month, r.leads, r.wonDeals, r.revenue, r.spend])).toEqual([
      ["2025-02", 1, 0, "0.00", "10000.00"],
      ["2025-03", 4, 2, "204000.00", "112000.00"],
    ]);
    // Every row of the table has both months, the quiet ones as zeros.
    expect(result.byMonth).toHaveLength(result.rows.length * 2);
    expect(result.byMonth.find((r) => r.teamId === team.delta.id && r.month === "2025-02")).toMatchObject({ leads: 0, spend: "0.00", romi: null });
  });
});

describe("traffic teams for a director or a manager (allocated spend)", () => {
  it("allocates each team's spend by the director's share of its leads", async () => {
    const result = await run("director");
    expect(result.spendBasis).toBe("allocated");
    // alice and bob: Alpha 3 of the organisation's 4 leads → 112 000 × 3 ÷ 4 = 84 000 ₸; alice's 100 000 ₸ won.
    // CPL 84 000 ÷ 3 = 28 000; CAC 84 000; ROMI (100 000 − 84 000) ÷ 84 000 = 0.1905.
    expect(figures(row(result, "Alpha"))).toEqual({ leads: 3, wonDeals: 1, revenue: "100000.00", spend: "84000.00", cpl: "28000.00", cac: "84000.00", romi: 0.1905, conversionRate: 0.3333 });
    // Beta: 1 of 2 leads → 15 000 ₸. Delta: no leads in the organisation → nothing to allocate by → 0.
    expect(figures(row(result, "Beta"))).toMatchObject({ leads: 1, spend: "15000.00", cpl: "15000.00", cac: null, romi: -1 });
    expect(figures(row(result, "Delta"))).toMatchObject({ leads: 0, spend: "0.00", cpl: null, cac: null, romi: null });
    // Unattributed: bob's lead and 46 000 ₸ (the lead without a manager is the admin's only).
    expect(row(result, null)).toMatchObject({ leads: 1, wonDeals: 1, revenue: "46000.00", spend: null });
    // Teams: 3 + 1 + 1 = 5 leads, 84 000 + 15 000 = 99 000 ₸: ROMI (100 000 − 99 000) ÷ 99 000 = 0.0101.
    // Shares: 1 of 6 leads, 46 000 of 146 000 ₸.
    expect(result.totals).toMatchObject({ leads: 5, spend: "99000.00", cpl: "19800.00", cac: "99000.00", romi: 0.0101, unattributedLeadShare: 0.1667, unattributedRevenueShare: 0.3151 });
    // No figure of carol's: her 104 000 ₸ and her leads stay out, in the breakdown too.
    expect(result.bySource.some((r) => r.utmSource === "ig_alpha")).toBe(false);
  });

  it("allocates a manager's spend the same way", async () => {
    const result = await run("carol");
    // Alpha 1 of 4 → 28 000 ₸ against her 200 $ × 520 = 104 000 ₸; Beta 1 of 2 → 15 000 ₸.
    expect(figures(row(result, "Alpha"))).toEqual({ leads: 1, wonDeals: 1, revenue: "104000.00", spend: "28000.00", cpl: "28000.00", cac: "28000.00", romi: 2.7143, conversionRate: 1 });
    // (104 000 − 43 000) ÷ 43 000 = 1.4186
    expect(result.totals).toMatchObject({ leads: 2, wonDeals: 1, revenue: "104000.00", spend: "43000.00", romi: 1.4186 });
    expect(row(result, null)).toMatchObject({ leads: 0, wonDeals: 0, revenue: "0.00" });
  });

  it("allocates an admin's spend too once a department or a manager narrows the leads", async () => {
    const department = await run("admin", { ...march, departmentId: f.departments.sales.id });
    const director = await run("director");
    expect(department.spendBasis).toBe("allocated");
    expect(department.rows.map(figures)).toEqual(director.rows.map(figures));
  });

  it("allocates each month by that month's leads", async () => {
    const result = await run("director", { from: "2025-02-01", to: "2025-03-31" });
    const alpha = result.byMonth.filter((r) => r.teamId === team.alpha.id);
    // February: alice has the only Alpha lead → all 10 000 ₸; March 3 of 4 → 84 000 ₸.
    expect(alpha.map((r) => [r.month, r.leads, r.spend])).toEqual([
      ["2025-02", 1, "10000.00"],
      ["2025-03", 3, "84000.00"],
    ]);
    // The period as a whole: 4 of 5 leads × 122 000 ₸ = 97 600 ₸ (not the months' 94 000: each span has its own share).
    expect(row(result, "Alpha").spend).toBe("97600.00");
  });
});

describe("spend days and exchange rates", () => {
  it("converts a spend day at that calendar day's rate, whatever the database session's time zone", async () => {
    for (const zone of ["UTC", "Pacific/Kiritimati", "America/Los_Angeles"]) {
      // 10 March's 100 $ at 520 (that day's rate), never at 500 (9 March's): Alpha's 60 000 + 52 000.
      const spend = await testDb.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local time zone '${zone}'`));
        return row(await run("admin", march, tx), "Alpha").spend;
      });
      expect(spend, zone).toBe("112000.00");
    }
  });

  it("counts a spend day by its date: 1 April's spend is in April, not March", async () => {
    // 1–2 April: the 99 999 ₸ of 1 April, and the deal won on 2 April; no lead.
    const april = await run("admin", { from: "2025-04-01", to: "2025-04-02" });
    expect(row(april, "Alpha")).toMatchObject({ spend: "99999.00", leads: 0, wonDeals: 1, revenue: "70000.00" });
  });
});
