// Auth.js's endpoints behind our guards: a callbackUrl it cannot take is a 400 (it answered 500),
// a foreign one never becomes the place sign-in sends a person, bodies stop at 1 MiB, and signing
// in still works.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, FIXTURE_PASSWORD, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { GET, POST } from "./route";

let testDb: TestDb;
let f: OrgFixture;
const APP = "http://localhost";

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
});
afterAll(() => testDb.close());

const get = (path: string, cookie?: string) => GET(new NextRequest(`${APP}${path}`, { headers: cookie ? { cookie } : {} }));
const cookiesOf = (response: Response) => Object.fromEntries(response.headers.getSetCookie().map((line) => line.split(";")[0].split(/=(.*)/s).slice(0, 2)));

describe("GET /api/auth/csrf", () => {
  it("answers a callbackUrl Auth.js cannot parse with a 400, not a 500", async () => {
    for (const callbackUrl of ["http://localhost:3300.evil.example/", "javascript:alert(1)", "ftp://files.example/", "relative/path"]) {
      const response = await get(`/api/auth/csrf?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      expect(response.status, callbackUrl).toBe(400);
      expect((await response.json()).error.code).toBe("invalid_callback_url");
    }
  });

  it("keeps only this app's address from a foreign callbackUrl, including one that starts like ours", async () => {
    for (const callbackUrl of ["http://host.evil.example/", "http://localhost.evil.example/", "http://localhost@evil.example/", "http://localhost:8080/"]) {
      const response = await get(`/api/auth/csrf?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      expect(response.status, callbackUrl).toBe(200);
      expect(decodeURIComponent(cookiesOf(response)["authjs.callback-url"]), callbackUrl).toBe(APP);
    }
    const own = await get(`/api/auth/csrf?callbackUrl=${encodeURIComponent("/deals?month=2026-03")}`);
    expect(decodeURIComponent(cookiesOf(own)["authjs.callback-url"])).toBe(`${APP}/deals?month=2026-03`);
  });

  it("drops a callback-url cookie Auth.js would choke on instead of answering 500", async () => {
    const response = await get("/api/auth/csrf", "authjs.callback-url=http%3A%2F%2Fa%3Ax%2F");
    expect(response.status).toBe(200);
    expect((await response.json()).csrfToken).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("POST /api/auth/callback/credentials", () => {
  it("refuses a body over 1 MiB with a 413, signed in or not", async () => {
    const body = `email=a%40b.c&password=${"x".repeat(1024 * 1024)}`;
    const response = await POST(new NextRequest(`${APP}/api/auth/callback/credentials`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }));
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
  });

  it("still signs a person in with the right password and sets the session cookie", async () => {
    const csrf = await get("/api/auth/csrf");
    const { csrfToken } = await csrf.json();
    const cookie = Object.entries(cookiesOf(csrf))
      .map(([name, value]) => `${name}=${value}`)
      .join("; ");
    const form = new URLSearchParams({ csrfToken, email: f.users.admin.email, password: FIXTURE_PASSWORD, callbackUrl: "/deals" });
    const response = await POST(new NextRequest(`${APP}/api/auth/callback/credentials`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie }, body: form.toString() }));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${APP}/deals`);
    expect(cookiesOf(response)["authjs.session-token"]).toMatch(/^eyJ/);
  });
});
