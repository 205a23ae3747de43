// The builder's traffic measures — ad spend, CPL, CAC, ROMI, with leads, won deals and revenue — by
// team and inside a team, equal the traffic dashboard's rows on its own dataset (traffic-teams-fixtures.ts),
// for an admin (the whole spend) and a director (spend allocated by the department's share of leads).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { loadViewer } from "@/lib/auth/viewer";
import { resolvePeriod } from "../filters";
import { getTrafficTeams } from "../traffic-teams";
import { createTrafficFixture, type TrafficFixture } from "../traffic-teams-fixtures";
import type { Dimension, Measure } from "./catalogue";
import { customReportSchema, type CustomReportRequest } from "./request";
import { runCustomReport } from "./run-custom-report";

let testDb: TestDb;
let fixture: TrafficFixture;
const now = new Date("2025-04-15T09:00:00Z");
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };
const march = { from: "2025-03-01", to: "2025-03-31" };
const measures: Measure[] = ["leads", "wonDeals", "wonRevenue", "adSpend", "cpl", "cac", "romi"];

beforeAll(async () => {
  testDb = await createTestDb();
  fixture = await createTrafficFixture(testDb.db);
});
afterAll(() => testDb.close());

type Who = "admin" | "director";
async function build(who: Who, dimensions: Dimension[]) {
  const viewer = (await loadViewer(testDb.db, fixture.f.users[who].id))!;
  return runCustomReport(testDb.db, viewer, customReportSchema.parse({ measures, dimensions, period: march }) as CustomReportRequest, now);
}
function traffic(who: Who) {
  const user = fixture.f.users[who];
  const scope = scopeOf({ orgId: user.orgId, role: user.role, userId: user.id, departmentId: user.departmentId });
  return getTrafficTeams({ db: testDb.db, scope, org, filters: march, period: resolvePeriod(march, org.timezone, now), now });
}
const figures = (row: { leads: number; wonDeals: number; revenue: string; spend: string | null; cpl: string | null; cac: string | null; romi: number | null }) => ({
  leads: row.leads,
  wonDeals: row.wonDeals,
  wonRevenue: row.revenue,
  adSpend: row.spend,
  cpl: row.cpl,
  cac: row.cac,
  romi: row.romi,
});

describe("the report builder's traffic measures", () => {
  it("by team equal the traffic dashboard's rows, the Unattributed row included", async () => {
    const built = await build("admin", ["trafficTeam"]);
    const byTeam = Object.fromEntries(built.rows.map((row) => [row.labels[0] ?? "Unattributed", row.values]));
    // Alpha: 4 leads, 2 won = 100 000 + 200 $ × 520 = 204 000 ₸; spend 60 000 + 100 $ × 520 = 112 000 ₸:
    // CPL 112 000 ÷ 4 = 28 000, CAC 112 000 ÷ 2 = 56 000, ROMI (204 000 − 112 000) ÷ 112 000 = 0.8214
    expect(byTeam.Alpha).toEqual({ leads: 4, wonDeals: 2, wonRevenue: "204000.00", adSpend: "112000.00", cpl: "28000.00", cac: "56000.00", romi: 0.8214 });
    // Beta: 2 leads, no sales, 30 000 ₸ spent: CPL 15 000, no CAC, ROMI −1
    expect(byTeam.Beta).toEqual({ leads: 2, wonDeals: 0, wonRevenue: "0.00", adSpend: "30000.00", cpl: "15000.00", cac: null, romi: -1 });
    const report = await traffic("admin");
    expect(built.rows.map((row) => [row.keys[0], row.values])).toEqual(
      expect.arrayContaining(report.rows.map((row) => [row.teamId, figures(row)])),
    );
    expect(built.rows).toHaveLength(report.rows.length);
    expect(built.totals).toEqual(figures(report.totals));
  });

  it("inside a team by utm_campaign and by month equal the dashboard's breakdowns", async () => {
    const report = await traffic("admin");
    const campaigns = await build("admin", ["trafficTeam", "utmCampaign"]);
    expect(campaigns.rows.map((row) => [row.keys[0], row.keys[1], row.values])).toEqual(
      expect.arrayContaining(report.byCampaign.map((row) => [row.teamId, row.utmCampaign, figures(row)])),
    );
    expect(campaigns.rows).toHaveLength(report.byCampaign.length);
    // Alpha's spring: 2 leads, 100 000 ₸ won, 60 000 ₸ spent
    const spring = campaigns.rows.find((row) => row.labels[0] === "Alpha" && row.keys[1] === "spring")!;
    expect([spring.values.leads, spring.values.wonRevenue, spring.values.adSpend]).toEqual([2, "100000.00", "60000.00"]);
    const months = await build("admin", ["month", "trafficTeam"]);
    const alphaMarch = months.rows.find((row) => row.keys[0] === "2025-03" && row.labels[1] === "Alpha")!;
    expect(alphaMarch.values).toEqual(figures(report.byMonth.find((row) => row.teamId === fixture.team.alpha.id && row.month === "2025-03")!));
  });

  it("gives a director the dashboard's allocated spend", async () => {
    const built = await build("director", ["trafficTeam"]);
    const report = await traffic("director");
    expect(report.spendBasis).toBe("allocated");
    expect(built.rows.map((row) => [row.keys[0], row.values])).toEqual(expect.arrayContaining(report.rows.map((row) => [row.teamId, figures(row)])));
    // Sales (alice and bob) hold 3 of Alpha's 4 leads: 112 000 × 3 ÷ 4 = 84 000 ₸
    expect(built.rows.find((row) => row.labels[0] === "Alpha")!.values.adSpend).toBe("84000.00");
  });
});
