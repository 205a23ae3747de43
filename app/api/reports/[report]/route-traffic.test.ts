// GET /api/reports/traffic-teams: the envelope, a director's scope (allocated spend, no other
// department's rows), bad filters and tokens. The dataset is lib/reports/traffic-teams-fixtures.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import type { TrafficTeamsResult } from "@/lib/reports/traffic-teams";
import { createTrafficFixture, type TrafficFixture } from "@/lib/reports/traffic-teams-fixtures";
import { GET } from "./route";
import { routeRequest } from "@/db/test/call-route";

let testDb: TestDb;
let fx: TrafficFixture;
const token: Record<string, string> = {};
const march = "from=2025-03-01&to=2025-03-31";

function call(query: string, who?: string) {
  return GET(routeRequest(`/api/reports/traffic-teams?${query}`, { as: who ? { token: token[who] } : null }), { params: Promise.resolve({ report: "traffic-teams" }) });
}

async function body(query: string, who: string) {
  const response = await call(query, who);
  expect(response.status).toBe(200);
  return (await response.json()) as TrafficTeamsResult & { report: string; currency: string; timezone: string; filters: object };
}

const messageOf = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  fx = await createTrafficFixture(testDb.db);
  for (const who of ["admin", "director", "alice"] as const) {
    token[who] = (await createApiToken(testDb.db, { orgId: fx.f.org.id, userId: fx.f.users[who].id }, "test")).token;
  }
  token.otherAdmin = (await createApiToken(testDb.db, { orgId: fx.other.org.id, userId: fx.other.users.admin.id }, "test")).token;
});
afterAll(() => testDb.close());

describe("GET /api/reports/traffic-teams", () => {
  it("answers an admin with the envelope and the whole spend", async () => {
    const result = await body(march, "admin");
    expect(result).toMatchObject({ report: "traffic-teams", currency: "KZT", timezone: "Asia/Almaty", filters: { from: "2025-03-01", to: "2025-03-31" }, spendBasis: "full" });
    // 112 000 + 30 000 + 5 000 ₸ of spend; 2 of 9 leads unattributed
    expect(result.totals).toMatchObject({ spend: "147000.00", allLeads: 9, unattributedLeadShare: 0.2222 });
    // Another organisation's team of the same name and its 777 777 ₸ are not there.
    expect(result.rows.map((row) => row.teamId)).toEqual([fx.team.alpha.id, fx.team.beta.id, fx.team.epsilon.id, fx.team.delta.id, null]);
  });

  it("never shows a director another department's rows", async () => {
    const result = await body(march, "director");
    expect(result.spendBasis).toBe("allocated");
    // alice and bob only: 5 team leads + bob's unattributed one; carol's 200 $ (104 000 ₸) and her ig_alpha lead are not there.
    expect(result.totals).toMatchObject({ leads: 5, wonDeals: 1, revenue: "100000.00", spend: "99000.00", allLeads: 6, allRevenue: "146000.00" });
    expect([...result.bySource, ...result.byCampaign].every((row) => row.revenue !== "104000.00")).toBe(true);
    expect(result.bySource.map((row) => row.utmSource)).not.toContain("ig_alpha");
    // Asking for the other department or one of its managers is refused, not answered empty.
    const department = await call(`${march}&departmentId=${fx.f.departments.online.id}`, "director");
    expect(department.status).toBe(403);
    expect(await messageOf(department)).toBe("That department is outside what you may see");
    expect((await call(`${march}&managerId=${fx.f.crmUsers.carol.id}`, "director")).status).toBe(403);
    expect((await call(`${march}&managerId=${fx.f.crmUsers.carol.id}`, "alice")).status).toBe(403);
  });

  it("answers another organisation's admin with their own team only", async () => {
    const result = await body(march, "otherAdmin");
    expect(result.rows.map((row) => [row.teamName, row.leads, row.spend])).toEqual([
      ["Alpha", 1, "777777.00"],
      [null, 0, null],
    ]);
  });

  it("answers 400 naming a bad filter, 401 without a token", async () => {
    const badDate = await call("from=2025-13-01", "admin");
    expect(badDate.status).toBe(400);
    expect(await messageOf(badDate)).toMatch(/^from: /);
    const backwards = await call("from=2025-03-31&to=2025-03-01", "admin");
    expect(backwards.status).toBe(400);
    expect(await messageOf(backwards)).toMatch(/^to: /);
    expect((await call("departmentId=nope", "admin")).status).toBe(400);
    expect((await call(march)).status).toBe(401);
  });
});
