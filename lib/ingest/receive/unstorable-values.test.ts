// A NUL character cannot be stored in PostgreSQL text or jsonb. Receivers reject a delivery that
// carries one (stored as rejected, with the reason), and the processor gives up at once on a row
// stored before they did, instead of retrying it until it is dead.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders, webhookEvents } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { drainInbox } from "../process/drain";
import { amoBody, amoLead, bitrixEvent, shopBody, shopSignature } from "../test/bodies";
import { createWebhookSources, type TestSources } from "../test/sources";
import { deliveryFromRequest } from "./delivery";
import { storeInboxEvent } from "./inbox";
import { receiveWebhook, type WebhookTarget } from "./receive-webhook";
import { NUL_REASON } from "./verdict";

let testDb: TestDb;
let s: TestSources;
const FORM = "application/x-www-form-urlencoded";

beforeAll(async () => {
  testDb = await createTestDb();
  const fixture = await createOrgFixture(testDb.db);
  s = await createWebhookSources(testDb.db, fixture.org.id);
});
afterAll(() => testDb.close());

async function post(target: WebhookTarget, body: string, headers: Record<string, string>) {
  const request = new Request("http://localhost/api/webhooks/x", { method: "POST", body, headers });
  const result = await receiveWebhook(testDb.db, target, deliveryFromRequest(request));
  const [row] = await testDb.db.select().from(webhookEvents).where(eq(webhookEvents.id, result.storedId ?? -1));
  return { status: result.status, payload: result.payload, row };
}

const order = { id: "NUL-1", createdAt: "2026-11-01T10:00:00+05:00", total: "12500.50", customer: { name: "Асель\u0000", phone: "8 (701) 123-45-67" } };
const signed = (body: string) => ({ "content-type": "application/json", "x-voronka-signature": shopSignature(s.shop.webhookSecret, body) });

describe("a delivery with a NUL character", () => {
  it("shop: a signed order with \\u0000 in a name is stored as rejected with a 400, never as pending", async () => {
    const body = shopBody("order.created", order);
    expect(body).toContain("\\u0000");
    const res = await post({ kind: "shop", sourceId: s.shop.id }, body, signed(body));
    expect(res.status).toBe(400);
    expect(res.payload).toMatchObject({ error: { code: "validation_error", message: NUL_REASON } });
    expect(res.row).toMatchObject({ status: "rejected", lastError: NUL_REASON, body });
  });

  it("shop: a raw NUL byte in the body is stored as rejected (shown as U+FFFD), not refused with a 503", async () => {
    const body = `{"event":"order.created","order":{"id":"NUL-2\u0000"}}`;
    const res = await post({ kind: "shop", sourceId: s.shop.id }, body, signed(body));
    expect(res.status).toBe(400);
    expect(res.row).toMatchObject({ status: "rejected", lastError: "The body is not valid JSON", body: body.replace("\u0000", "\uFFFD") });
  });

  it("Bitrix24: %00 in a field is stored as rejected with a 400", async () => {
    const body = bitrixEvent("ONCRMDEALUPDATE", 5, { token: s.bitrixToken }, { TITLE: "a\u0000b" });
    expect(body).toContain("%00");
    const res = await post({ kind: "bitrix24", sourceId: s.bitrix.id }, body, { "content-type": FORM });
    expect(res.status).toBe(400);
    expect(res.row).toMatchObject({ status: "rejected", lastError: NUL_REASON, eventType: "ONCRMDEALUPDATE" });
  });

  it("amoCRM: %00 in a lead's name is stored as rejected, answered 200 as every stored amoCRM delivery is", async () => {
    const now = 1_689_281_821;
    const lead = amoLead({ id: "30307499", name: "Заявка\u0000", statusId: "142", pipelineId: "4542166", createdAt: now, updatedAt: now });
    const res = await post({ kind: "amocrm", sourceId: s.amo.id, urlSecret: s.amo.webhookSecret }, amoBody(s.amoAccount, { leads: { add: [lead] } }), { "content-type": FORM });
    expect(res.status).toBe(200);
    expect(res.row).toMatchObject({ status: "rejected", lastError: NUL_REASON, eventType: "leads[add]" });
  });
});

describe("a NUL row stored before receivers refused it", () => {
  it("is rejected on its first attempt with the database's reason, and the processor moves on to the next order", async () => {
    const bad = await storeInboxEvent(testDb.db, { orgId: s.shop.orgId, sourceId: s.shop.id, eventType: "order.created", contentType: "application/json", headers: {}, body: shopBody("order.created", { ...order, id: "NUL-3" }), status: "pending" });
    const good = await storeInboxEvent(testDb.db, { orgId: s.shop.orgId, sourceId: s.shop.id, eventType: "order.created", contentType: "application/json", headers: {}, body: shopBody("order.created", { ...order, id: "OK-3", customer: { name: "Асель" } }), status: "pending" });
    const result = await drainInbox(testDb.db, { orgId: s.shop.orgId });
    expect(result).toMatchObject({ done: 1, failed: 0, dead: 0 });
    const [badRow] = await testDb.db.select().from(webhookEvents).where(eq(webhookEvents.id, bad));
    expect(badRow).toMatchObject({ status: "rejected", attempts: 1 });
    expect(badRow.lastError).toMatch(/0x00|\\u0000|null character/i);
    const [goodRow] = await testDb.db.select().from(webhookEvents).where(eq(webhookEvents.id, good));
    expect(goodRow.status).toBe("done");
    expect(await testDb.db.select({ id: orders.externalId }).from(orders).where(eq(orders.sourceId, s.shop.id))).toEqual([{ id: "OK-3" }]);
  });
});
