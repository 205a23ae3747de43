// Back to the shop (issue 19) against a mock shop callback: a deal linked to an order (by the
// number in its title, or by a mapped CRM field) reaching a mapped stage sends the status once,
// signed; 5xx answers are retried with growing delays, a 4xx is dead; the history lists each
// (order, status) with its attempts; an admin sends one again by hand.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders, stages } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { startShopCallbackMock } from "@/e2e/mocks/shop-callback-mock";
import { createApiToken } from "@/lib/auth/tokens";
import { applyDeals, applyPipelines, applyStages } from "@/lib/canonical";
import type { CanonicalDeal } from "@/lib/canonical/types";
import { createWebhookSources, type TestSources } from "@/lib/ingest/test/sources";
import { GET as getSettings, PUT as putSettings } from "@/app/api/sources/[id]/shop-status/route";
import { GET as getHistory } from "@/app/api/sources/[id]/shop-status/history/route";
import { POST as resend } from "@/app/api/sources/[id]/shop-status/history/[callbackId]/resend/route";
import { drainShopStatusCallbacks } from "./deliver";

let testDb: TestDb;
let f: OrgFixture;
let s: TestSources;
let mock: Awaited<ReturnType<typeof startShopCallbackMock>>;
const token: Record<string, string> = {};
const stageId: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  s = await createWebhookSources(testDb.db, f.org.id);
  mock = await startShopCallbackMock(s.shop.webhookSecret);
  for (const [who, user] of Object.entries({ admin: f.users.admin, director: f.users.director })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
  await applyPipelines(testDb.db, s.bitrix, [{ externalId: "1", name: "Интернет-магазин", sort: 1 }]);
  await applyStages(testDb.db, s.bitrix, [
    { pipelineExternalId: "1", externalId: "C1:NEW", name: "Новый", sort: 10, semantic: "open" },
    { pipelineExternalId: "1", externalId: "C1:PAID", name: "Оплачен", sort: 20, semantic: "open" },
    { pipelineExternalId: "1", externalId: "C1:WON", name: "Доставлен", sort: 30, semantic: "won" },
  ]);
  for (const row of await testDb.db.select().from(stages).where(and(eq(stages.orgId, f.org.id), eq(stages.sourceId, s.bitrix.id)))) stageId[row.externalId] = row.id;
  const order = (externalId: string, number: string) => ({ orgId: f.org.id, sourceId: s.shop.id, externalId, number, status: "new", total: "4500.00", currency: "KZT", createdAt: new Date() });
  await testDb.db.insert(orders).values([order("A-1042", "1042"), order("A-1043", "1043"), order("A-1044", "1044"), order("A-1045", "1045")]);
});
afterAll(async () => {
  await mock.close();
  await testDb.close();
});

const asAdmin = (extra: object = {}) => ({ as: { token: token.admin }, params: { id: s.shop.id }, ...extra });
const saveSettings = (body: object, who = "admin", sourceId = s.shop.id) =>
  callRoute(putSettings, `/api/sources/${sourceId}/shop-status`, { as: { token: token[who] }, method: "PUT", body, params: { id: sourceId } });
const historyOf = async (order: string) => (await callRoute(getHistory, `/api/sources/${s.shop.id}/shop-status/history?order=${order}`, asAdmin())).body.deliveries;

// The worker's clock runs ahead of the real one by `ahead` (rows come due at the database's now()).
let ahead = 0;
const later = (ms: number) => (ahead += ms);
const now = () => new Date(Date.now() + ahead);
const drain = () => drainShopStatusCallbacks(testDb.db, { orgId: f.org.id, now, budgetMs: 5_000 });

function deal(externalId: string, stage: string, title: string, extra: Partial<CanonicalDeal> = {}): CanonicalDeal {
  later(1000);
  const at = now();
  return { externalId, title, pipelineExternalId: "1", stageExternalId: stage, amount: "4500.00", currency: "KZT", createdAt: new Date(at.getTime() - 3_600_000), updatedAt: at, movedAt: at, ...extra };
}

