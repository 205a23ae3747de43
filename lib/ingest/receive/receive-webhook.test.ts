import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookEvents } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { amoBody, amoContact, amoLead, bitrixEvent, encodeBracketForm, shopBody, shopSignature } from "../test/bodies";
import { createWebhookSources, type TestSources } from "../test/sources";
import { MAX_WEBHOOK_BYTES } from "@/lib/api/read-body";
import { deliveryFromRequest } from "./delivery";
import { receiveWebhook, type WebhookTarget } from "./receive-webhook";
const NUL_REASON = "The body contains a NUL character (U+0000), which cannot be stored";

let testDb: TestDb;
let s: TestSources;
const FORM = "application/x-www-form-urlencoded";

beforeAll(async () => {
  testDb = await createTestDb();
  const fixture = await createOrgFixture(testDb.db);
  s = await createWebhookSources(testDb.db, fixture.org.id);
});
afterAll(() => testDb.close());

async function post(target: WebhookTarget, body: BodyInit, headers: Record<string, string> = {}) {
  const request = new Request("http://localhost/api/webhooks/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  const result = await receiveWebhook(testDb.db, target, deliveryFromRequest(request));
  // Through JSON, as the sender reads it.
  return { status: result.status, body: JSON.parse(JSON.stringify(result.payload)), id: result.storedId };
}
async function stored(id: number | null) {
  const [row] = await testDb.db.select().from(webhookEvents).where(eq(webhookEvents.id, id ?? -1));
  return row;
}
async function lastId(sourceId: string) {
  const [row] = await testDb.db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.sourceId, sourceId)).orderBy(desc(webhookEvents.id)).limit(1);
  return row?.id ?? 0;
}
const bitrix = () => ({ kind: "bitrix24" as const, sourceId: s.bitrix.id });
const amo = (secret = s.amo.webhookSecret) => ({ kind: "amocrm" as const, sourceId: s.amo.id, urlSecret: secret });
const shop = () => ({ kind: "shop" as const, sourceId: s.shop.id });

