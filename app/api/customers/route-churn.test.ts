// GET /api/customers with the churn filters, GET /api/customers/churn and the candidates' export:
// admins of the organisation only (the customers list's scope), bad values refused naming the field.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { scoreAllCustomers } from "@/lib/customers/churn/score";
import { rebuildCustomers } from "@/lib/customers/rebuild";
import { createWebhookSources } from "@/lib/ingest/test/sources";
import { GET as churnRun } from "./churn/route";
import { GET as exportCustomers } from "./export/route";
import { GET as list } from "./route";

const DAY = 86_400_000;
const NOW = new Date(Math.floor(Date.now() / DAY) * DAY + 7 * 3_600_000);
let testDb: TestDb;
let a: OrgFixture;
const token: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  const b = await createOrgFixture(testDb.db);
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, alice: a.users.alice, adminB: b.users.admin })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
  for (const [org, people] of [
    // Anna: gaps 30, 30, 30, 75 days since → 0.8566; Boris: one order 90 days ago → 0.75; Dana: today → 0.
    [a, { "+77010000001": [165, 135, 105, 75], "+77010000002": [90], "+77010000004": [30, 0] }],
    // Another organisation's customer, long gone: never in organisation A's answers.
    [b, { "+77019999999": [400, 370] }],
  ] as const) {
    const { shop } = await createWebhookSources(testDb.db, org.org.id);
    const rows = Object.entries(people).flatMap(([phone, days]) =>
      (days as readonly number[]).map((d, i) => ({ orgId: org.org.id, sourceId: shop.id, externalId: `${phone}-${i}`, status: "completed", phone, total: "1000", currency: "KZT", createdAt: new Date(NOW.getTime() - d * DAY) })),
    );
    await testDb.db.insert(orders).values(rows);
    await rebuildCustomers(testDb.db, { orgId: org.org.id });
    await scoreAllCustomers(testDb.db, org.org.id, NOW);
  }
}, 120_000);
afterAll(() => testDb.close());

const get = (handler: (r: Request, c: never) => Promise<Response>, who: string | null, url: string) => callRoute(handler, url, { as: who ? { token: token[who] } : null });

describe("GET /api/customers?churnRiskMin=", () => {
  it("lists the customers at or above the risk, riskiest first", async () => {
    // The shop's usual gap is the median of 30, 30, 30 (Anna) and 30 (Dana) = 30.
    const answer = await get(list, "admin", "/api/customers?churnRiskMin=0.7&sort=churnRisk");
    expect(answer.status).toBe(200);
    expect(answer.body.total).toBe(2);
    expect(answer.body.rows.map((r: { phone: string }) => r.phone)).toEqual(["+77010000001", "+77010000002"]);
    expect(answer.body.rows[0].churnRisk).toBeCloseTo(24_465 / 28_561, 10); // 1 − (120/195)⁴
    expect(answer.body.rows[1].churnRisk).toBeCloseTo(0.75, 10); // 90 / (30 + 90)
    const above = await get(list, "admin", "/api/customers?churnRiskMin=0.8&sort=churnRisk&order=asc");
    expect(above.body.rows.map((r: { phone: string }) => r.phone)).toEqual(["+77010000001"]);
    // All three, least risky first: Dana ordered today (risk 0).
    const all = await get(list, "admin", "/api/customers?churnRiskMin=0&sort=churnRisk&order=asc");
    expect(all.body.rows.map((r: { phone: string }) => r.phone)).toEqual(["+77010000004", "+77010000002", "+77010000001"]);
  });

  it("refuses a bad value with 400 naming the field", async () => {
    for (const [query, field] of [
      ["churnRiskMin=high", "churnRiskMin"],
      ["churnRiskMin=1.5", "churnRiskMin"],
      ["churnRiskMin=-0.1", "churnRiskMin"],
      ["sort=risk", "sort"],
      ["order=up", "order"],
      ["active=yes", "active"],
    ]) {
      const answer = await get(list, "admin", `/api/customers?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error, query).toMatchObject({ code: "validation_error", field });
    }
  });

  it("follows the customers list's scope: admins only, their own organisation only", async () => {
    expect((await get(list, "director", "/api/customers?churnRiskMin=0.7")).status).toBe(403);
    expect((await get(list, "alice", "/api/customers?churnRiskMin=0.7")).status).toBe(403);
    expect((await get(list, null, "/api/customers?churnRiskMin=0.7")).status).toBe(401);
    expect((await get(churnRun, "alice", "/api/customers/churn")).status).toBe(403);
    expect((await get(exportCustomers, "director", "/api/customers/export?format=csv&churnRiskMin=0.7")).status).toBe(403);
    // B's admin sees B's one customer (gone a year: risk ≈ 1), none of A's.
    const b = await get(list, "adminB", "/api/customers?churnRiskMin=0");
    expect(b.body.rows.map((r: { phone: string }) => r.phone)).toEqual(["+77019999999"]);
    // …and with active=true none: that customer is already inactive (last order 370 days ago > 180).
    expect((await get(list, "adminB", "/api/customers?churnRiskMin=0.7&active=true")).body.total).toBe(0);
  });
});

describe("churn scoring and export", () => {
  it("tells the last scoring: when, the shop's gap, and no backtest yet without orders before the cut-off's horizon", async () => {
    const answer = await get(churnRun, "admin", "/api/customers/churn");
    expect(answer.status).toBe(200);
    // The cut-off is 180 days ago and the first order was 165 days ago: nobody to measure yet.
    expect(answer.body.run).toMatchObject({ priorGapDays: 30, customersScored: 3, backtest: { eligible: 0, topN: 0, precision: null, baseRate: null } });
  });

  it("exports the churn candidates as CSV: the same rows and order, risk as a percentage", async () => {
    const response = await exportCustomers(new Request("http://localhost/api/customers/export?format=csv&lang=en&churnRiskMin=0.7&active=true&sort=churnRisk", { headers: { authorization: `Bearer ${token.admin}` } }), undefined as never);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("churn-candidates");
    const rows: string[][] = parse((await response.text()).replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(["Customer", "Phone", "E-mail", "Orders", "Total", "Last order", "Usual gap, days", "Churn risk", "Category"]);
    // The phone is written as text ('+7…, so a spreadsheet does not read a formula); the risk in per cent:
    // 24 465 / 28 561 = 85.66 %, 90 / 120 = 75 %.
    expect(rows.slice(1).map((row) => [row[1], row[3], row[6], row[7], row[8]])).toEqual([
      ["'+77010000001", "4", "30", "85.66", "Regular"],
      ["'+77010000002", "1", "30", "75", "New"],
    ]);
    for (const format of ["xlsx", "pdf"]) {
      const file = await exportCustomers(new Request(`http://localhost/api/customers/export?format=${format}&churnRiskMin=0.7&active=true`, { headers: { authorization: `Bearer ${token.admin}` } }), undefined as never);
      expect(file.status, format).toBe(200);
      expect(file.headers.get("content-disposition"), format).toContain(`churn-candidates`);
      expect((await file.arrayBuffer()).byteLength, format).toBeGreaterThan(1000);
    }
    const bad = await get(exportCustomers, "admin", "/api/customers/export?format=csv&churnRiskMin=2");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: "churnRiskMin" });
  });
});