describe("shop statuses", () => {
  it("saves the settings: URL, stage → status, link field; refuses a bad URL, an unknown stage, a CRM source and a director", async () => {
    const settings = { isEnabled: true, callbackUrl: mock.url, linkField: null, mappings: { [stageId["C1:PAID"]]: "P", [stageId["C1:WON"]]: "F" } };
    expect(await saveSettings(settings)).toMatchObject({ status: 200, body: { isEnabled: true, callbackUrl: mock.url, linkField: null } });
    expect((await callRoute(getSettings, `/api/sources/${s.shop.id}/shop-status`, asAdmin())).body.mappings).toEqual({ [stageId["C1:PAID"]]: "P", [stageId["C1:WON"]]: "F" });
    expect((await saveSettings({ ...settings, callbackUrl: "ftp://shop.example/x" })).status).toBe(400);
    expect((await saveSettings({ ...settings, mappings: { "00000000-0000-4000-8000-000000000000": "F" } })).body.error.code).toBe("shop_status_stage_unknown");
    expect((await saveSettings(settings, "admin", s.bitrix.id)).body.error.code).toBe("shop_status_not_shop");
    expect((await saveSettings(settings, "director")).status).toBe(403);
  });

  it("sends a mapped stage's status once, signed, with the idempotency key (order, status); a replay or a return to the stage sends nothing", async () => {
    await applyDeals(testDb.db, s.bitrix, [deal("901", "C1:NEW", "Заказ №1042")]);
    expect(await drain()).toMatchObject({ sent: 0, failed: 0, dead: 0 }); // NEW is not mapped
    const won = deal("901", "C1:WON", "Заказ №1042");
    await applyDeals(testDb.db, s.bitrix, [won]);
    await applyDeals(testDb.db, s.bitrix, [won]); // the same webhook again
    expect(await drain()).toMatchObject({ sent: 1, failed: 0, dead: 0 });

    const [request] = mock.requests.filter((r) => r.idempotencyKey === "A-1042:F");
    expect(request.isSigned).toBe(true);
    expect(JSON.parse(request.body)).toMatchObject({ event: "order.status", idempotencyKey: "A-1042:F", order: { id: "A-1042", number: "1042" }, status: "F", deal: { id: "901" } });
    expect(mock.applied.get("A-1042")).toEqual(["F"]);

    // Back to NEW and to WON again: the status F of order 1042 went already.
    await applyDeals(testDb.db, s.bitrix, [deal("901", "C1:NEW", "Заказ №1042")]);
    await applyDeals(testDb.db, s.bitrix, [deal("901", "C1:WON", "Заказ №1042")]);
    expect(await drain()).toMatchObject({ sent: 0 });
    expect(mock.requests.filter((r) => r.idempotencyKey === "A-1042:F")).toHaveLength(1);
    const history = await historyOf("1042");
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ orderId: "A-1042", orderNumber: "1042", status: "F", state: "sent", attempts: 1, lastHttpStatus: 200, deal: { externalId: "901" } });
  });

  it("retries a 503 after 30 s and 60 s with the same body and key, then sends it; a 400 is dead at once and an admin's resend delivers it", async () => {
    mock.failNext(503, 503);
    await applyDeals(testDb.db, s.bitrix, [deal("902", "C1:PAID", "Order #1043")]);
    expect(await drain()).toMatchObject({ sent: 0, failed: 1 });
    expect(await drain()).toMatchObject({ sent: 0, failed: 0 }); // not due yet
    later(31_000);
    expect(await drain()).toMatchObject({ failed: 1 });
    later(31_000);
    expect(await drain()).toMatchObject({ failed: 0, sent: 0 }); // the second wait is 60 s
    later(30_000);
    expect(await drain()).toMatchObject({ sent: 1 });
    const tries = mock.requests.filter((r) => r.idempotencyKey === "A-1043:P");
    expect(tries.map((r) => r.answered)).toEqual([503, 503, 200]);
    expect(new Set(tries.map((r) => r.body)).size).toBe(1);
    expect(mock.applied.get("A-1043")).toEqual(["P"]);
    expect((await historyOf("A-1043"))[0]).toMatchObject({ status: "P", state: "sent", attempts: 3 });

    mock.failNext(400);
    await applyDeals(testDb.db, s.bitrix, [deal("903", "C1:WON", "1044")]);
    expect(await drain()).toMatchObject({ dead: 1 });
    const [dead] = await historyOf("1044");
    expect(dead).toMatchObject({ status: "F", state: "dead", attempts: 1, lastHttpStatus: 400, lastFailure: { code: "shop_status_refused", params: { status: 400 }, details: "unknown status code" } });

    const answer = await callRoute(resend, `/api/sources/${s.shop.id}/shop-status/history/${dead.id}/resend`, { ...asAdmin(), method: "POST", params: { id: s.shop.id, callbackId: dead.id } });
    expect(answer).toMatchObject({ status: 200, body: { delivery: { state: "sent", attempts: 1, resends: 1, lastHttpStatus: 200 } } });
    expect(mock.applied.get("A-1044")).toEqual(["F"]);
    // Another organisation's delivery id is not found.
    const other = await createOrgFixture(testDb.db);
    const otherToken = (await createApiToken(testDb.db, { orgId: other.org.id, userId: other.users.admin.id }, "test")).token;
    const foreign = await callRoute(resend, `/api/sources/${s.shop.id}/shop-status/history/${dead.id}/resend`, { as: { token: otherToken }, method: "POST", params: { id: s.shop.id, callbackId: dead.id } });
    expect(foreign.status).toBe(404);
  });

  it("links by a mapped CRM field read from the deal as the CRM sent it", async () => {
    const settings = (await callRoute(getSettings, `/api/sources/${s.shop.id}/shop-status`, asAdmin())).body;
    expect((await saveSettings({ ...settings, linkField: "UF_CRM_ORDER_NO" })).status).toBe(200);
    const raw = { origin: "rest" as const, payload: { ID: "904", TITLE: "Доставка курьером", UF_CRM_ORDER_NO: "1045" } };
    await applyDeals(testDb.db, s.bitrix, [deal("904", "C1:WON", "Доставка курьером", { raw })]);
    expect(await drain()).toMatchObject({ sent: 1 });
    expect(mock.applied.get("A-1045")).toEqual(["F"]);
    // With the field mapped, a number in a title no longer links.
    await applyDeals(testDb.db, s.bitrix, [deal("905", "C1:WON", "Заказ №1042", { raw: { origin: "rest", payload: { ID: "905" } } })]);
    expect(await drain()).toMatchObject({ sent: 0 });
  });
});
