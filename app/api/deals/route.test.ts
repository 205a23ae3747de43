// GET /api/deals over HTTP: the query string parsed with the report filters' schema, errors that
// name the parameter, and the viewer's scope on every page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { GET } from "./route";
import { encodeCursor } from "@/lib/deals/deal-list-sql";
import { routeRequest } from "@/db/test/call-route";

let testDb: TestDb;
let f: OrgFixture;
const token: Record<string, string> = {};

type Page = { deals: { title: string; managerName: string | null; baseAmount: string | null }[]; total: number; totalBaseAmount: string; nextCursor: string | null };

async function get(who: string, query: string) {
  const response = await GET(routeRequest(`/api/deals?${query}`, { as: { token: token[who] } }));
  return { status: response.status, body: (await response.json()) as Page & { error?: { code: string; message: string } } };
}

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  await f.addDeal({ manager: "alice", stage: "WON", amount: "1000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-02T10:00:00Z" }); // Deal 1
  await f.addDeal({ manager: "bob", stage: "WON", amount: "3000", createdAt: "2025-03-03T10:00:00Z", closedAt: "2025-03-04T10:00:00Z" }); // Deal 2
  await f.addDeal({ manager: "carol", stage: "WON", amount: "2000", createdAt: "2025-03-05T10:00:00Z", closedAt: "2025-03-06T10:00:00Z" }); // Deal 3
  await f.addDeal({ manager: "alice", stage: "NEW", amount: "500", createdAt: "2025-03-07T10:00:00Z" }); // Deal 4
  for (const who of ["admin", "director", "alice"] as const) token[who] = (await createApiToken(testDb.db, { orgId: f.org.id, userId: f.users[who].id }, "test")).token;
});
afterAll(() => testDb.close());

describe("GET /api/deals", () => {
  it("lists March's wins by amount, largest first, with the total of all pages", async () => {
    const { status, body } = await get("admin", "status=won&periodOn=closed&from=2025-03-01&to=2025-03-31&sort=amount&order=desc&limit=2");
    expect(status).toBe(200);
    expect(body.deals.map((deal) => deal.title)).toEqual(["Deal 2", "Deal 3"]);
    // 3 000 + 2 000 + 1 000 = 6 000 ₸ from 3 deals, on two pages
    expect([body.total, body.totalBaseAmount]).toEqual([3, "6000.00"]);
    const next = await get("admin", `status=won&periodOn=closed&from=2025-03-01&to=2025-03-31&sort=amount&order=desc&limit=2&cursor=${body.nextCursor}`);
    expect(next.body.deals.map((deal) => deal.title)).toEqual(["Deal 1"]);
    expect(next.body.nextCursor).toBeNull();
  });

  it("gives a manager only their own deals and a director only the department's", async () => {
    const alice = await get("alice", "sort=title&order=asc");
    expect(alice.body.deals.map((deal) => [deal.title, deal.managerName])).toEqual([["Deal 1", "alice"], ["Deal 4", "alice"]]);
    const director = await get("director", "status=won&sort=title&order=asc");
    // alice and bob work in Sales; carol's Deal 3 is another department's
    expect(director.body.deals.map((deal) => deal.title)).toEqual(["Deal 1", "Deal 2"]);
  });

  it("answers 403 for another department's manager and 400 naming a bad parameter", async () => {
    const foreign = await get("director", `managerId=${f.crmUsers.carol.id}`);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toEqual({ code: "manager_out_of_scope", field: "managerId", message: "That manager is outside what you may see" });
    const invalid = (field: string) => ({ code: "validation_error", field });
    for (const [query, refusal, message] of [
      ["sort=price", invalid("sort"), /^sort: must be one of created, closed, amount, title, manager/],
      ["order=up", invalid("order"), /^order: must be asc or desc/],
      ["month=March", invalid("month"), /^month: must be a month as YYYY-MM/],
      ["limit=0", invalid("limit"), /^limit: must be at least 1/],
      ["from=2025-02-01&to=2025-01-01", invalid("to"), /^to: must not be before from/],
      ["stageId=1", invalid("stageId"), /^stageId: must be a stage id/],
      ["teamId=team-1", invalid("teamId"), /^teamId: must be a traffic team id or none/],
      // A cursor of the right shape naming a moment that does not exist (month 13, day 45, 99 o'clock).
      [`cursor=${encodeCursor("created", "desc", "2026-13-45 99:00:00+00", "00000000-0000-4000-8000-000000000000")}`, { code: "invalid_cursor", field: "cursor" }, /^The cursor must be the nextCursor of a previous page/],
      // Text a title can never hold: PostgreSQL refuses a NUL character.
      [`sort=title&order=asc&cursor=${encodeCursor("title", "asc", "a\u0000b", "00000000-0000-4000-8000-000000000000")}`, { code: "invalid_value" }, /^A value cannot be stored: /],
    ] as const) {
      const { status, body } = await get("admin", query);
      expect(status, query).toBe(400);
      expect(body.error, query).toMatchObject(refusal);
      expect(body.error?.message, query).toMatch(message);
    }
  });
});
