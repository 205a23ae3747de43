// Auth.js's own endpoints, called as a browser calls them: sign-in goes through the throttle with the
// caller's address, and POST /api/auth/signout ends the session on the server, not only in the browser.
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, FIXTURE_PASSWORD, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { viewerFromRequest } from "@/lib/api/viewer-from-request";
import { postAuthForm, SESSION_COOKIE, signInThroughAuthJs } from "./auth-test-client";

let testDb: TestDb;
let f: OrgFixture;
beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
});
afterAll(() => testDb.close());

const newAddress = () => `192.0.2.${randomInt(1, 255)}, 198.51.${randomInt(256)}.${randomInt(256)}`;
const asCookie = (session: string) => new Request("http://localhost/api/org", { headers: { cookie: `${SESSION_COOKIE}=${session}` } });

describe("Auth.js sign-in", () => {
  it("throttles by the caller's address: five wrong passwords lock that address out, not the person", async () => {
    // The first entry is the caller's own writing; the last is what npm start appended from the socket.
    const guesser = newAddress();
    for (let i = 0; i < 5; i++) expect((await signInThroughAuthJs(f.users.alice.email, `guess-${i}`, guesser)).session).toBeNull();
    const locked = await signInThroughAuthJs(f.users.alice.email, FIXTURE_PASSWORD, guesser);
    expect(locked.session).toBeNull();
    expect(locked.answer.location).toContain("code=too_many_attempts");
    // Writing another address in front changes nothing: the socket's entry is still last.
    const forged = await signInThroughAuthJs(f.users.alice.email, FIXTURE_PASSWORD, `203.0.113.1, ${guesser}`);
    expect(forged.answer.location).toContain("code=too_many_attempts");

    const elsewhere = await signInThroughAuthJs(f.users.alice.email, FIXTURE_PASSWORD, newAddress());
    expect(elsewhere.session).toEqual(expect.any(String));
    expect((await viewerFromRequest(testDb.db, asCookie(elsewhere.session!))).userId).toBe(f.users.alice.id);
  });
});

describe("POST /api/auth/signout", () => {
  it("ends the session on the server: the cookie it was sent with no longer opens the API", async () => {
    const { session } = await signInThroughAuthJs(f.users.bob.email, FIXTURE_PASSWORD, newAddress());
    expect((await viewerFromRequest(testDb.db, asCookie(session!))).userId).toBe(f.users.bob.id);

    const signedOut = await postAuthForm("signout", { callbackUrl: "/login" }, { cookies: { [SESSION_COOKIE]: session! } });
    expect(signedOut.status).toBe(302);
    expect(signedOut.cookies[SESSION_COOKIE]).toBe("");
    // Someone who kept a copy of the cookie is out too.
    await expect(viewerFromRequest(testDb.db, asCookie(session!))).rejects.toThrow("Your session has ended");
  });

  it("leaves the person's other sessions alone", async () => {
    const laptop = await signInThroughAuthJs(f.users.carol.email, FIXTURE_PASSWORD, newAddress());
    const phone = await signInThroughAuthJs(f.users.carol.email, FIXTURE_PASSWORD, newAddress());
    await postAuthForm("signout", { callbackUrl: "/login" }, { cookies: { [SESSION_COOKIE]: laptop.session! } });
    await expect(viewerFromRequest(testDb.db, asCookie(laptop.session!))).rejects.toThrow("Your session has ended");
    expect((await viewerFromRequest(testDb.db, asCookie(phone.session!))).userId).toBe(f.users.carol.id);
  });
});