describe("Bitrix24 events", () => {
  const EVENTS = ["DEAL", "LEAD", "CONTACT", "COMPANY", "ACTIVITY"].flatMap((entity) => ["ADD", "UPDATE", "DELETE"].map((action) => `ONCRM${entity}${action}`));

  it.each(EVENTS)("stores %s as pending with the portal's tokens masked, then answers 200", async (event) => {
    const res = await post(bitrix(), bitrixEvent(event, 7405, { token: s.bitrixToken }), { "content-type": FORM, "user-agent": "Bitrix24 Webhook Engine" });
    expect(res.status).toBe(200);
    const row = await stored(res.id);
    expect(row).toMatchObject({ status: "pending", eventType: event, orgId: s.bitrix.orgId, contentType: FORM, headers: { "content-type": FORM, "user-agent": "Bitrix24 Webhook Engine" } });
    expect(row.body).toContain("data%5BFIELDS%5D%5BID%5D=7405");
    expect(row.body).not.toContain(s.bitrixToken);
    expect(row.body).toContain("auth%5Bapplication_token%5D=***");
  });

  it("masks the portal's tokens however their keys are spelled: escaped brackets, an escaped underscore, lower-case hex", async () => {
    const spellings = ["auth%5Bapplication%5Ftoken%5D", "auth%5bapplication_token%5d", "auth[application_token]", "auth%5B%61pplication%5f%74oken%5D"];
    for (const key of spellings) {
      const body = `event=ONCRMDEALUPDATE&data%5BFIELDS%5D%5BID%5D=5&auth%5Bmember_id%5D=d897063e1ce7c5eb9f04b9751eef5915&auth%5Baccess%5Ftoken%5D=live-access-token-1&auth%5brefresh_token%5d=live-refresh-token-2&${key}=${s.bitrixToken}`;
      const res = await post(bitrix(), body, { "content-type": FORM });
      expect(res.status, key).toBe(200);
      const row = await stored(res.id);
      expect(row.status).toBe("pending");
      for (const secret of [s.bitrixToken, "live-access-token-1", "live-refresh-token-2"]) expect(row.body, key).not.toContain(secret);
      // Everything else is kept byte for byte, the key as it was spelled.
      expect(row.body).toBe(`event=ONCRMDEALUPDATE&data%5BFIELDS%5D%5BID%5D=5&auth%5Bmember_id%5D=d897063e1ce7c5eb9f04b9751eef5915&auth%5Baccess%5Ftoken%5D=***&auth%5brefresh_token%5d=***&${key}=***`);
    }
  });

  it("refuses a wrong, missing or foreign-portal token with 401 and stores nothing", async () => {
    const before = await lastId(s.bitrix.id);
    const wrong = await post(bitrix(), bitrixEvent("ONCRMDEALADD", 1, { token: "x".repeat(32) }), { "content-type": FORM });
    const missing = await post(bitrix(), "event=ONCRMDEALADD&data%5BFIELDS%5D%5BID%5D=1", { "content-type": FORM });
    const foreign = await post(bitrix(), bitrixEvent("ONCRMDEALADD", 1, { token: s.bitrixToken, memberId: "another-portal" }), { "content-type": FORM });
    for (const res of [wrong, missing, foreign]) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthorized");
      expect(JSON.stringify(res.body)).not.toContain(s.bitrixToken);
    }
    expect(await lastId(s.bitrix.id)).toBe(before);
  });

  it("stores an unknown event as ignored (200), a body without ID or with a wrong content type as rejected (400, 415)", async () => {
    const ignored = await post(bitrix(), bitrixEvent("ONCRMDEALUSERFIELDADD", 5, { token: s.bitrixToken }), { "content-type": FORM });
    expect(ignored.status).toBe(200);
    expect(await stored(ignored.id)).toMatchObject({ status: "ignored", lastError: "Event ONCRMDEALUSERFIELDADD is not used by Voronka" });

    const noId = encodeBracketForm({ event: "ONCRMDEALUPDATE", auth: { member_id: "d897063e1ce7c5eb9f04b9751eef5915", application_token: s.bitrixToken } });
    const malformed = await post(bitrix(), noId, { "content-type": FORM });
    expect(malformed.status).toBe(400);
    expect(await stored(malformed.id)).toMatchObject({ status: "rejected", lastError: "data[FIELDS][ID] is missing or not a number" });

    const json = await post(bitrix(), bitrixEvent("ONCRMDEALUPDATE", 5, { token: s.bitrixToken }), { "content-type": "application/json" });
    expect(json.status).toBe(415);
    expect((await stored(json.id)).status).toBe("rejected");
  });
});

