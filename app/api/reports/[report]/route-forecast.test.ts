// GET /api/reports/forecast: the revenue forecast per role (a manager's own, a director's
// department, the admin's organisation), its bad filters, and an organisation without history.
import { TZDate } from "@date-fns/tz";
import { addMonths, format, startOfMonth } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import type { ForecastResult } from "@/lib/reports/revenue-forecast";
import { GET } from "./route";
import { routeRequest } from "@/db/test/call-route";

let testDb: TestDb;
let f: OrgFixture;
const token: Record<string, string> = {};
const zone = "Asia/Almaty";
// The route forecasts from today: the history is laid out relative to this month.
const thisMonth = startOfMonth(new TZDate(Date.now(), zone));
const monthKey = (offset: number) => format(addMonths(thisMonth, offset), "yyyy-MM");
const isDecember = (offset: number) => monthKey(offset).endsWith("-12");

function call(query: string, who: string) {
  return GET(routeRequest(`/api/reports/forecast${query}`, { as: { token: token[who] } }), { params: Promise.resolve({ report: "forecast" }) });
}
async function forecastOf(who: string, query = ""): Promise<ForecastResult & { filters: object }> {
  const response = await call(query, who);
  expect(response.status).toBe(200);
  return response.json();
}
const within = (value: string | null, expected: number, percent: number) => expect(Math.abs(Number(value) - expected) / expected).toBeLessThanOrEqual(percent / 100);

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  const other = await createOrgFixture(testDb.db);
  // 28 whole months before this one: alice wins 100 000 a month, bob 50 000, carol (Online) 30 000;
  // each December doubles. Each deal is created 10 days before it is won, on the 15th.
  for (let offset = -28; offset <= -1; offset++) {
    const closed = addMonths(thisMonth, offset);
    closed.setDate(15);
    const closedAt = new Date(closed.getTime() + 10 * 3_600_000).toISOString();
    const createdAt = new Date(closed.getTime() - 10 * 86_400_000).toISOString();
    const season = isDecember(offset) ? 2 : 1;
    await f.addDeal({ manager: "alice", stage: "WON", amount: String(100_000 * season), createdAt, closedAt });
    await f.addDeal({ manager: "bob", stage: "WON", amount: String(50_000 * season), createdAt, closedAt });
    await f.addDeal({ manager: "carol", stage: "WON", amount: String(30_000 * season), createdAt, closedAt });
  }
  // bob's open pipeline: one deal of 40 000 in EXECUTING, created this month.
  await f.addDeal({ manager: "bob", stage: "EXECUTING", amount: "40000", createdAt: new Date(thisMonth.getTime() + 3_600_000).toISOString() });
  // The other organisation has 3 months of history only.
  for (let offset = -3; offset <= -1; offset++) {
    const closedAt = new Date(addMonths(thisMonth, offset).getTime() + 86_400_000).toISOString();
    await other.addDeal({ manager: "alice", stage: "WON", amount: "999999", createdAt: closedAt, closedAt });
  }
  for (const who of ["admin", "director", "alice", "bob"] as const) {
    token[who] = (await createApiToken(testDb.db, { orgId: f.org.id, userId: f.users[who].id }, "test")).token;
  }
  token.otherAdmin = (await createApiToken(testDb.db, { orgId: other.org.id, userId: other.users.admin.id }, "test")).token;
}, 120_000);
afterAll(() => testDb.close());

describe("GET /api/reports/forecast", () => {
  it("forecasts alice's own revenue: 100 000 a month, twice that in December, from 28 months", async () => {
    const body = await forecastOf("alice");
    expect(body.history).toEqual({ months: 28, needed: 16 });
    const future = body.rows.filter((row) => row.forecast !== null);
    expect(future.map((row) => row.month)).toEqual([0, 1, 2, 3, 4, 5].map(monthKey));
    // The running month has won nothing yet; alice has no open deals.
    expect(future[0]).toMatchObject({ actual: "0.00", pipeline: "0.00" });
    future.forEach((row, h) => within(row.forecast, isDecember(h) ? 200_000 : 100_000, 1));
    // The past months of the period (the last 12 months by default) carry their actual revenue only.
    const past = body.rows.filter((row) => row.forecast === null);
    past.forEach((row) => expect(row).toMatchObject({ actual: row.month.endsWith("-12") ? "200000.00" : "100000.00", pipeline: null, low80: null }));
    // Forecasts from each of the last 12 month-ends (each has 16 or more months behind it); on this
    // perfect series each month is forecast within 1 %.
    expect(body.backtest.rows.map((row) => row.month)).toEqual([-12, -11, -10, -9, -8, -7, -6, -5, -4, -3, -2, -1].map(monthKey));
    expect(body.backtest.mape).toBeLessThan(1);
  });

  it("gives a director the department (alice + bob) and the admin everyone (+ carol)", async () => {
    const [director, admin, bob] = await Promise.all([forecastOf("director"), forecastOf("admin"), forecastOf("bob")]);
    const first = (body: ForecastResult) => body.rows.find((row) => row.forecast !== null)!;
    const season = isDecember(0) ? 2 : 1;
    // This month: alice 100 000 + bob 50 000 = 150 000 (× 2 in December); + carol 30 000 = 180 000.
    within(first(director).forecast, 150_000 * season, 1);
    within(first(admin).forecast, 180_000 * season, 1);
    within(first(bob).forecast, 50_000 * season, 1);
    // bob's open deal: 40 000 in EXECUTING. Every one of the 84 won deals reached EXECUTING (a won deal
    // reaches every open stage) and the open one stands in it: 84 + 1 reached, 84 closed, all won → 100 %.
    // The won deals took 10 days and 10 hours (10.4 days) to close, so it is expected this month: 40 000 × 1 = 40 000.
    expect(admin.pipeline.stages).toEqual([{ stageId: f.stages.EXECUTING.id, pipelineId: f.pipeline.id, name: "EXECUTING", openDeals: 1, openAmount: "40000.00", winRate: 1 }]);
    expect(admin.pipeline).toMatchObject({ basis: "stage-win-rate", model: null, weightedAmount: "40000.00", meanDaysToClose: 10.4 });
    expect(first(bob).pipeline).toBe("40000.00");
    // alice sees none of bob's pipeline.
    expect((await forecastOf("alice")).pipeline.weightedAmount).toBe("0.00");
  });

  it("says when there is not enough history: 3 months, need 16", async () => {
    const body = await forecastOf("otherAdmin");
    expect(body.history).toEqual({ months: 3, needed: 16 });
    expect(body.rows.every((row) => row.forecast === null && row.low95 === null)).toBe(true);
    expect(body.totals).toEqual({ next3: null, next6: null });
    expect(body.backtest).toMatchObject({ rows: [], mape: null, held80: 0, held95: 0 });
  });

  it("answers 400 naming a bad filter and 403 for a manager outside the viewer's scope", async () => {
    const bad = await call("?from=2025-13-01", "admin");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: object }).error).toMatchObject({ code: "validation_error", field: "from" });
    const outside = await call(`?managerId=${f.crmUsers.bob.id}`, "alice");
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { error: object }).error).toMatchObject({ code: "manager_out_of_scope", field: "managerId" });
  });
});
