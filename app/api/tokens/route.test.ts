import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, auditLog } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { newSessionClaims } from "@/lib/auth/sessions";
import { createApiToken } from "@/lib/auth/tokens";
import { loadViewer } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { updateUser } from "@/lib/users/update-user";
import { GET as getOrg } from "../org/route";
import { DELETE } from "./[id]/route";
import { GET, POST } from "./route";
import { callRoute } from "@/db/test/call-route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
const token: Record<string, string> = {};
const session: Record<string, string> = {};
const SESSION_COOKIE = "authjs.session-token";

type Handler = (request: Request, context: never) => Promise<Response>;
function call(handler: Handler, bearer: string | null, init: { method?: string; body?: unknown; id?: string; cookie?: string } = {}) {
  const as = bearer ? { token: bearer } : init.cookie ? { cookie: init.cookie } : null;
  return callRoute(handler, `/api/tokens${init.id ? `/${init.id}` : ""}`, { as, method: init.method, body: init.body, params: { id: init.id } });
}
// Tokens are made by a signed-in person (a session cookie), and used by scripts (a bearer token).
const create = (who: string, name: unknown) => call(POST, null, { method: "POST", body: { name }, cookie: session[who] });
const revoke = (who: string, id: string) => call(DELETE, token[who], { method: "DELETE", id });

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  b = await createOrgFixture(testDb.db);
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, alice: a.users.alice, bob: a.users.bob, adminB: b.users.admin })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
    session[who] = await encode({ token: { sub: user.id, ...newSessionClaims() }, secret: env.AUTH_SECRET, salt: SESSION_COOKIE });
  }
});
afterAll(() => testDb.close());

describe("/api/tokens", () => {
  it("creates a token that works at once, lists it without the secret, and revokes it", async () => {
    const created = await create("bob", " CI export ");
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), token: expect.stringMatching(/^vrk_/) });
    const { id, token: secret } = created.body;
    expect((await call(getOrg, secret)).body.org.id).toBe(a.org.id);

    const listed = await call(GET, token.bob);
    expect(listed.status).toBe(200);
    const mine = listed.body.tokens.find((t: { id: string }) => t.id === id);
    expect(mine).toEqual({ id, name: "CI export", prefix: secret.slice(0, 10), createdAt: expect.any(String), lastUsedAt: expect.any(String) });
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(JSON.stringify(listed.body)).not.toMatch(/hash/i);

    expect(await revoke("bob", id)).toEqual({ status: 204, body: null });
    expect((await call(getOrg, secret)).status).toBe(401);
    expect((await call(GET, token.bob)).body.tokens.map((t: { id: string }) => t.id)).not.toContain(id);
    expect((await revoke("bob", id)).status).toBe(404);

    const actions = await testDb.db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, a.org.id), eq(auditLog.targetId, id)));
    expect(actions.map((entry) => entry.action).sort()).toEqual(["token.create", "token.revoke"]);
    expect(JSON.stringify(actions)).not.toContain(secret);
  });

  it("lists only the caller's own tokens", async () => {
    const alices = await create("alice", "alice's");
    const bobs = (await call(GET, token.bob)).body.tokens.map((t: { id: string }) => t.id);
    expect(bobs).not.toContain(alices.body.id);
  });

  it("answers 404 when revoking someone else's token, in the organisation or outside it", async () => {
    const alices = await create("alice", "keep me");
    expect(await revoke("bob", alices.body.id)).toEqual({ status: 404, body: { error: { code: "token_not_found", message: "Token not found" } } });
    expect((await revoke("admin", alices.body.id)).status).toBe(404);
    expect((await revoke("adminB", alices.body.id)).status).toBe(404);
    expect((await call(getOrg, alices.body.token)).status).toBe(200);
  });

  it("answers 404 for an unknown or malformed token id", async () => {
    expect((await revoke("bob", randomUUID())).status).toBe(404);
    expect((await revoke("bob", "vrk_abc")).status).toBe(404);
  });

  it("lets every role manage their own tokens", async () => {
    for (const who of ["admin", "director", "alice"]) expect((await create(who, `${who}'s`)).status).toBe(201);
  });

  it("refuses bad names with a message naming the field", async () => {
    for (const [name, message] of [
      ["", "name: is required"],
      ["   ", "name: is required"],
      [undefined, "name: is required"],
      [42, "name: must be a string"],
      ["x".repeat(101), "name: must be at most 100 characters"],
    ] as const) {
      const response = await create("bob", name);
      expect(response.status, String(name)).toBe(400);
      expect(response.body.error.message).toContain(message);
    }
    expect((await call(POST, null, { method: "POST", body: "name=x", cookie: session.bob })).body.error.message).toBe("The request body must be JSON");
    // A NUL character passes the schema but PostgreSQL cannot store it: a 400 that says so, and no token.
    const before = (await call(GET, token.bob)).body.tokens.length;
    const nul = await create("bob", "CI\u0000export");
    expect(nul.status).toBe(400);
    expect(nul.body.error).toEqual({ code: "invalid_value", message: expect.stringMatching(/^A value cannot be stored: .*0x00/) });
    expect((await call(GET, token.bob)).body.tokens).toHaveLength(before);
    expect((await create("bob", "x".repeat(100))).status).toBe(201);
  });

  it("refuses to make a token for a caller who is a token: only a signed-in person makes them", async () => {
    const before = (await call(GET, token.bob)).body.tokens.length;
    const response = await call(POST, token.bob, { method: "POST", body: { name: "minted by a script" } });
    expect(response).toEqual({
      status: 403,
      body: { error: { code: "token_cannot_create_tokens", message: "An API token cannot create tokens: sign in to create one" } },
    });
    // A cookie beside the token changes nothing: the token is what authenticates.
    expect((await call(POST, token.bob, { method: "POST", body: { name: "x" }, cookie: session.bob })).status).toBe(403);
    expect((await call(GET, token.bob)).body.tokens).toHaveLength(before);
  });

  it("keeps a revoked token revoked: revoking again, disabling and enabling the owner bring nothing back", async () => {
    const { id, token: secret } = (await create("alice", "to revoke")).body;
    expect((await revoke("alice", id)).status).toBe(204);
    expect((await revoke("alice", id)).status).toBe(404);
    const admin = (await loadViewer(testDb.db, a.users.admin.id))!;
    await updateUser(testDb.db, admin, a.users.alice.id, { isActive: false });
    await updateUser(testDb.db, admin, a.users.alice.id, { isActive: true });
    expect((await call(getOrg, secret)).status).toBe(401);
    const [row] = await testDb.db.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.id, id));
    expect(row.revokedAt).toEqual(expect.any(Date));
  });

  it("refuses a caller without a token or with a revoked one", async () => {
    expect((await call(GET, null)).status).toBe(401);
    expect((await call(POST, null, { method: "POST", body: { name: "x" } })).status).toBe(401);
    expect((await call(DELETE, null, { method: "DELETE", id: randomUUID() })).status).toBe(401);
    const { id, token: secret } = (await create("bob", "short-lived")).body;
    await revoke("bob", id);
    expect((await call(GET, secret)).status).toBe(401);
    expect((await call(POST, secret, { method: "POST", body: { name: "from a dead token" } })).status).toBe(401);
  });
});