describe("amoCRM webhooks", () => {
  const now = 1_689_281_821;
  const lead = amoLead({ id: "30307415", statusId: "142", oldStatusId: "41893093", pipelineId: "4542166", price: "150000", createdAt: now - 3600, updatedAt: now, utm: { source: "yandex", medium: "cpc" } });
  const contact = amoContact({ id: "43684612", name: "Айгерим", phone: "+7 701 123 45 67", createdAt: now, updatedAt: now });
  const cases: [string, Record<string, Record<string, Record<string, never>[]>>][] = [
    ...["add", "update", "status", "responsible", "restore"].map((action) => [`leads[${action}]`, { leads: { [action]: [lead] } }] as never),
    ["leads[delete]", { leads: { delete: [{ id: "30307415" }] } }] as never,
    ...["add", "update", "delete"].map((action) => [`contacts[${action}]`, { contacts: { [action]: [contact] } }] as never),
    ...["add", "update", "delete"].map((action) => [`companies[${action}]`, { companies: { [action]: [{ id: "901", name: "ТОО Ромашка" }] } }] as never),
  ];

  it.each(cases)("stores %s as pending and answers 200", async (eventType, events) => {
    const res = await post(amo(), amoBody(s.amoAccount, events), { "content-type": FORM });
    expect(res.status).toBe(200);
    expect(await stored(res.id)).toMatchObject({ status: "pending", eventType });
  });

  it("refuses a wrong secret or another account with 401 and stores nothing", async () => {
    const before = await lastId(s.amo.id);
    const body = amoBody(s.amoAccount, { leads: { add: [lead] } });
    expect((await post(amo("wrong-secret"), body, { "content-type": FORM })).status).toBe(401);
    expect((await post(amo(s.amo.webhookSecret.slice(0, -1)), body, { "content-type": FORM })).status).toBe(401);
    const foreign = amoBody({ id: "111", subdomain: "other" }, { leads: { add: [lead] } });
    expect((await post(amo(), foreign, { "content-type": FORM })).status).toBe(401);
    expect(await lastId(s.amo.id)).toBe(before);
  });

  it("answers 200 to what it cannot use (amoCRM disables hooks after non-2xx), storing it as ignored or rejected", async () => {
    const note = await post(amo(), amoBody(s.amoAccount, { leads: { note: [{ id: "1" }] } }), { "content-type": FORM });
    expect(note.status).toBe(200);
    expect(await stored(note.id)).toMatchObject({ status: "ignored", eventType: "leads[note]" });

    const deep = `account%5Bid%5D=29638927&${"a" + "[x]".repeat(20)}=1`;
    const malformed = await post(amo(), deep, { "content-type": FORM });
    expect(malformed.status).toBe(200);
    expect((await stored(malformed.id)).status).toBe("rejected");

    const noAccount = await post(amo(), encodeBracketForm({ leads: { add: [lead] } }), { "content-type": FORM });
    expect(await stored(noAccount.id)).toMatchObject({ status: "rejected", lastError: "No account block (account[id], account[subdomain]) in the body" });
  });
});

describe("shop orders", () => {
  const order = { id: "A-1", createdAt: "2026-11-01T10:00:00+05:00", total: "12500.50", customer: { name: "Асель", phone: "8 (701) 123-45-67" } };
  const signed = (body: string) => ({ "content-type": "application/json", "x-voronka-signature": shopSignature(s.shop.webhookSecret, body) });

  it.each(["order.created", "order.updated", "order.deleted"])("stores a signed %s as pending", async (event) => {
    const body = shopBody(event, order);
    const res = await post(shop(), body, signed(body));
    expect(res).toMatchObject({ status: 200, body: { id: res.id, status: "pending" } });
    expect((await stored(res.id)).body).toBe(body);
  });

  it("refuses a missing or wrong signature with 401 and stores nothing", async () => {
    const before = await lastId(s.shop.id);
    const body = shopBody("order.created", order);
    expect((await post(shop(), body, { "content-type": "application/json" })).status).toBe(401);
    expect((await post(shop(), body, { "content-type": "application/json", "x-voronka-signature": shopSignature("other-key", body) })).status).toBe(401);
    // Signed, then changed in transit.
    expect((await post(shop(), body.replace("12500.50", "1.00"), signed(body))).status).toBe(401);
    expect(await lastId(s.shop.id)).toBe(before);
  });

  it("stores not-JSON, an invalid order and the wrong content type as rejected (400, 400, 415), an unknown event as ignored (200)", async () => {
    const notJson = "{event: order.created";
    const a = await post(shop(), notJson, signed(notJson));
    expect(a).toMatchObject({ status: 400, body: { error: { code: "validation_error", message: "The body is not valid JSON" } } });
    expect((await stored(a.id)).status).toBe("rejected");

    const noTotal = JSON.stringify({ event: "order.created", order: { ...order, status: "new", currency: "KZT", total: "twelve" } });
    const b = await post(shop(), noTotal, signed(noTotal));
    expect(b.status).toBe(400);
    expect(await stored(b.id)).toMatchObject({ status: "rejected", lastError: "Not a valid shop webhook: order.total: must be a decimal amount such as 12500.50", lastFailure: { code: "webhook_order_invalid", details: "order.total: must be a decimal amount such as 12500.50" } });

    const body = shopBody("order.created", order);
    const c = await post(shop(), body, { ...signed(body), "content-type": "text/plain" });
    expect(c.status).toBe(415);

    const unknown = shopBody("order.paid", order);
    const d = await post(shop(), unknown, signed(unknown));
    expect(d.status).toBe(200);
    expect(await stored(d.id)).toMatchObject({ status: "ignored", eventType: "order.paid" });
  });
});

