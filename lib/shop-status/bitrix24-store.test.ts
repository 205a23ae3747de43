// Back to a Bitrix24 store (issue 19) against the mock portal's `sale` methods: the form's choices
// (the portal as a store, its order statuses without the delivery ones), a deal entering a mapped
// stage sets the mock order's statusId once through `sale.order.update`, and Bitrix24's refusal or
// a missing order ends the delivery dead with the portal's words. The statuses' names come from
// `sale.statusLang.list` in the viewer's language, else the other one, else none (the id is shown).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders, sources, stages } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { startBitrix24Mock, type Bitrix24Mock } from "@/e2e/mocks/bitrix24-mock";
import { createApiToken } from "@/lib/auth/tokens";
import { errorText } from "@/lib/i18n/describe-error";
import { applyDeals, applyPipelines, applyStages } from "@/lib/canonical";
import type { CanonicalDeal } from "@/lib/canonical/types";
import { addCrmSource } from "@/lib/sync/test-helpers";
import { fastDeps } from "@/lib/write-back/test-setup";
import { GET as getChoices } from "@/app/api/sources/[id]/shop-status/choices/route";
import { PUT as putSettings } from "@/app/api/sources/[id]/shop-status/route";
import { GET as getStatuses } from "@/app/api/sources/[id]/shop-status/store-statuses/route";
import { GET as getHistory } from "@/app/api/sources/[id]/shop-status/history/route";
import { drainShopStatusCallbacks } from "./deliver";

let testDb: TestDb;
let f: OrgFixture;
let mock: Bitrix24Mock;
let portal: typeof sources.$inferSelect;
let shopId: string;
let token: string;
const stageId: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  mock = await startBitrix24Mock({ deals: 1, scopes: ["crm", "user", "department", "sale"] });
  portal = await addCrmSource(testDb.db, f.org.id, "bitrix24", mock.url, { kind: "bitrix24-webhook", webhookUrl: mock.webhookUrl });
  const [shop] = await testDb.db.insert(sources).values({ orgId: f.org.id, kind: "shop", name: "Магазин на Битрикс24", webhookSecret: "shop-secret" }).returning();
  shopId = shop.id;
  token = (await createApiToken(testDb.db, { orgId: f.org.id, userId: f.users.admin.id }, "test")).token;
  await applyPipelines(testDb.db, portal, [{ externalId: "0", name: "Продажи", sort: 1 }]);
  await applyStages(testDb.db, portal, [
    { pipelineExternalId: "0", externalId: "NEW", name: "Новая", sort: 10, semantic: "open" },
    { pipelineExternalId: "0", externalId: "PREPAYMENT_INVOICE", name: "Оплачен", sort: 20, semantic: "open" },
    { pipelineExternalId: "0", externalId: "WON", name: "Доставлен", sort: 30, semantic: "won" },
  ]);
  for (const row of await testDb.db.select().from(stages).where(and(eq(stages.orgId, f.org.id), eq(stages.sourceId, portal.id)))) stageId[row.externalId] = row.id;
  // The store's orders 1 and 2 (accepted, N); Voronka knows them by number, and one more the store does not have.
  mock.store.addOrder({ accountNumber: "1042" });
  mock.store.addOrder({ accountNumber: "1043" });
  const order = (externalId: string, number: string) => ({ orgId: f.org.id, sourceId: shopId, externalId, number, status: "new", total: "4500.00", currency: "KZT", createdAt: new Date() });
  await testDb.db.insert(orders).values([order("S-1042", "1042"), order("S-1043", "1043"), order("S-1099", "1099")]);
});
afterAll(async () => {
  await mock.close();
  await testDb.close();
});

const as = (extra: object = {}) => ({ as: { token }, params: { id: shopId }, ...extra });
const drain = () => drainShopStatusCallbacks(testDb.db, { orgId: f.org.id, budgetMs: 5_000, deps: fastDeps });
const historyOf = async (order: string) => (await callRoute(getHistory, `/api/sources/${shopId}/shop-status/history?order=${order}`, as())).body.deliveries;
const storeOrder = (accountNumber: string) => mock.store.orders.find((row) => row.accountNumber === accountNumber)!;

