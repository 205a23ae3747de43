import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { GET } from "./route";
import { callRoute } from "@/db/test/call-route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
const token: Record<string, string> = {};

function call(who: string | null) {
  return callRoute(GET, "/api/crm-users", { as: who ? { token: token[who] } : null });
}

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  b = await createOrgFixture(testDb.db);
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, bob: a.users.bob })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
});
afterAll(() => testDb.close());

describe("GET /api/crm-users", () => {
  it("lists the organisation's CRM users with their source and linked user, nobody else's", async () => {
    const response = await call("admin");
    expect(response.status).toBe(200);
    expect(response.body.crmUsers).toEqual(
      (["alice", "bob", "carol"] as const).map((name) => ({
        id: a.crmUsers[name].id,
        name,
        email: null,
        externalId: a.crmUsers[name].externalId,
        isActive: true,
        source: { id: a.source.id, name: "Portal", kind: "bitrix24" },
        user: { id: a.users[name].id, name },
      })),
    );
    expect(JSON.stringify(response.body)).not.toContain(b.source.id);
  });

  it("refuses a director, a manager, no token and a revoked token", async () => {
    expect((await call("director")).status).toBe(403);
    expect((await call("bob")).status).toBe(403);
    expect((await call(null)).status).toBe(401);
    const revoked = await createApiToken(testDb.db, { orgId: a.org.id, userId: a.users.admin.id }, "old");
    await revokeApiToken(testDb.db, { orgId: a.org.id, userId: a.users.admin.id }, revoked.id);
    token.revoked = revoked.token;
    expect((await call("revoked")).status).toBe(401);
  });
});