describe("a delivery with a NUL character, which PostgreSQL cannot store", () => {
  const signed = (body: string) => ({ "content-type": "application/json", "x-voronka-signature": shopSignature(s.shop.webhookSecret, body) });

  it("shop: a signed order with \\u0000 in a name is stored as rejected with a 400, never as pending", async () => {
    const body = shopBody("order.created", { id: "NUL-1", createdAt: "2026-11-01T10:00:00+05:00", total: "12500.50", customer: { name: "Асель\u0000" } });
    expect(body).toContain("\\u0000");
    const res = await post(shop(), body, signed(body));
    expect(res).toMatchObject({ status: 400, body: { error: { code: "validation_error", message: NUL_REASON } } });
    expect(await stored(res.id)).toMatchObject({ status: "rejected", lastError: NUL_REASON, lastFailure: { code: "webhook_nul" }, body });
  });

  it("shop: a raw zero byte is stored as rejected (shown as U+FFFD) with a 400, not refused with a 503", async () => {
    const body = `{"event":"order.created","order":{"id":"NUL-2\u0000"}}`;
    const res = await post(shop(), body, signed(body));
    expect(res.status).toBe(400);
    expect(await stored(res.id)).toMatchObject({ status: "rejected", lastError: "The body is not valid JSON", body: body.replace("\u0000", "\uFFFD") });
  });

  it("Bitrix24: %00 in a field is stored as rejected with a 400", async () => {
    const body = bitrixEvent("ONCRMDEALUPDATE", 5, { token: s.bitrixToken }, { TITLE: "a\u0000b" });
    expect(body).toContain("%00");
    const res = await post(bitrix(), body, { "content-type": FORM });
    expect(res.status).toBe(400);
    expect(await stored(res.id)).toMatchObject({ status: "rejected", lastError: NUL_REASON, eventType: "ONCRMDEALUPDATE" });
  });

  it("amoCRM: %00 in a lead's name is stored as rejected, answered 200 like every amoCRM delivery that could be stored", async () => {
    const lead = amoLead({ id: "30307499", name: "Заявка\u0000", statusId: "142", pipelineId: "4542166", createdAt: 1_689_281_821, updatedAt: 1_689_281_821 });
    const res = await post(amo(), amoBody(s.amoAccount, { leads: { add: [lead] } }), { "content-type": FORM });
    expect(res.status).toBe(200);
    expect(await stored(res.id)).toMatchObject({ status: "rejected", lastError: NUL_REASON, eventType: "leads[add]" });
  });
});

describe("any source", () => {
  it("answers 404 for an unknown source, a malformed id and a source of another kind", async () => {
    const body = shopBody("order.created", { id: "1", createdAt: "2026-11-01T10:00:00Z", total: 1 });
    expect((await post({ kind: "shop", sourceId: "00000000-0000-4000-8000-000000000000" }, body)).status).toBe(404);
    expect((await post({ kind: "shop", sourceId: "not-a-uuid" }, body)).status).toBe(404);
    expect((await post({ kind: "shop", sourceId: s.amo.id }, body)).status).toBe(404);
  });

  it("answers 413 to a body over 1 MiB, stops reading at the limit, and stores nothing", async () => {
    const before = await lastId(s.shop.id);
    const declared = await post(shop(), "x".repeat(MAX_WEBHOOK_BYTES + 1), { "content-type": "application/json" });
    expect(declared.status).toBe(413);
    // A chunked body with no Content-Length: 64 KiB chunks, endless unless we stop pulling.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const chunked = await post(shop(), endless, { "content-type": "application/json" });
    expect(chunked.status).toBe(413);
    // 1 MiB is 16 chunks of 64 KiB: the 17th crosses the limit; a little read-ahead is allowed.
    expect(pulled).toBeLessThan(20);
    expect(await lastId(s.shop.id)).toBe(before);
  });
});
