import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { GET, POST } from "./route";
import { callRoute } from "@/db/test/call-route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
const token: Record<string, string> = {};

function call(handler: typeof GET, who: string | null, body?: unknown) {
  return callRoute(handler, "/api/departments", { as: who ? { token: token[who] } : null, method: body === undefined ? "GET" : "POST", body });
}
const names = (body: { departments: { name: string }[] }) => body.departments.map((department) => department.name);

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  b = await createOrgFixture(testDb.db);
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, bob: a.users.bob, adminB: b.users.admin })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
});
afterAll(() => testDb.close());

describe("GET /api/departments", () => {
  it("lists the organisation's departments by name to every role", async () => {
    for (const who of ["admin", "director", "bob"]) {
      const response = await call(GET, who);
      expect(response.status).toBe(200);
      expect(response.body.departments).toEqual([
        { id: a.departments.online.id, name: "Online", createdAt: expect.any(String) },
        { id: a.departments.sales.id, name: "Sales", createdAt: expect.any(String) },
      ]);
    }
  });

  it("refuses no token and a revoked token", async () => {
    expect((await call(GET, null)).status).toBe(401);
    const revoked = await createApiToken(testDb.db, { orgId: a.org.id, userId: a.users.bob.id }, "old");
    await revokeApiToken(testDb.db, { orgId: a.org.id, userId: a.users.bob.id }, revoked.id);
    token.revoked = revoked.token;
    expect((await call(GET, "revoked")).status).toBe(401);
  });
});

describe("POST /api/departments", () => {
  it("lets an admin create one, in their organisation only, and logs it", async () => {
    const response = await call(POST, "admin", { name: "  Retail " });
    expect(response.status).toBe(201);
    expect(response.body.department).toMatchObject({ id: expect.any(String), name: "Retail" });
    expect(names((await call(GET, "bob")).body)).toEqual(["Online", "Retail", "Sales"]);
    expect(names((await call(GET, "adminB")).body)).toEqual(["Online", "Sales"]);
    const [entry] = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, a.org.id), eq(auditLog.action, "department.create")));
    expect(entry).toMatchObject({ targetType: "department", targetId: response.body.department.id, details: { name: "Retail" } });
  });

  it("refuses a name the organisation already has, but not one another organisation has", async () => {
    expect(await call(POST, "admin", { name: "Sales" })).toEqual({ status: 409, body: { error: { code: "department_name_taken", message: 'A department named "Sales" already exists', field: "name", params: { name: "Sales" } } } });
    expect((await call(POST, "adminB", { name: "Retail" })).status).toBe(201);
  });

  it("refuses bad input with a message naming the field", async () => {
    for (const [body, message] of [
      [{}, "name: is required"],
      [{ name: "   " }, "name: is required"],
      [{ name: "x".repeat(201) }, "name: must be at most 200 characters"],
      ["x", "The request body must be JSON"],
    ] as const) {
      const response = await call(POST, "admin", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.message).toContain(message);
    }
  });

  it("refuses a director and a manager", async () => {
    expect((await call(POST, "director", { name: "Mine" })).status).toBe(403);
    expect((await call(POST, "bob", { name: "Mine" })).status).toBe(403);
  });
});
