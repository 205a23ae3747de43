// GET /api/reports/:name for the sales reports (overview, sales-by-month, sales-funnel): the JSON
// envelope, bad filters, scope and tokens.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { GET } from "./route";
import { routeRequest } from "@/db/test/call-route";

let testDb: TestDb;
let f: OrgFixture;
const token: Record<string, string> = {};
const march = "from=2025-03-01&to=2025-03-31";

function call(path: string, who?: string) {
  const [report] = path.split("?");
  return GET(routeRequest(`/api/reports/${path}`, { as: who ? { token: token[who] } : null }), { params: Promise.resolve({ report }) });
}

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  // March: alice wins 1 000 ₸ (created 1 March), bob loses 500 ₸; carol's open deal
  await f.addDeal({ manager: "alice", stage: "WON", amount: "1000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-02T10:00:00Z" });
  await f.addDeal({ manager: "bob", stage: "LOSE", amount: "500", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-04T10:00:00Z" });
  await f.addDeal({ manager: "carol", stage: "NEW", amount: "700", createdAt: "2025-03-05T10:00:00Z" });
  for (const who of ["admin", "alice"] as const) {
    token[who] = (await createApiToken(testDb.db, { orgId: f.org.id, userId: f.users[who].id }, "test")).token;
  }
});
afterAll(() => testDb.close());

type Body = { report: string; currency: string; timezone: string; filters: object; rows: Record<string, unknown>[]; totals: unknown };

describe.each(["overview", "sales-by-month", "sales-funnel"])("GET /api/reports/%s", (name) => {
  it("answers 200 with the common envelope", async () => {
    const response = await call(`${name}?${march}`, "admin");
    expect(response.status).toBe(200);
    const body = (await response.json()) as Body;
    expect(body).toMatchObject({ report: name, currency: "KZT", timezone: "Asia/Almaty", filters: { from: "2025-03-01", to: "2025-03-31" } });
    expect(Array.isArray(body.rows)).toBe(true);
    expect(body.totals).toBeDefined();
  });

  it("answers 400 naming the bad filter", async () => {
    const response = await call(`${name}?from=01.01.2025`, "admin");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^from: /);
  });

  it("answers 403 when a manager asks for another manager", async () => {
    const response = await call(`${name}?${march}&managerId=${f.crmUsers.bob.id}`, "alice");
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: object }).error).toEqual({ code: "manager_out_of_scope", field: "managerId", message: "That manager is outside what you may see" });
  });

  it("answers 401 without a token", async () => {
    expect((await call(`${name}?${march}`)).status).toBe(401);
  });
});

describe("the sales reports' figures through the API", () => {
  it("gives the March figures of each report", async () => {
    const overview = (await (await call(`overview?${march}`, "admin")).json()) as Body & { sparkline: { month: string; revenue: string }[] };
    // 1 000 ₸ won; 1 won ÷ (1 won + 1 lost)
    expect(overview.rows.slice(0, 3)).toEqual([
      { kpi: "revenue", value: "1000.00", previousValue: "0.00", change: null, changeKind: "relative" },
      { kpi: "wonDeals", value: 1, previousValue: 0, change: null, changeKind: "relative" },
      { kpi: "winRate", value: 0.5, previousValue: null, change: null, changeKind: "points" },
    ]);
    expect(overview.sparkline).toHaveLength(12);
    expect(overview.sparkline[11]).toEqual({ month: "2025-03", revenue: "1000.00" });

    const byMonth = (await (await call(`sales-by-month?${march}`, "admin")).json()) as Body;
    expect(byMonth.rows).toEqual([{ month: "2025-03", wonCount: 1, wonAmount: "1000.00", averageAmount: "1000.00", previousYearWonAmount: "0.00" }]);
    expect(byMonth.totals).toEqual({ wonCount: 1, wonAmount: "1000.00", averageAmount: "1000.00", previousYearWonAmount: "0.00" });

    // alice sees her own won deal only: the funnel's WON stage has 1, LOSE none
    const funnel = (await (await call(`sales-funnel?${march}`, "alice")).json()) as Body;
    expect(funnel.rows.map((row) => [row.stageName, row.currentCount])).toEqual([
      ["NEW", 0],
      ["EXECUTING", 0],
      ["WON", 1],
      ["LOSE", 0],
    ]);
    expect(funnel.totals).toEqual([{ pipelineId: f.pipeline.id, wonCount: 1, lostCount: 0 }]);
  });
});
