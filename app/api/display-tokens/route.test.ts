// Display tokens (TV mode): made and revoked by admins, shown once, stored hashed; the screen reads
// reports with its maker's scope through the cookie /tv?token=… sets, and can never write.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, displayTokens } from "@/db/schema";
import { callRoute, expectFieldRefusals, routeRequest } from "@/db/test/call-route";
import type { OrgFixture } from "@/db/test/fixtures";
import { MARCH, twoOrgsWithMarchWins } from "@/db/test/two-orgs-march";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { sessionCookieFor } from "@/lib/api/test/session-cookie";
import { DISPLAY_COOKIE } from "@/lib/displays/limits";
import { GET as liveGet } from "../live/route";
import { GET as reportGet } from "../reports/[report]/route";
import { GET as usersGet } from "../users/route";
import { DELETE } from "./[id]/route";
import { GET, POST } from "./route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
const cookie: Record<string, string> = {};
const march = MARCH;

const sessionOf = (who: string) => ({ cookie: cookie[who].split("=").slice(1).join("=") });
const create = (who: string, body: unknown) => callRoute(POST, "/api/display-tokens", { as: sessionOf(who), method: "POST", body });
const revoke = (who: string, id: string) => callRoute(DELETE, `/api/display-tokens/${id}`, { as: sessionOf(who), method: "DELETE", params: { id } });
const asScreen = (token: string) => ({ cookie: `${DISPLAY_COOKIE}=${token}` });
const overviewAs = (headers: Record<string, string>) => reportGet(routeRequest(`/api/reports/overview?${march}`, { headers }), { params: Promise.resolve({ report: "overview" }) });

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  ({ a, b } = await twoOrgsWithMarchWins(testDb.db));
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, alice: a.users.alice, adminB: b.users.admin })) cookie[who] = await sessionCookieFor(user.id);
});
afterAll(() => testDb.close());

describe("/api/display-tokens", () => {
  it("an admin creates a token shown once, lists it without the secret or its hash, and the row keeps only the SHA-256", async () => {
    const created = await create("admin", { name: " Sales floor ", dashboards: ["overview", "managers", "overview"], rotateSeconds: 20 });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), token: expect.stringMatching(/^vrd_[A-Za-z0-9_-]{43}$/) });
    const listed = await callRoute(GET, "/api/display-tokens", { as: sessionOf("admin") });
    expect(listed.status).toBe(200);
    expect(listed.body.tokens).toContainEqual(
      expect.objectContaining({ id: created.body.id, name: "Sales floor", dashboards: ["overview", "managers"], rotateSeconds: 20, createdByName: "admin", prefix: created.body.token.slice(0, 10) }),
    );
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    expect(JSON.stringify(listed.body)).not.toMatch(/hash/i);
    const [row] = await testDb.db.select().from(displayTokens).where(and(eq(displayTokens.orgId, a.org.id), eq(displayTokens.id, created.body.id)));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(created.body.token);
    const audit = await testDb.db.select().from(auditLog).where(and(eq(auditLog.orgId, a.org.id), eq(auditLog.targetId, created.body.id)));
    expect(audit.map((entry) => entry.action)).toEqual(["display_token.create"]);
  });

  it("refuses a director and a manager (403), and bad input with the field named (400), creating nothing", async () => {
    expect((await create("director", { name: "TV", dashboards: ["overview"] })).status).toBe(403);
    expect((await create("alice", { name: "TV", dashboards: ["overview"] })).status).toBe(403);
    const cases: [unknown, string][] = [
      [{ name: "", dashboards: ["overview"] }, "name"],
      [{ name: "TV", dashboards: [] }, "dashboards"],
      [{ name: "TV", dashboards: ["deals"] }, "dashboards.0"],
      [{ name: "TV", dashboards: ["overview"], rotateSeconds: 9 }, "rotateSeconds"],
      [{ name: "TV", dashboards: ["overview"], rotateSeconds: 601 }, "rotateSeconds"],
    ];
    await expectFieldRefusals((body) => create("admin", body), cases);
    const rows = await testDb.db.select().from(displayTokens).where(eq(displayTokens.orgId, a.org.id));
    expect(rows.map((row) => row.name)).toEqual(["Sales floor"]);
  });

  it("the screen reads the overview with its maker's scope: the admin's 1 000 + 2 500 = 3 500 ₸, never the other organisation's 9 000", async () => {
    const { token } = (await create("admin", { name: "Floor 2", dashboards: ["overview"] })).body;
    const response = await overviewAs(asScreen(token));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rows: { kpi: string; value: string }[] };
    expect(body.rows.find((row) => row.kpi === "revenue")?.value).toBe("3500.00");
    const live = await liveGet(routeRequest("/api/live", { headers: asScreen(token) }));
    expect(live.status).toBe(200);
    await live.body?.cancel();
  });

  it("the screen may not read anything but reports: the users list is a 403 display_token_read_only", async () => {
    const { token } = (await create("admin", { name: "Floor 3", dashboards: ["overview"] })).body;
    const answer = await callRoute(usersGet, "/api/users", { headers: asScreen(token) });
    expect(answer).toEqual({ status: 403, body: { error: { code: "display_token_read_only", message: "A display token can only read reports" } } });
  });

  it("a revoked token reads nothing (401), another organisation's admin cannot revoke it (404), and revoking twice is a 404", async () => {
    const { id, token } = (await create("admin", { name: "Floor 4", dashboards: ["overview"] })).body;
    expect((await revoke("adminB", id)).status).toBe(404);
    expect((await overviewAs(asScreen(token))).status).toBe(200);
    expect((await revoke("admin", id)).status).toBe(204);
    const after = await overviewAs(asScreen(token));
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe("invalid_token");
    expect((await revoke("admin", id)).status).toBe(404);
    expect((await revoke("admin", "not-a-uuid")).status).toBe(404);
    const listed = await callRoute(GET, "/api/display-tokens", { as: sessionOf("admin") });
    expect(listed.body.tokens.map((entry: { id: string }) => entry.id)).not.toContain(id);
  });

  it("a made-up token in the cookie is a 401, and no cookie at all stays a 401 unauthorized", async () => {
    expect((await overviewAs(asScreen("vrd_madeup"))).status).toBe(401);
    expect((await overviewAs({})).status).toBe(401);
  });
});