function deal(externalId: string, stage: string, title: string): CanonicalDeal {
  const at = new Date();
  return { externalId, title, pipelineExternalId: "0", stageExternalId: stage, amount: "4500.00", currency: "KZT", createdAt: new Date(at.getTime() - 3_600_000), updatedAt: at, movedAt: at };
}

describe("shop statuses to a Bitrix24 store", () => {
  it("offers the portal as a store and its order statuses (not the delivery ones); refuses a store that is not a Bitrix24 portal", async () => {
    const choices = (await callRoute(getChoices, `/api/sources/${shopId}/shop-status/choices`, as())).body;
    expect(choices.stores).toEqual([{ id: portal.id, name: "mock bitrix24" }]);
    // The fixture's own portal comes first (its pipeline «General»), then this one's, stages in funnel order.
    expect(choices.pipelines.map((p: { name: string; sourceName: string }) => `${p.sourceName}: ${p.name}`)).toEqual(["Portal: General", "mock bitrix24: Продажи"]);
    expect(choices.pipelines[1].stages).toEqual([{ id: stageId.NEW, name: "Новая" }, { id: stageId.PREPAYMENT_INVOICE, name: "Оплачен" }, { id: stageId.WON, name: "Доставлен" }]);
    const statuses = (await callRoute(getStatuses, `/api/sources/${shopId}/shop-status/store-statuses?store=${portal.id}`, as())).body.statuses;
    expect(statuses.map((s: { id: string }) => s.id)).toEqual(["N", "P", "S", "D", "F"]);

    const put = (body: object) => callRoute(putSettings, `/api/sources/${shopId}/shop-status`, { ...as(), method: "PUT", body });
    const refused = await put({ isEnabled: true, callbackUrl: "", storeSourceId: shopId, mappings: {} });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: "shop_status_store_invalid", field: "storeSourceId" } } });
    const noTarget = await put({ isEnabled: true, callbackUrl: "", storeSourceId: null, mappings: {} });
    expect(noTarget).toMatchObject({ status: 400, body: { error: { code: "validation_error", field: "callbackUrl" } } });
    const saved = await put({ isEnabled: true, callbackUrl: "", storeSourceId: portal.id, linkField: null, mappings: { [stageId.PREPAYMENT_INVOICE]: "P", [stageId.WON]: "F" } });
    expect(saved).toMatchObject({ status: 200, body: { isEnabled: true, callbackUrl: "", storeSourceId: portal.id } });
  });

  it("a deal entering a mapped stage sets the store order's statusId once, through sale.order.list and sale.order.update", async () => {
    const before = { ...mock.state.stats.byMethod };
    const calls = (method: string) => (mock.state.stats.byMethod[method] ?? 0) - (before[method] ?? 0);
    await applyDeals(testDb.db, portal, [deal("501", "NEW", "Заказ №1042")]);
    const paid = deal("501", "PREPAYMENT_INVOICE", "Заказ №1042");
    await applyDeals(testDb.db, portal, [paid]);
    await applyDeals(testDb.db, portal, [paid]); // the same event again
    expect(await drain()).toMatchObject({ sent: 1, failed: 0, dead: 0 });
    expect(storeOrder("1042").statusId).toBe("P");
    expect(mock.store.updates).toEqual([[1, "P"]]);
    expect([calls("sale.order.list"), calls("sale.order.update")]).toEqual([1, 1]);

    // Back to NEW and to the paid stage again: status P of order 1042 went already.
    await applyDeals(testDb.db, portal, [deal("501", "NEW", "Заказ №1042")]);
    await applyDeals(testDb.db, portal, [deal("501", "PREPAYMENT_INVOICE", "Заказ №1042")]);
    expect(await drain()).toMatchObject({ sent: 0, dead: 0 });
    expect(mock.store.updates).toEqual([[1, "P"]]);
    expect(await historyOf("1042")).toMatchObject([{ orderId: "S-1042", status: "P", state: "sent", attempts: 1, lastHttpStatus: 200, deal: { externalId: "501" } }]);
  });

  it("Bitrix24's refusal is a dead delivery with its words at once; an order the store lacks is dead without a write", async () => {
    mock.store.denyUpdates = true;
    await applyDeals(testDb.db, portal, [deal("502", "WON", "Заказ №1043")]);
    expect(await drain()).toMatchObject({ sent: 0, failed: 0, dead: 1 });
    expect(await historyOf("1043")).toMatchObject([{
      status: "F", state: "dead", attempts: 1, lastHttpStatus: 400,
      lastFailure: { code: "shop_status_store_refused", details: "200040300020: Access denied: insufficient rights to update the order" },
    }]);
    expect(storeOrder("1043").statusId).toBe("N");
    mock.store.denyUpdates = false;

    const updates = mock.store.updates.length;
    await applyDeals(testDb.db, portal, [deal("503", "WON", "Заказ №1099")]);
    expect(await drain()).toMatchObject({ dead: 1 });
    expect(await historyOf("1099")).toMatchObject([{ status: "F", state: "dead", lastFailure: { code: "shop_status_store_order_missing", params: { number: "1099" } } }]);
    expect(mock.store.updates).toHaveLength(updates);
  });
});

