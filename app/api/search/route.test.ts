// GET /api/search over HTTP: a refusal naming q for an empty or too long query, and the groups with
// links for a manager, within their scope.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deals } from "@/db/schema";
import { routeRequest } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { GET } from "./route";

let testDb: TestDb;
let f: OrgFixture;
const token: Record<string, string> = {};
let aliceDeal: string;

async function get(who: string, query: string) {
  const response = await GET(routeRequest(`/api/search${query}`, { as: { token: token[who] } }));
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  for (const [manager, title] of [["alice", "Поставка кофе"], ["bob", "Поставка чая"]] as const) {
    const deal = await f.addDeal({ manager, stage: "NEW", amount: "1000", createdAt: "2026-03-01T10:00:00Z" });
    await testDb.db.update(deals).set({ title }).where(eq(deals.id, deal.id));
    if (manager === "alice") aliceDeal = deal.id;
  }
  for (const who of ["admin", "alice"] as const) token[who] = (await createApiToken(testDb.db, { orgId: f.org.id, userId: f.users[who].id }, "test")).token;
});
afterAll(() => testDb.close());

describe("GET /api/search", () => {
  it("answers a manager's «поставки» with their own deal only, linked to its card", async () => {
    const { status, body } = await get("alice", `?q=${encodeURIComponent("поставки")}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      query: "поставки",
      groups: [{ kind: "deals", hits: [{ id: aliceDeal, title: "Поставка кофе", stage: "NEW", status: "open", amount: "1000.00", currency: "KZT", manager: "alice", href: `/deals/${aliceDeal}` }] }],
    });
    // the admin sees both deliveries
    expect((await get("admin", "?q=поставка")).body.groups[0].hits).toHaveLength(2);
  });

  it("refuses a missing, empty or 101-character q with 400 naming q", async () => {
    for (const [query, message] of [
      ["", "q: is required"],
      ["?q=", "q: must not be empty"],
      ["?q=%20%20", "q: must not be empty"],
      [`?q=${"x".repeat(101)}`, "q: must be at most 100 characters"],
    ]) {
      const { status, body } = await get("alice", query);
      expect(status, query).toBe(400);
      expect(body.error, query).toEqual({ code: "validation_error", field: "q", message });
    }
  });

  it("answers 401 without a token", async () => {
    const response = await GET(routeRequest("/api/search?q=кофе", { as: null }));
    expect(response.status).toBe(401);
  });
});
