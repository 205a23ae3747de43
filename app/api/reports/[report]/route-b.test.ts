// GET /api/reports/:name for the activity and lead reports: the JSON shape, bad filters, scope, tokens.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addActivity, addDealFromLead, addSourcedLead } from "@/db/test/activity-fixtures";
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
  const db = testDb.db;
  // alice: a 90 s call and a won deal of 1 000 ₸ in March; bob: a lost deal; carol (Online): an e-mail
  await addActivity(db, f, { manager: "alice", type: "call", startAt: "2025-03-03T05:00:00Z", durationSeconds: 90 });
  await f.addDeal({ manager: "alice", stage: "WON", amount: "1000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-02T10:00:00Z" });
  await f.addDeal({ manager: "bob", stage: "LOSE", amount: "500", createdAt: "2025-02-01T10:00:00Z", closedAt: "2025-03-04T10:00:00Z" });
  await addActivity(db, f, { manager: "carol", type: "email", startAt: "2025-03-05T05:00:00Z" });
  // leads: alice "Сайт" converted by a deal; carol with no source, open
  const lead = await addSourcedLead(db, f, { manager: "alice", createdAt: "2025-03-02T10:00:00Z", channel: "Сайт", utmSource: "ig" });
  await addDealFromLead(db, f, lead, { manager: "alice", stage: "NEW", amount: "1", createdAt: "2025-03-04T10:00:00Z" });
  await addSourcedLead(db, f, { manager: "carol", createdAt: "2025-03-03T10:00:00Z" });
  for (const who of ["admin", "director", "alice"] as const) {
    token[who] = (await createApiToken(db, { orgId: f.org.id, userId: f.users[who].id }, "test")).token;
  }
});
afterAll(() => testDb.close());

type Body = { report: string; currency: string; timezone: string; filters: object; rows: Record<string, unknown>[]; totals: Record<string, unknown> };

describe("GET /api/reports/:name (activity and leads)", () => {
  it("answers manager-activity with the common envelope", async () => {
    const response = await call(`manager-activity?${march}`, "admin");
    expect(response.status).toBe(200);
    const body = (await response.json()) as Body;
    expect(body).toMatchObject({ report: "manager-activity", currency: "KZT", timezone: "Asia/Almaty", filters: { from: "2025-03-01", to: "2025-03-31" } });
    expect(body.rows.map((row) => row.managerName)).toEqual(["alice", "bob", "carol"]);
    // 1 call of 90 s = 1.5 min, 1 e-mail; 2 deals created (the won one, the one from the lead);
    // 1 won of 1 000 ₸ ÷ (1 won + 1 lost); that won deal: no touch, 1 day (1 → 2 March) to close
    expect(body.totals).toEqual({
      calls: 1, emails: 1, meetings: 0, tasks: 0, activitiesTotal: 2, callMinutes: 1.5, dealsCreated: 2, dealsWon: 1, wonAmount: "1000.00", winRate: 0.5,
      medianTouchesPerWonDeal: 0, medianDaysToClose: 1,
      // No plan is set for March 2025 in this organisation.
      plan: null,
    });
  });

  it("answers leads-by-source and lead-conversion", async () => {
    const bySource = (await (await call(`leads-by-source?${march}`, "admin")).json()) as Body & { byUtmSource: object[] };
    expect(bySource.report).toBe("leads-by-source");
    // 2 leads, 1 converted
    expect(bySource.totals).toEqual({ leads: 2, converted: 1, conversionRate: 0.5 });
    expect(bySource.rows.map((row) => row.source)).toEqual(["Сайт", null]);
    expect(bySource.byUtmSource).toHaveLength(2);
    const conversion = (await (await call(`lead-conversion?${march}`, "admin")).json()) as Body;
    // converted 2 days after creation
    expect(conversion.totals).toEqual({ leads: 2, converted: 1, conversionRate: 0.5, medianDaysToConvert: 2 });
    expect(conversion.rows).toEqual([{ month: "2025-03", leads: 2, converted: 1, conversionRate: 0.5, medianDaysToConvert: 2 }]);
  });

  it("keeps each viewer inside their scope", async () => {
    const director = (await (await call(`manager-activity?${march}`, "director")).json()) as Body;
    expect(director.rows.map((row) => row.managerName)).toEqual(["alice", "bob"]);
    const alice = (await (await call(`lead-conversion?${march}`, "alice")).json()) as Body;
    expect(alice.totals).toMatchObject({ leads: 1, converted: 1 });
  });

  it("answers 400 naming a bad filter", async () => {
    const response = await call("leads-by-source?managerId=42", "admin");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: object }).error).toMatchObject({ code: "validation_error", field: "managerId", message: expect.stringMatching(/^managerId: /) });
  });

  it("answers 403 to a director asking for another department", async () => {
    const response = await call(`manager-activity?departmentId=${f.departments.online.id}`, "director");
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string; message: string } }).error).toEqual({ code: "department_out_of_scope", field: "departmentId", message: "That department is outside what you may see" });
  });

  it("answers 401 without a token", async () => {
    const response = await call("lead-conversion");
    expect(response.status).toBe(401);
  });
});
