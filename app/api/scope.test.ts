// No viewer ever sees a row outside their scope, through any route: a manager only their own deals,
// a director only their department's, nobody another organisation's. Organisation B is created the
// way hosted mode's public sign-up creates one (MULTI_ORG=true), and filled like A.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { signUpOrganisation } from "@/db/test/sign-up-fixture";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { GET as getDeal } from "./deals/[id]/route";
import { GET as listDeals } from "./deals/route";
import { GET as getOverview } from "./overview/route";
import { routeRequest } from "@/db/test/call-route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
const deal: Record<string, { id: string }> = {};
const token: Record<string, string> = {};

function call<P>(handler: (request: Request, context?: { params: Promise<P> }) => Promise<Response>, path: string, who: string, params?: P) {
  return handler(routeRequest(path, { as: { token: token[who] } }), params ? { params: Promise.resolve(params) } : undefined);
}

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  b = await createOrgFixture(testDb.db, { org: await signUpOrganisation(testDb.db) });
  deal.alice = await a.addDeal({ manager: "alice", stage: "WON", amount: "1000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-02T10:00:00Z" });
  deal.bob = await a.addDeal({ manager: "bob", stage: "NEW", amount: "2000", createdAt: "2025-03-03T10:00:00Z" });
  deal.carol = await a.addDeal({ manager: "carol", stage: "NEW", amount: "4000", createdAt: "2025-03-04T10:00:00Z" });
  deal.nobody = await a.addDeal({ manager: null, stage: "NEW", amount: "8000", createdAt: "2025-03-05T10:00:00Z" });
  deal.otherOrg = await b.addDeal({ manager: "alice", stage: "NEW", amount: "16000", createdAt: "2025-03-06T10:00:00Z" });
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, alice: a.users.alice, bob: a.users.bob, carol: a.users.carol, adminB: b.users.admin })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
});
afterAll(() => testDb.close());

async function visibleDealIds(who: string): Promise<string[]> {
  const response = await call(listDeals, "/api/deals", who);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { deals: { id: string }[] };
  return body.deals.map((row) => row.id).sort();
}

const ids = (...names: string[]) => names.map((name) => deal[name].id).sort();

describe("GET /api/deals", () => {
  it("lists the whole organisation for an admin, and nothing of another organisation", async () => {
    expect(await visibleDealIds("admin")).toEqual(ids("alice", "bob", "carol", "nobody"));
    expect(await visibleDealIds("adminB")).toEqual(ids("otherOrg"));
  });
  it("lists the department's managers for a director", async () => {
    expect(await visibleDealIds("director")).toEqual(ids("alice", "bob"));
  });
  it("lists only a manager's own deals", async () => {
    expect(await visibleDealIds("alice")).toEqual(ids("alice"));
    expect(await visibleDealIds("carol")).toEqual(ids("carol"));
  });
  it("rejects a request without a valid token", async () => {
    const anonymous = await listDeals(new Request("http://localhost/api/deals"));
    expect(anonymous.status).toBe(401);
    const forged = await listDeals(new Request("http://localhost/api/deals", { headers: { authorization: "Bearer vrk_forged" } }));
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ error: { code: "invalid_token", message: "The API token is invalid or revoked" } });
  });
  it("rejects a bad cursor with a 400 that names it", async () => {
    const response = await call(listDeals, "/api/deals?cursor=nonsense", "admin");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "invalid_cursor", field: "cursor", message: "The cursor must be the nextCursor of a previous page" } });
  });
});

describe("GET /api/deals/:id", () => {
  it("shows a manager their own deal", async () => {
    const response = await call(getDeal, "/api/deals/x", "alice", { id: deal.alice.id });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { deal: { amount: string } }).deal.amount).toBe("1000.00");
  });
  it.each([
    ["a manager, another manager's deal", "alice", "bob"],
    ["a manager, another department's deal", "bob", "carol"],
    ["a director, another department's deal", "director", "carol"],
    ["a director, a deal with no manager", "director", "nobody"],
    ["an admin, another organisation's deal", "admin", "otherOrg"],
    ["another organisation's admin", "adminB", "alice"],
  ])("hides from %s (404)", async (_case, who, whose) => {
    const response = await call(getDeal, "/api/deals/x", who, { id: deal[whose].id });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "deal_not_found", message: "Deal not found" } });
  });
  it("answers 400 naming the id, not 404 or 500, for an id that is not a uuid", async () => {
    const response = await call(getDeal, "/api/deals/x", "admin", { id: "1 or 1=1" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "validation_error", field: "id", message: "id: must be a deal id" } });
  });
});

describe("GET /api/overview", () => {
  it("sums won revenue within each viewer's scope, through the overview report", async () => {
    const revenue = async (who: string) => {
      const body = (await (await call(getOverview, "/api/overview?from=2025-03-01&to=2025-03-31", who)).json()) as { report: string; rows: { kpi: string; value: string }[] };
      expect(body.report).toBe("overview");
      return body.rows.find((row) => row.kpi === "revenue")?.value;
    };
    expect(await revenue("admin")).toBe("1000.00"); // alice's won deal
    expect(await revenue("director")).toBe("1000.00"); // alice is in the director's department
    expect(await revenue("alice")).toBe("1000.00");
    expect(await revenue("carol")).toBe("0.00");
    expect(await revenue("adminB")).toBe("0.00"); // another organisation: its one deal is open
  });
});
