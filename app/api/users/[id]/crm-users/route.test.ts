import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, crmUsers } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { PUT } from "./route";
import { callRoute } from "@/db/test/call-route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
let spare: { id: string };
const token: Record<string, string> = {};

function put(id: string, body: unknown, who: string | null = "admin") {
  return callRoute(PUT, `/api/users/${id}/crm-users`, { as: who ? { token: token[who] } : null, method: "PUT", body, params: { id } });
}
const linkedTo = async (userId: string) =>
  (await testDb.db.select({ id: crmUsers.id }).from(crmUsers).where(eq(crmUsers.userId, userId))).map((row) => row.id).sort();

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  b = await createOrgFixture(testDb.db);
  [spare] = await testDb.db.insert(crmUsers).values({ orgId: a.org.id, sourceId: a.source.id, externalId: "99", name: "zoe" }).returning();
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, bob: a.users.bob, adminB: b.users.admin })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
});
afterAll(() => testDb.close());

describe("PUT /api/users/:id/crm-users", () => {
  it("replaces the user's links and logs what was added and removed", async () => {
    const linked = await put(a.users.alice.id, { crmUserIds: [a.crmUsers.alice.id, spare.id, spare.id.toUpperCase()] });
    expect(linked.status).toBe(200);
    expect(linked.body.user.crmUsers.map((crm: { name: string }) => crm.name)).toEqual(["alice", "zoe"]);

    const replaced = await put(a.users.alice.id, { crmUserIds: [spare.id] });
    expect(replaced.body.user.crmUsers).toEqual([{ id: spare.id, name: "zoe", externalId: "99", sourceId: a.source.id, sourceName: "Portal" }]);
    const entries = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, a.org.id), eq(auditLog.action, "user.crm-users.set"), eq(auditLog.targetId, a.users.alice.id)));
    expect(entries.map((entry) => entry.details)).toEqual(
      expect.arrayContaining([
        { added: [spare.id], removed: [] },
        { added: [], removed: [a.crmUsers.alice.id] },
      ]),
    );

    const cleared = await put(a.users.alice.id, { crmUserIds: [] });
    expect(cleared.body.user.crmUsers).toEqual([]);
    expect(await linkedTo(a.users.alice.id)).toEqual([]);
    await put(a.users.alice.id, { crmUserIds: [a.crmUsers.alice.id] }); // as the fixture had it
  });

  it("refuses a CRM user linked to someone else, naming them, and changes nothing", async () => {
    const response = await put(a.users.alice.id, { crmUserIds: [spare.id, a.crmUsers.bob.id] });
    expect(response).toEqual({
      status: 409,
      body: {
        error: { code: "crm_user_linked_elsewhere", field: "crmUserIds", params: { crmUser: "bob", user: "bob" }, message: "CRM user bob is already linked to bob; unlink it there first" },
      },
    });
    expect(await linkedTo(a.users.alice.id)).toEqual([a.crmUsers.alice.id]);
  });

  it("answers 404 for another organisation's CRM user or user, and changes nothing", async () => {
    const foreignCrm = await put(a.users.alice.id, { crmUserIds: [b.crmUsers.alice.id] });
    expect(foreignCrm).toEqual({ status: 404, body: { error: { code: "crm_user_not_found", field: "crmUserIds", message: "CRM user not found" } } });
    expect(await linkedTo(a.users.alice.id)).toEqual([a.crmUsers.alice.id]);

    expect((await put(a.users.alice.id, { crmUserIds: [] }, "adminB")).status).toBe(404);
    expect((await put(b.users.alice.id, { crmUserIds: [a.crmUsers.carol.id] })).status).toBe(404);
    expect(await linkedTo(a.users.alice.id)).toEqual([a.crmUsers.alice.id]);
    expect(await linkedTo(a.users.carol.id)).toEqual([a.crmUsers.carol.id]);
  });

  it("answers 404 for an unknown or malformed user id and an unknown CRM user", async () => {
    expect((await put(randomUUID(), { crmUserIds: [] })).status).toBe(404);
    expect((await put("alice", { crmUserIds: [] })).status).toBe(404);
    expect((await put(a.users.alice.id, { crmUserIds: [randomUUID()] })).body.error.message).toBe("CRM user not found");
  });

  it("refuses bad input with a message naming the field", async () => {
    const cases: [unknown, string][] = [
      [{}, "crmUserIds: must be an array of CRM user ids"],
      [{ crmUserIds: "x" }, "crmUserIds: must be an array of CRM user ids"],
      [{ crmUserIds: ["x"] }, "crmUserIds.0: must be a UUID"],
      ["[", "The request body must be JSON"],
    ];
    for (const [body, message] of cases) {
      const response = await put(a.users.alice.id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.message).toContain(message);
    }
  });

  it("refuses a director, a manager, no token and a revoked token", async () => {
    expect((await put(a.users.bob.id, { crmUserIds: [spare.id] }, "director")).status).toBe(403);
    expect((await put(a.users.bob.id, { crmUserIds: [spare.id] }, "bob")).status).toBe(403);
    expect((await put(a.users.bob.id, { crmUserIds: [spare.id] }, null)).status).toBe(401);
    const revoked = await createApiToken(testDb.db, { orgId: a.org.id, userId: a.users.admin.id }, "old");
    await revokeApiToken(testDb.db, { orgId: a.org.id, userId: a.users.admin.id }, revoked.id);
    token.revoked = revoked.token;
    expect((await put(a.users.bob.id, { crmUserIds: [spare.id] }, "revoked")).status).toBe(401);
    expect(await linkedTo(a.users.bob.id)).toEqual([a.crmUsers.bob.id]);
  });
});
