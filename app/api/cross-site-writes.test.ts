// Writes sent with the session cookie must come from a page of this app and carry JSON as JSON;
// API tokens are not affected. Through the real route handlers, as a browser would send them.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, users } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { sessionCookieFor } from "@/lib/api/test/session-cookie";
import { createApiToken } from "@/lib/auth/tokens";
import { DELETE as revokeToken } from "./tokens/[id]/route";
import { GET as listTokens, POST as createToken } from "./tokens/route";
import { POST as createDepartment } from "./departments/route";
import { POST as inviteUser } from "./users/route";

let testDb: TestDb;
let f: OrgFixture;
let adminCookie: string;
let adminToken: string;
const APP = "http://localhost";

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  adminCookie = await sessionCookieFor(f.users.admin.id);
  adminToken = (await createApiToken(testDb.db, { orgId: f.org.id, userId: f.users.admin.id }, "script")).token;
});
afterAll(() => testDb.close());

type Handler = (request: Request, context: never) => Promise<Response>;
async function send(handler: Handler, path: string, init: { method?: string; headers: Record<string, string>; body?: string; id?: string }) {
  const request = new Request(`${APP}${path}`, { method: init.method ?? "POST", headers: init.headers, body: init.body });
  const response = await handler(request, { params: Promise.resolve({ id: init.id }) } as never);
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

const EVIL = { origin: "http://evil.example", "sec-fetch-site": "cross-site" };
const SAME = { origin: APP, "sec-fetch-site": "same-origin" };
const invitation = (email: string) => JSON.stringify({ email, name: "Evil", role: "admin", password: "evil-password-1" });
const userByEmail = async (email: string) => (await testDb.db.select().from(users).where(eq(users.email, email)))[0];
const tokenNamed = async (name: string) => (await testDb.db.select().from(apiTokens).where(eq(apiTokens.name, name)))[0];

describe("a write with the session cookie", () => {
  it("from another site (text/plain, foreign Origin, Sec-Fetch-Site: cross-site) is a 403 and creates no user or token", async () => {
    const user = await send(inviteUser, "/api/users", { headers: { cookie: adminCookie, "content-type": "text/plain", ...EVIL }, body: invitation("evil1@x.example") });
    expect(user).toEqual({ status: 403, body: { error: { code: "cross_site_request", message: "This request did not come from a page of this app; reload the page and try again" } } });
    expect(await userByEmail("evil1@x.example")).toBeUndefined();

    const token = await send(createToken, "/api/tokens", { headers: { cookie: adminCookie, "content-type": "text/plain", ...EVIL }, body: JSON.stringify({ name: "evil-token" }) });
    expect(token.status).toBe(403);
    expect(await tokenNamed("evil-token")).toBeUndefined();
  });

  it("is refused without an Origin, with another host's Origin, with Origin null, and when Sec-Fetch-Site says cross-site or same-site", async () => {
    const json = { cookie: adminCookie, "content-type": "application/json" };
    const cases: Record<string, string>[] = [
      {},
      { origin: "http://localhost.evil.example" },
      { origin: "http://localhost:3000" },
      { origin: "null" },
      { origin: APP, "sec-fetch-site": "cross-site" },
      { origin: APP, "sec-fetch-site": "same-site" },
    ];
    for (const [i, headers] of cases.entries()) {
      const response = await send(createToken, "/api/tokens", { headers: { ...json, ...headers }, body: JSON.stringify({ name: `refused-${i}` }) });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await tokenNamed(`refused-${i}`)).toBeUndefined();
    }
  });

  it("from this app but not declared as JSON is a 415 and changes nothing", async () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
      const response = await send(inviteUser, "/api/users", { headers: { cookie: adminCookie, "content-type": contentType, ...SAME }, body: invitation("plain@x.example") });
      expect(response).toEqual({ status: 415, body: { error: { code: "unsupported_media_type", message: "Send the body as application/json" } } });
    }
    expect(await userByEmail("plain@x.example")).toBeUndefined();
  });

  it("from this app as JSON goes through: 201, and a browser behind a proxy (X-Forwarded-Host) too", async () => {
    const response = await send(createToken, "/api/tokens", { headers: { cookie: adminCookie, "content-type": "application/json; charset=utf-8", ...SAME }, body: JSON.stringify({ name: "from-the-page" }) });
    expect(response.status).toBe(201);
    const proxied = await send(createToken, "/api/tokens", {
      headers: { cookie: adminCookie, "content-type": "application/json", origin: "https://voronka.example.kz", "x-forwarded-host": "voronka.example.kz" },
      body: JSON.stringify({ name: "behind-a-proxy" }),
    });
    expect(proxied.status).toBe(201);
  });

  it("DELETE from another site is a 403 and the token stays; reading from another site is not a write and still answers", async () => {
    const { id } = await createApiToken(testDb.db, { orgId: f.org.id, userId: f.users.admin.id }, "kept");
    const refused = await send(revokeToken, `/api/tokens/${id}`, { method: "DELETE", headers: { cookie: adminCookie, ...EVIL }, id });
    expect(refused.status).toBe(403);
    expect((await tokenNamed("kept")).revokedAt).toBeNull();
    const listed = await send(listTokens, "/api/tokens", { method: "GET", headers: { cookie: adminCookie, ...EVIL } });
    expect(listed.status).toBe(200);
    const revoked = await send(revokeToken, `/api/tokens/${id}`, { method: "DELETE", headers: { cookie: adminCookie, ...SAME }, id });
    expect(revoked.status).toBe(204);
  });
});

