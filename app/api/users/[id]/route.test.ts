import { randomUUID } from "node:crypto";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { createOrgFixture, FIXTURE_PASSWORD, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { waitForLockWaiters } from "@/db/test/lock-waiters";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { newSessionClaims } from "@/lib/auth/sessions";
import { checkCredentials } from "@/lib/auth/sign-in";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { GET, PATCH } from "./route";
import { callRoute } from "@/db/test/call-route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
const token: Record<string, string> = {};

function call(handler: typeof GET, id: string, init: { method?: string; token?: string; cookie?: string; body?: unknown } = {}) {
  const as = init.token ? { token: init.token } : init.cookie ? { cookie: init.cookie } : null;
  return callRoute(handler, `/api/users/${id}`, { as, method: init.method, body: init.body, params: { id } });
}
const patch = (id: string, body: unknown, who = "admin") => call(PATCH, id, { method: "PATCH", token: token[who], body });
/** A session cookie as Auth.js makes it, signed in a minute ago (or at `signedInAt`). */
const sessionCookieOf = (userId: string, signedInAt = Date.now() - 60_000) =>
  encode({ token: { sub: userId, ...newSessionClaims(signedInAt) }, secret: env.AUTH_SECRET, salt: "authjs.session-token" });
const tokenFor = async (user: { orgId: string; id: string }) => (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  b = await createOrgFixture(testDb.db);
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, alice: a.users.alice, bob: a.users.bob, adminB: b.users.admin })) {
    token[who] = await tokenFor(user);
  }
});
afterAll(() => testDb.close());

describe("GET /api/users/:id", () => {
  it("shows one user of the admin's organisation", async () => {
    const response = await call(GET, a.users.bob.id, { token: token.admin });
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ id: a.users.bob.id, name: "bob", department: { name: "Sales" }, crmUsers: [{ id: a.crmUsers.bob.id }] });
    expect(response.body.user).not.toHaveProperty("passwordHash");
  });

  it("answers 404 for another organisation's user, an unknown id and a malformed one", async () => {
    for (const id of [b.users.bob.id, randomUUID(), "not-a-uuid", "1; drop table users"]) {
      const response = await call(GET, id, { token: token.admin });
      expect(response, id).toEqual({ status: 404, body: { error: { code: "user_not_found", message: "User not found" } } });
    }
  });

  it("refuses a director, a manager, no token and a revoked token", async () => {
    expect((await call(GET, a.users.bob.id, { token: token.director })).status).toBe(403);
    expect((await call(GET, a.users.bob.id, { token: token.alice })).status).toBe(403);
    expect((await call(GET, a.users.bob.id)).status).toBe(401);
    const revoked = await createApiToken(testDb.db, { orgId: a.org.id, userId: a.users.admin.id }, "old");
    await revokeApiToken(testDb.db, { orgId: a.org.id, userId: a.users.admin.id }, revoked.id);
    expect((await call(GET, a.users.bob.id, { token: revoked.token })).status).toBe(401);
  });
});

