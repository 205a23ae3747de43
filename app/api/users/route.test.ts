import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { createOrgFixture, FIXTURE_PASSWORD, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { checkCredentials } from "@/lib/auth/sign-in";
import { loadViewer } from "@/lib/auth/viewer";
import { setUserPassword } from "@/lib/users/set-user-password";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { GET, POST } from "./route";
import { callRoute } from "@/db/test/call-route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
const token: Record<string, string> = {};
const tag = randomUUID().slice(0, 8);

function call(handler: typeof GET, init: { method?: string; token?: string; body?: unknown } = {}) {
  return callRoute(handler, "/api/users", { as: init.token ? { token: init.token } : null, method: init.method, body: init.body });
}
const invite = (body: unknown, who = "admin") => call(POST, { method: "POST", token: token[who], body });

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

describe("GET /api/users", () => {
  it("lists the admin's organisation with departments and linked CRM users, never a password hash", async () => {
    const response = await call(GET, { token: token.admin });
    expect(response.status).toBe(200);
    const byName = Object.fromEntries(response.body.users.map((user: { name: string }) => [user.name, user]));
    expect(Object.keys(byName).sort()).toEqual(["admin", "alice", "bob", "carol", "director"]);
    expect(byName.alice).toMatchObject({
      id: a.users.alice.id,
      email: a.users.alice.email,
      role: "manager",
      isActive: true,
      department: { id: a.departments.sales.id, name: "Sales" },
      crmUsers: [{ id: a.crmUsers.alice.id, name: "alice", externalId: "1", sourceId: a.source.id, sourceName: "Portal" }],
    });
    expect(byName.carol.department).toEqual({ id: a.departments.online.id, name: "Online" });
    expect(byName.admin).toMatchObject({ department: null, crmUsers: [] });
    expect(JSON.stringify(response.body)).not.toMatch(/password/i);
  });

  it("refuses a director, a manager, no token and a revoked token", async () => {
    expect((await call(GET, { token: token.director })).status).toBe(403);
    expect((await call(GET, { token: token.bob })).status).toBe(403);
    expect((await call(GET)).status).toBe(401);
    const revoked = await createApiToken(testDb.db, { orgId: a.org.id, userId: a.users.admin.id }, "old");
    await revokeApiToken(testDb.db, { orgId: a.org.id, userId: a.users.admin.id }, revoked.id);
    expect((await call(GET, { token: revoked.token })).status).toBe(401);
  });
});

describe("POST /api/users", () => {
  it("invites a manager: e-mail lower-cased, password hashed and usable, audit logged without it", async () => {
    const email = `Dana-${tag}@Example.com`;
    const response = await invite({ email: `  ${email} `, name: "Dana", role: "manager", departmentId: a.departments.online.id, password: "dana-secret-1" });
    expect(response.status).toBe(201);
    expect(response.body.user).toMatchObject({ email: email.toLowerCase(), name: "Dana", role: "manager", isActive: true, department: { name: "Online" }, crmUsers: [] });
    expect(JSON.stringify(response.body)).not.toMatch(/password|dana-secret/i);
    expect(await checkCredentials(testDb.db, email, "dana-secret-1")).toEqual({ ok: true, userId: response.body.user.id });

    const [entry] = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, a.org.id), eq(auditLog.action, "user.invite"), eq(auditLog.targetId, response.body.user.id)));
    expect(entry).toMatchObject({ userId: a.users.admin.id, targetType: "user" });
    expect(JSON.stringify(entry.details)).not.toContain("dana-secret");
  });

  it("invites a manager without a department and a director with one", async () => {
    const manager = await invite({ email: `eve-${tag}@test.voronka`, name: "Eve", role: "manager", password: "long-enough" });
    expect(manager.status).toBe(201);
    expect(manager.body.user.department).toBeNull();
    const director = await invite({ email: `frank-${tag}@test.voronka`, name: "Frank", role: "director", departmentId: a.departments.sales.id, password: "long-enough" });
    expect(director.body.user).toMatchObject({ role: "director", department: { id: a.departments.sales.id } });
  });

  it("refuses an e-mail already in the admin's own organisation, whatever its case", async () => {
    const response = await invite({ email: a.users.alice.email.toUpperCase(), name: "Copy", role: "manager", password: "long-enough" });
    expect(response).toEqual({ status: 409, body: { error: { code: "email_taken", field: "email", message: "A user with this e-mail already exists" } } });
  });

  it("answers an e-mail that has an account in another organisation exactly as a fresh one, and each account opens with its own password", async () => {
    // What the admin sees never tells the two apart: the same status and the same shape of answer.
    const shapeOf = (response: { status: number; body: { user: Record<string, unknown> } }) => ({
      status: response.status,
      user: { ...response.body.user, id: "…", email: "…", createdAt: "…" },
    });
    const fresh = await invite({ email: `kate-${tag}@test.voronka`, name: "Same", role: "manager", password: "a-password-for-a" });
    const elsewhere = await invite({ email: b.users.bob.email, name: "Same", role: "manager", password: "a-password-for-a" });
    expect(shapeOf(elsewhere)).toEqual(shapeOf(fresh));
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.user.email).toBe(b.users.bob.email);

    // Two people's accounts now, one e-mail: the password says which one signs in.
    expect(await checkCredentials(testDb.db, b.users.bob.email, "a-password-for-a")).toEqual({ ok: true, userId: elsewhere.body.user.id });
    expect(await checkCredentials(testDb.db, b.users.bob.email, FIXTURE_PASSWORD)).toEqual({ ok: true, userId: b.users.bob.id });
    const listB = await call(GET, { token: token.adminB });
    expect(listB.body.users.filter((user: { email: string }) => user.email === b.users.bob.email)).toHaveLength(1);
  });

  it("signs in to the account whose password was set last when one password opens both: an admin who sets it learns nothing of the other", async () => {
    // A's admin invites B's carol and gives A's account the very password B's account has.
    const copy = await invite({ email: b.users.carol.email, name: "Carol in A", role: "manager", password: FIXTURE_PASSWORD });
    expect(await checkCredentials(testDb.db, b.users.carol.email, FIXTURE_PASSWORD)).toEqual({ ok: true, userId: copy.body.user.id });
    // B's admin sets B's account's password, to the same one: now B's account is the one.
    await setUserPassword(testDb.db, (await loadViewer(testDb.db, b.users.admin.id))!, b.users.carol.id, FIXTURE_PASSWORD);
    expect(await checkCredentials(testDb.db, b.users.carol.email, FIXTURE_PASSWORD)).toEqual({ ok: true, userId: b.users.carol.id });
  });

  it("refuses a department of another organisation as not found", async () => {
    const response = await invite({ email: `gina-${tag}@test.voronka`, name: "Gina", role: "manager", departmentId: b.departments.sales.id, password: "long-enough" });
    expect(response).toEqual({ status: 404, body: { error: { code: "department_not_found", field: "departmentId", message: "Department not found" } } });
  });

  it("refuses bad input with a message naming the field", async () => {
    const good = { email: `hank-${tag}@test.voronka`, name: "Hank", role: "manager", password: "long-enough" };
    const cases: [unknown, string][] = [
      [{ ...good, email: "not-an-email" }, "email: must be an e-mail address"],
      [{ ...good, email: undefined }, "email: is required"],
      [{ ...good, name: " " }, "name: is required"],
      [{ ...good, role: "owner" }, "role: must be admin, director or manager"],
      [{ ...good, password: "short" }, "password: must be at least 8 characters"],
      [{ ...good, password: "я".repeat(40) }, "password: must be at most 72 bytes"],
      [{ ...good, role: "director" }, "departmentId: is required for a director"],
      [{ ...good, departmentId: "sales" }, "departmentId: must be a UUID"],
      ["{", "The request body must be JSON"],
    ];
    for (const [body, message] of cases) {
      const response = await invite(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.message).toContain(message);
    }
  });

  it("refuses a director and a manager", async () => {
    const body = { email: `ivan-${tag}@test.voronka`, name: "Ivan", role: "admin", password: "long-enough" };
    expect((await invite(body, "director")).status).toBe(403);
    expect((await invite(body, "bob")).status).toBe(403);
  });

  it("puts the invited user into the inviter's organisation only", async () => {
    const response = await invite({ email: `jill-${tag}@test.voronka`, name: "Jill", role: "manager", password: "long-enough" }, "adminB");
    expect(response.status).toBe(201);
    const listA = await call(GET, { token: token.admin });
    expect(listA.body.users.map((user: { name: string }) => user.name)).not.toContain("Jill");
    const listB = await call(GET, { token: token.adminB });
    expect(listB.body.users.map((user: { name: string }) => user.name)).toContain("Jill");
  });
});