describe("a write with an API token", () => {
  it("is not affected: no Origin, a foreign one, text/plain — all 201", async () => {
    const response = await send(inviteUser, "/api/users", { headers: { authorization: `Bearer ${adminToken}`, "content-type": "text/plain", ...EVIL }, body: invitation("script@x.example") });
    expect(response.status).toBe(201);
    const bare = await send(createDepartment, "/api/departments", { headers: { authorization: `Bearer ${adminToken}` }, body: JSON.stringify({ name: "curl" }) });
    expect(bare.status).toBe(201);
  });
});

describe("a JSON body", () => {
  it("over 1 MiB is a 413 from any signed-in role, declared or streamed, and nothing is created", async () => {
    const managerCookie = await sessionCookieFor(f.users.alice.id);
    const huge = JSON.stringify({ name: "huge", padding: "x".repeat(1024 * 1024) });
    const declared = await send(createToken, "/api/tokens", { headers: { cookie: managerCookie, "content-type": "application/json", "content-length": String(huge.length), ...SAME }, body: huge });
    expect(declared).toEqual({ status: 413, body: { error: { code: "payload_too_large", message: "The body is larger than 1 MiB" } } });

    // No Content-Length (chunked): 64 KiB chunks without end, unless the reader stops pulling.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode(" ".repeat(64 * 1024)));
      },
    });
    const request = new Request(`${APP}/api/departments`, { method: "POST", headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" }, body: endless, duplex: "half" } as RequestInit);
    const streamed = await createDepartment(request, { params: Promise.resolve({}) } as never);
    expect(streamed.status).toBe(413);
    // 1 MiB is 16 chunks of 64 KiB: the 17th crosses the limit; a little read-ahead is allowed.
    expect(pulled).toBeLessThan(20);
    expect(await tokenNamed("huge")).toBeUndefined();
  });

  it("of exactly 1 MiB is read", async () => {
    const prefix = JSON.stringify({ name: "one-mebibyte" }).slice(0, -1) + ',"padding":"';
    const body = prefix + "x".repeat(1024 * 1024 - prefix.length - 2) + '"}';
    expect(Buffer.byteLength(body)).toBe(1024 * 1024);
    const response = await send(createDepartment, "/api/departments", { headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" }, body });
    expect(response.status).toBe(201);
  });
});