describe("the store's status names in the viewer's language (sale.statusLang.list)", () => {
  type Named = { id: string; name: string | null };
  const read = async (lang?: string) => (await callRoute(getStatuses, `/api/sources/${shopId}/shop-status/store-statuses?store=${portal.id}${lang ? `&lang=${lang}` : ""}`, as())).body;
  const pairs = (body: { statuses: Named[] }) => body.statuses.map((s) => [s.id, s.name]);
  const nameCalls = () => mock.state.stats.byMethod["sale.statusLang.list"] ?? 0;

  it("names in Russian: the admin's language when the form does not say (the organisation's ru)", async () => {
    for (const body of [await read("ru"), await read()]) {
      expect(pairs(body)).toEqual([
        ["N", "Принят, ожидается оплата"], ["P", "Оплачен, формируется к отправке"], ["S", "Отгружен"], ["D", null], ["F", "Выполнен"],
      ]);
      expect(body.namesFailure).toBeNull();
    }
  });

  it("names in English; a status with only a Russian name shows that one (S)", async () => {
    const body = await read("en");
    expect(pairs(body)).toEqual([["N", "Accepted, awaiting payment"], ["P", "Paid, preparing for shipment"], ["S", "Отгружен"], ["D", null], ["F", "Completed"]]);
    expect(body.statuses[0]).toEqual({ id: "N", sort: 10, name: "Accepted, awaiting payment" });
  });

  it("a status named in neither language has no name (the form shows its id); the other language is read only when needed", async () => {
    let before = nameCalls();
    expect((await read("ru")).statuses.find((s: Named) => s.id === "D")).toEqual({ id: "D", sort: 40, name: null });
    expect(nameCalls() - before).toBe(2); // ru left D unnamed, so en was read too
    mock.store.statusLangs.push({ statusId: "D", lid: "ru", name: "Отменён", description: "" });
    before = nameCalls();
    expect((await read("ru")).statuses.find((s: Named) => s.id === "D")).toEqual({ id: "D", sort: 40, name: "Отменён" });
    expect(nameCalls() - before).toBe(1); // every status named in ru: one call
    mock.store.statusLangs.pop();
  });

  it("names refused (no right to read them): the ids still come, with Bitrix24's reason", async () => {
    mock.store.denyStatusNames = true;
    try {
      const response = await callRoute(getStatuses, `/api/sources/${shopId}/shop-status/store-statuses?store=${portal.id}&lang=en`, as());
      expect(response.status).toBe(200);
      expect(pairs(response.body)).toEqual([["N", null], ["P", null], ["S", null], ["D", null], ["F", null]]);
      const failure = response.body.namesFailure;
      expect(failure).toEqual({ code: "shop_status_store_names_failed", details: "200040300010: Insufficient rights to read status localizations" });
      expect(errorText("en", failure)).toBe("Bitrix24 did not give the statuses' names; showing their ids.");
      expect(errorText("ru", failure)).toBe("Битрикс24 не отдал названия статусов — показаны их коды.");
    } finally {
      mock.store.denyStatusNames = false;
    }
  });

  it("refuses a bad language", async () => {
    const response = await callRoute(getStatuses, `/api/sources/${shopId}/shop-status/store-statuses?store=${portal.id}&lang=de`, as());
    expect(response).toMatchObject({ status: 400, body: { error: { code: "validation_error", field: "lang" } } });
  });
});