describe("PATCH /api/users/:id", () => {
  it("makes a manager the director of another department and logs the change", async () => {
    const response = await patch(a.users.carol.id, { role: "director", departmentId: a.departments.sales.id, name: "Carol" });
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ role: "director", name: "Carol", department: { id: a.departments.sales.id, name: "Sales" } });
    const [entry] = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, a.org.id), eq(auditLog.action, "user.update"), eq(auditLog.targetId, a.users.carol.id)));
    expect(entry.details).toEqual({
      changes: {
        name: { from: "carol", to: "Carol" },
        role: { from: "manager", to: "director" },
        departmentId: { from: a.departments.online.id, to: a.departments.sales.id },
      },
    });
  });

  it("refuses a director without a department", async () => {
    const response = await patch(a.users.director.id, { departmentId: null });
    expect(response).toEqual({ status: 400, body: { error: { code: "director_needs_department", field: "departmentId", message: "A director needs a department" } } });
    const manager = await patch(a.users.alice.id, { role: "director", departmentId: null });
    expect(manager.status).toBe(400);
  });

  it("refuses bad input with a message naming the field", async () => {
    const cases: [unknown, string][] = [
      [{ name: "" }, "name: is required"],
      [{ role: "owner" }, "role: must be admin, director or manager"],
      [{ isActive: "no" }, "isActive: must be true or false"],
      [{ departmentId: "sales" }, "departmentId: must be a UUID"],
      [{ password: "short" }, "password: must be at least 8 characters"],
      [{}, "send at least one of"],
      ["nope", "The request body must be JSON"],
    ];
    for (const [body, message] of cases) {
      const response = await patch(a.users.bob.id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.message).toContain(message);
    }
  });

  it("answers 404 for another organisation's user or department, and changes nothing", async () => {
    expect(await patch(a.users.bob.id, { name: "Taken over" }, "adminB")).toMatchObject({ status: 404, body: { error: { message: "User not found" } } });
    expect(await patch(a.users.bob.id, { password: "taken-over-1" }, "adminB")).toMatchObject({ status: 404 });
    expect(await patch(a.users.bob.id, { departmentId: b.departments.sales.id })).toMatchObject({ status: 404, body: { error: { message: "Department not found" } } });
    expect(await patch(randomUUID(), { name: "Nobody" })).toMatchObject({ status: 404 });
    const [bob] = await testDb.db.select().from(users).where(eq(users.id, a.users.bob.id));
    expect(bob).toMatchObject({ name: "bob", departmentId: a.departments.sales.id, passwordHash: a.users.bob.passwordHash });
  });

  it("refuses a director and a manager", async () => {
    expect((await patch(a.users.bob.id, { name: "x" }, "director")).status).toBe(403);
    expect((await patch(a.users.bob.id, { role: "admin" }, "bob")).status).toBe(403);
  });

  it("disabling a user ends their sessions and revokes their tokens; enabling them again brings back neither", async () => {
    const cookie = await sessionCookieOf(a.users.bob.id);
    expect((await call(GET, a.users.bob.id, { cookie })).status).toBe(403); // signed in, a manager
    expect((await patch(a.users.bob.id, { isActive: false })).body.user.isActive).toBe(false);
    expect((await call(GET, a.users.bob.id, { token: token.bob })).body.error.message).toBe("The API token is invalid or revoked");
    expect((await patch(a.users.bob.id, { isActive: true })).body.user.isActive).toBe(true);
    expect((await call(GET, a.users.bob.id, { token: token.bob })).body.error.message).toBe("The API token is invalid or revoked");
    expect((await call(GET, a.users.bob.id, { cookie })).body.error.message).toMatch(/^Your session has ended/);
    // A session that signs in afterwards, and a token made afterwards, work.
    expect((await call(GET, a.users.bob.id, { cookie: await sessionCookieOf(a.users.bob.id, Date.now() + 1000) })).status).toBe(403);
    expect((await call(GET, a.users.bob.id, { token: await tokenFor(a.users.bob) })).status).toBe(403);
    const [entry] = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.update"), eq(auditLog.targetId, a.users.bob.id), sql`${auditLog.details} ? 'tokensRevoked'`));
    expect(entry.details).toEqual({ changes: { isActive: { from: true, to: false } }, tokensRevoked: 1 });
  });

  it("sets a new password without ever logging it, ending the person's sessions and API tokens", async () => {
    const cookie = await sessionCookieOf(a.users.alice.id);
    const response = await patch(a.users.alice.id, { password: "brand-new-password" });
    expect(response.status).toBe(200);
    expect((await call(GET, a.users.alice.id, { token: token.alice })).body.error.message).toBe("The API token is invalid or revoked");
    expect((await call(GET, a.users.alice.id, { cookie })).status).toBe(401);
    expect(await checkCredentials(testDb.db, a.users.alice.email, "brand-new-password")).toMatchObject({ ok: true });
    expect(await checkCredentials(testDb.db, a.users.alice.email, FIXTURE_PASSWORD)).toMatchObject({ ok: false });
    const entries = await testDb.db.select().from(auditLog).where(eq(auditLog.orgId, a.org.id));
    expect(entries.map((entry) => entry.action)).toContain("user.password.set");
    expect(JSON.stringify(entries)).not.toContain("brand-new-password");
  });

  it("keeps an admin from demoting or disabling themselves, and then sets no password either", async () => {
    const demote = await patch(a.users.admin.id, { role: "manager", password: "sneaky-password" });
    expect(demote).toEqual({ status: 400, body: { error: { code: "own_admin_role", field: "role", message: "You cannot take away your own admin role; ask another admin" } } });
    const disable = await patch(a.users.admin.id, { isActive: false });
    expect(disable.body.error).toEqual({ code: "own_account_disable", field: "isActive", message: "You cannot disable your own account" });
    expect(await checkCredentials(testDb.db, a.users.admin.email, FIXTURE_PASSWORD)).toMatchObject({ ok: true });
  });
});

describe("the last active admin", () => {
  it("survives two admins demoting each other at the same moment", async () => {
    const org = await createOrgFixture(testDb.db);
    const { admin, alice } = org.users;
    token.orgAdmin = await tokenFor(admin);
    token.orgAlice = await tokenFor(alice);
    expect((await patch(alice.id, { role: "admin" }, "orgAdmin")).status).toBe(200);
    const race = () => Promise.all([patch(alice.id, { role: "manager" }, "orgAdmin"), patch(admin.id, { role: "manager" }, "orgAlice")]);

    let pending: ReturnType<typeof race>;
    if (testDb.mode === "postgres") {
      // Hold both users' rows, so that each request gets as far as it can before either may
      // write: without the lock on the organisation both would pass the "another admin" check.
      await testDb.db.transaction(async (tx) => {
        await tx.select({ id: users.id }).from(users).where(inArray(users.id, [admin.id, alice.id])).for("update");
        pending = race();
        await waitForLockWaiters(tx, 2, ['update "users"', 'select "id" from "organisations"']);
      });
    } else {
      pending = race(); // PGlite runs one transaction at a time; both requests load their viewer first
    }
    const statuses = (await pending!).map((result) => result.status).sort();
    // One wins; the other was either already demoted (403) or found the winner the last admin (409).
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const [{ admins }] = await testDb.db
      .select({ admins: count() })
      .from(users)
      .where(and(eq(users.orgId, org.org.id), eq(users.role, "admin"), eq(users.isActive, true)));
    expect(admins).toBe(1);
  });
});
