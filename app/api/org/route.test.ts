import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, organisations } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken, revokeApiToken } from "@/lib/auth/tokens";
import { GET as getReport } from "../reports/[report]/route";
import { GET, PATCH } from "./route";
import { callRoute } from "@/db/test/call-route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
const token: Record<string, string> = {};

function call(handler: typeof GET, init: { method?: string; token?: string; body?: unknown } = {}) {
  return callRoute(handler, "/api/org", { as: init.token ? { token: init.token } : null, method: init.method, body: init.body });
}

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  b = await createOrgFixture(testDb.db, { timezone: "Europe/Moscow", baseCurrency: "RUB" });
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, bob: a.users.bob, adminB: b.users.admin })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
});
afterAll(() => testDb.close());

describe("GET /api/org", () => {
  it("shows any role their own organisation's settings", async () => {
    const response = await call(GET, { token: token.bob });
    expect(response.status).toBe(200);
    expect(response.body.org).toEqual({ id: a.org.id, name: a.org.name, baseCurrency: "KZT", timezone: "Asia/Almaty", locale: "ru", country: "KZ" });
  });

  it("shows an admin of another organisation only theirs", async () => {
    const response = await call(GET, { token: token.adminB });
    expect(response.body.org).toMatchObject({ id: b.org.id, baseCurrency: "RUB", timezone: "Europe/Moscow" });
  });

  it("refuses a request without a token or with a revoked one", async () => {
    expect((await call(GET)).status).toBe(401);
    const revoked = await createApiToken(testDb.db, { orgId: a.org.id, userId: a.users.alice.id }, "revoked");
    await revokeApiToken(testDb.db, { orgId: a.org.id, userId: a.users.alice.id }, revoked.id);
    const response = await call(GET, { token: revoked.token });
    expect(response).toEqual({ status: 401, body: { error: { code: "invalid_token", message: "The API token is invalid or revoked" } } });
  });
});

describe("PATCH /api/org", () => {
  it("lets an admin change the settings, and logs what changed", async () => {
    const response = await call(PATCH, { method: "PATCH", token: token.admin, body: { name: "  Renamed  ", timezone: "Asia/Tashkent", locale: "en" } });
    expect(response.status).toBe(200);
    expect(response.body.org).toMatchObject({ id: a.org.id, name: "Renamed", timezone: "Asia/Tashkent", locale: "en", baseCurrency: "KZT" });
    const [entry] = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, a.org.id), eq(auditLog.action, "org.update")));
    expect(entry).toMatchObject({ userId: a.users.admin.id, targetType: "organisation", targetId: a.org.id });
    expect(entry.details).toEqual({
      changes: { name: { from: a.org.name, to: "Renamed" }, timezone: { from: "Asia/Almaty", to: "Asia/Tashkent" }, locale: { from: "ru", to: "en" } },
    });
  });

  it("refuses a director and a manager", async () => {
    for (const who of ["director", "bob"]) {
      const response = await call(PATCH, { method: "PATCH", token: token[who], body: { name: "Mine now" } });
      expect(response).toEqual({ status: 403, body: { error: { code: "forbidden", message: "Your role does not allow this" } } });
    }
  });

  it("refuses bad input with a message naming the field", async () => {
    const cases: [unknown, string][] = [
      [{ timezone: "Mars/Base" }, "timezone: must be an IANA time zone"],
      [{ timezone: "+05:00" }, "timezone: must be an IANA time zone"],
      [{ baseCurrency: "usd" }, "baseCurrency: must be an ISO 4217 code"],
      [{ country: "KAZ" }, "country: must be an ISO 3166 alpha-2 code"],
      [{ locale: "de" }, "locale: must be ru or en"],
      [{ name: "" }, "name: is required"],
      [{}, "send at least one of"],
      ["not json", "The request body must be JSON"],
    ];
    for (const [body, message] of cases) {
      const response = await call(PATCH, { method: "PATCH", token: token.admin, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.message).toContain(message);
    }
  });

  it("names the refused field and its code, so the settings form shows the text beside that control", async () => {
    const zone = await call(PATCH, { method: "PATCH", token: token.admin, body: { name: "A", timezone: "+05:00" } });
    expect(zone.body.error).toMatchObject({ code: "validation_error", field: "timezone" });
    const blank = await call(PATCH, { method: "PATCH", token: token.admin, body: { name: "  ", timezone: "Asia/Almaty" } });
    expect(blank.body.error).toMatchObject({ code: "validation_error", field: "name" });
  });

  it("changes only the caller's organisation, whatever the body says", async () => {
    const response = await call(PATCH, { method: "PATCH", token: token.adminB, body: { id: a.org.id, country: "RU" } });
    expect(response.body.org).toMatchObject({ id: b.org.id, country: "RU" });
    const [orgA] = await testDb.db.select().from(organisations).where(eq(organisations.id, a.org.id));
    expect(orgA.country).toBe("KZ");
  });

  it("moves deals to the new month buckets when the time zone changes", async () => {
    // Won at 2025-01-31 20:30 UTC: 01:30 on 1 February in Almaty (UTC+5), still 31 January in UTC.
    const c = await createOrgFixture(testDb.db);
    await c.addDeal({ manager: "alice", stage: "WON", amount: "1000.00", createdAt: "2025-01-10T10:00:00Z", closedAt: "2025-01-31T20:30:00Z" });
    const adminToken = (await createApiToken(testDb.db, { orgId: c.org.id, userId: c.users.admin.id }, "test")).token;
    const wonByMonth = async () => {
      const request = new Request("http://localhost/api/reports/sales-by-month?from=2025-01-01&to=2025-02-28", { headers: { authorization: `Bearer ${adminToken}` } });
      const body = await (await getReport(request, { params: Promise.resolve({ report: "sales-by-month" }) })).json();
      return Object.fromEntries(body.rows.map((row: { month: string; wonCount: number }) => [row.month, row.wonCount]));
    };
    expect(await wonByMonth()).toEqual({ "2025-01": 0, "2025-02": 1 });

    const response = await call(PATCH, { method: "PATCH", token: adminToken, body: { timezone: "UTC" } });
    expect(response.status).toBe(200);
    expect(await wonByMonth()).toEqual({ "2025-01": 1, "2025-02": 0 });
  });
});
