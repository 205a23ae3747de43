// POST /api/reports/custom as a script calls it: a built report's answer, and a clear 400 naming the
// field for every malformed request (nothing is run for them).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { POST } from "./route";

let testDb: TestDb;
let f: OrgFixture;
let other: OrgFixture;
let token: string;

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  other = await createOrgFixture(testDb.db);
  token = (await createApiToken(testDb.db, { orgId: f.org.id, userId: f.users.admin.id }, "test")).token;
  // 2 won deals in March 2025 (Almaty): 1 500 + 2 500 = 4 000 ₸
  await f.addDeal({ manager: "alice", stage: "WON", amount: "1500", createdAt: "2025-03-02T10:00:00Z", closedAt: "2025-03-03T10:00:00Z" });
  await f.addDeal({ manager: "bob", stage: "WON", amount: "2500", createdAt: "2025-03-02T10:00:00Z", closedAt: "2025-03-04T10:00:00Z" });
});
afterAll(() => testDb.close());

const post = (body: unknown, as: { token: string } | null = { token }) => callRoute(POST, "/api/reports/custom", { as, method: "POST", body });
const march = { from: "2025-03-01", to: "2025-03-31" };

describe("POST /api/reports/custom", () => {
  it("answers a built report with its rows, totals and the chart asked for", async () => {
    const answer = await post({ measures: ["wonRevenue", "wonDeals"], dimensions: ["month"], period: march, chart: "line" });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      report: "custom",
      currency: "KZT",
      chart: "line",
      rows: [{ keys: ["2025-03"], labels: ["2025-03"], values: { wonRevenue: "4000.00", wonDeals: 2 } }],
      totals: { wonRevenue: "4000.00", wonDeals: 2 },
    });
  });

  it.each([
    ["an unknown measure", { measures: ["profit"] }, "validation_error", "measures.0"],
    ["an unknown dimension", { measures: ["leads"], dimensions: ["weather"] }, "validation_error", "dimensions.0"],
    ["no measure", { measures: [] }, "validation_error", "measures"],
    ["three dimensions", { measures: ["leads"], dimensions: ["month", "manager", "source"] }, "builder_too_many_dimensions", "dimensions"],
    ["a period ending before it starts", { measures: ["leads"], period: { from: "2025-03-31", to: "2025-03-01" } }, "validation_error", "period.to"],
    ["a date that is not one", { measures: ["leads"], period: { from: "2025-02-30" } }, "validation_error", "period.from"],
    ["an unknown preset", { measures: ["leads"], period: { preset: "forever" } }, "validation_error", "period.preset"],
    ["SQL in a sort", { measures: ["leads"], sort: { by: "leads; drop table deals" } }, "validation_error", "sort.by"],
    ["a sort by something not shown", { measures: ["leads"], dimensions: ["month"], sort: { by: "calls" } }, "validation_error", "sort.by"],
    ["a limit past 5 000", { measures: ["leads"], limit: 5001 }, "validation_error", "limit"],
    ["an unknown chart", { measures: ["leads"], chart: "radar" }, "validation_error", "chart"],
    ["an unknown field", { measures: ["leads"], sql: "select 1" }, "validation_error", undefined],
    ["a pair the facts cannot answer", { measures: ["calls"], dimensions: ["stage"] }, "builder_pair_unavailable", "dimensions"],
  ])("refuses %s with a 400", async (_, body, code, field) => {
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(code);
    expect(answer.body.error.field).toBe(field);
  });

  it("names the pair it cannot answer", async () => {
    const answer = await post({ measures: ["wonRevenue", "leads"], dimensions: ["pipeline"] });
    expect(answer.body.error).toMatchObject({ code: "builder_pair_unavailable", params: { measure: "leads", dimension: "pipeline" } });
  });

  it("refuses a manager of another organisation, and a caller without a token", async () => {
    const stranger = await post({ measures: ["wonRevenue"], filters: { managerId: other.users.alice.id } });
    expect([stranger.status, stranger.body.error.code]).toEqual([403, "manager_out_of_scope"]);
    expect((await post({ measures: ["wonRevenue"] }, null)).status).toBe(401);
  });
});
