import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { endSession, newSessionClaims } from "@/lib/auth/sessions";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { viewerFromRequest } from "./viewer-from-request";

const COOKIE = "authjs.session-token";
let testDb: TestDb;
let f: OrgFixture;
beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
});
afterAll(() => testDb.close());

const withCookie = (value: string) => new Request("http://localhost/api/org", { headers: { cookie: `${COOKIE}=${value}` } });
const sessionFor = (userId: string, secret = env.AUTH_SECRET) => encode({ token: { sub: userId }, secret, salt: COOKIE });

describe("viewerFromRequest", () => {
  it("reads the session cookie Auth.js sets", async () => {
    const viewer = await viewerFromRequest(testDb.db, withCookie(await sessionFor(f.users.director.id)));
    expect(viewer).toMatchObject({ userId: f.users.director.id, role: "director", departmentId: f.departments.sales.id, org: { timezone: "Asia/Almaty" } });
  });

  it("refuses a cookie signed with another secret", async () => {
    const forged = await sessionFor(f.users.admin.id, "another-secret-that-is-long-enough");
    await expect(viewerFromRequest(testDb.db, withCookie(forged))).rejects.toThrow("Sign in or send an API token");
  });

  it("accepts a live API token and refuses it once revoked", async () => {
    const owner = { orgId: f.org.id, userId: f.users.bob.id };
    const { id, token } = await createApiToken(testDb.db, owner, "script");
    const request = () => new Request("http://localhost/api/org", { headers: { authorization: `Bearer ${token}` } });
    expect((await viewerFromRequest(testDb.db, request())).userId).toBe(f.users.bob.id);
    await revokeApiToken(testDb.db, owner, id);
    await expect(viewerFromRequest(testDb.db, request())).rejects.toThrow("The API token is invalid or revoked");
  });

  it("refuses a disabled user's session", async () => {
    const cookie = await sessionFor(f.users.carol.id);
    await testDb.db.update(users).set({ isActive: false }).where(eq(users.id, f.users.carol.id));
    await expect(viewerFromRequest(testDb.db, withCookie(cookie))).rejects.toThrow("Your session has ended or your account is disabled");
  });

  it("refuses the cookie of a session signed out on its device, and accepts the same person's other session", async () => {
    const cookieOf = (claims: { signedInAt: number; sessionId: string }) => encode({ token: { sub: f.users.bob.id, ...claims }, secret: env.AUTH_SECRET, salt: COOKIE });
    const laptop = newSessionClaims();
    const phone = newSessionClaims();
    await endSession(testDb.db, f.users.bob.id, laptop);
    await expect(viewerFromRequest(testDb.db, withCookie(await cookieOf(laptop)))).rejects.toThrow("Your session has ended");
    expect((await viewerFromRequest(testDb.db, withCookie(await cookieOf(phone)))).userId).toBe(f.users.bob.id);
  });

  it("refuses a session cookie that signed in before the person signed out, and accepts one from after", async () => {
    const signedOutAt = new Date("2026-03-01T10:00:00Z");
    await testDb.db.update(users).set({ sessionsValidAfter: signedOutAt }).where(eq(users.id, f.users.alice.id));
    const cookieAt = (signedInAt: number) => encode({ token: { sub: f.users.alice.id, signedInAt }, secret: env.AUTH_SECRET, salt: COOKIE });
    await expect(viewerFromRequest(testDb.db, withCookie(await cookieAt(signedOutAt.getTime() - 60_000)))).rejects.toThrow("Your session has ended");
    expect((await viewerFromRequest(testDb.db, withCookie(await cookieAt(signedOutAt.getTime() + 60_000)))).userId).toBe(f.users.alice.id);
  });
});
