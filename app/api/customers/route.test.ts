// /api/customers: admins of the organisation only; search, one customer's orders, rebuild.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { drainInbox } from "@/lib/ingest/process/drain";
import { storeInboxEvent } from "@/lib/ingest/receive/inbox";
import { shopBody } from "@/lib/ingest/test/bodies";
import { createWebhookSources } from "@/lib/ingest/test/sources";
import { GET as getOne } from "./[id]/route";
import { POST as rebuild } from "./rebuild/route";
import { GET as list } from "./route";
import { callRoute } from "@/db/test/call-route";

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
  const s = await createWebhookSources(testDb.db, a.org.id);
  const orders = [
    { id: "1", total: "1000", customer: { name: "Дана Ким", phone: "8 701 111 22 33" } },
    { id: "2", total: "2500", customer: { name: "Дана Ким", phone: "+77011112233" } },
    { id: "3", total: "700", customer: { name: "Олег", email: "oleg@mail.ru" } },
  ];
  for (const order of orders) {
    const body = shopBody("order.created", { ...order, status: "completed", createdAt: "2026-11-10T10:00:00+05:00" });
    await storeInboxEvent(testDb.db, { orgId: a.org.id, sourceId: s.shop.id, eventType: "order.created", contentType: "application/json", headers: {}, body, status: "pending" });
  }
  await drainInbox(testDb.db, { orgId: a.org.id });
});
afterAll(() => testDb.close());

const get = (handler: (r: Request, c: never) => Promise<Response>, who: string | null, url: string, params: Record<string, string> = {}) =>
  callRoute(handler, url, { as: who ? { token: token[who] } : null, params });

describe("/api/customers", () => {
  it("lists and searches the organisation's customers for its admin", async () => {
    const all = await get(list, "admin", "/api/customers");
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    const byPhone = await get(list, "admin", "/api/customers?q=111-22-33");
    expect(byPhone.body.rows).toMatchObject([{ name: "Дана Ким", phone: "+77011112233", completedOrderCount: 2, totalSpent: "3500.00" }]);
    const byEmail = await get(list, "admin", "/api/customers?q=OLEG");
    expect(byEmail.body.rows).toMatchObject([{ email: "oleg@mail.ru", totalSpent: "700.00" }]);
  });

  it("shows one customer's order history, and 404 for another organisation's admin or a bad id", async () => {
    const dana = (await get(list, "admin", "/api/customers?q=Дана")).body.rows[0];
    const one = await get(getOne, "admin", `/api/customers/${dana.id}`, { id: dana.id });
    expect(one.body.orders.map((o: { number: string }) => o.number)).toEqual(expect.arrayContaining(["№1", "№2"]));
    expect((await get(getOne, "adminB", `/api/customers/${dana.id}`, { id: dana.id })).status).toBe(404);
    expect((await get(getOne, "admin", "/api/customers/nope", { id: "nope" })).status).toBe(404);
  });

  it("is for admins only: directors and managers get 403, strangers 401", async () => {
    expect((await get(list, "director", "/api/customers")).status).toBe(403);
    expect((await get(list, "alice", "/api/customers")).status).toBe(403);
    expect((await get(list, null, "/api/customers")).status).toBe(401);
  });

  it("rebuilds the organisation's customers and reports the count", async () => {
    const response = await rebuild(new Request("http://localhost/api/customers/rebuild", { method: "POST", headers: { authorization: `Bearer ${token.admin}` } }), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ organisations: 1, customers: 2, failed: [] });
  });
});
