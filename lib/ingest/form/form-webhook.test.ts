// Site form posts, end to end through the receiver and the processor: Tilda's exact payloads
// (reference: /docs/forms.md, Tilda's help "Webhook" page), its connection check, JSON, a generic
// form, duplicates, and the bad input that must be refused with a 4xx and never a 5xx.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formLeads, leads, sources, webhookEvents } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { drainInbox } from "../process/drain";
import { deliveryFromRequest } from "../receive/delivery";
const NO_CONTACT_REASON = "The form has no contact field: send a phone (Phone, phone, tel…) or an e-mail (Email, email…)";
import { receiveWebhook } from "../receive/receive-webhook";

const FORM = "application/x-www-form-urlencoded";
let testDb: TestDb;
let orgId: string;
let source: typeof sources.$inferSelect;
let other: typeof sources.$inferSelect;

beforeAll(async () => {
  testDb = await createTestDb();
  orgId = (await createOrgFixture(testDb.db)).org.id;
  [source] = await testDb.db.insert(sources).values({ orgId, kind: "form", name: "Landing", webhookSecret: "form-secret-0123456789abcdef" }).returning();
  [other] = await testDb.db.insert(sources).values({ orgId, kind: "form", name: "Other landing", webhookSecret: "other-secret-0123456789abcdef" }).returning();
});
afterAll(() => testDb.close());

async function post(body: string, contentType: string | null = FORM, options: { secret?: string; sourceId?: string } = {}) {
  const headers: Record<string, string> = contentType ? { "content-type": contentType } : {};
  const request = new Request("http://localhost/api/webhooks/form", { method: "POST", body, headers });
  const result = await receiveWebhook(testDb.db, { kind: "form", sourceId: options.sourceId ?? source.id, urlSecret: options.secret ?? source.webhookSecret }, deliveryFromRequest(request));
  return { status: result.status, payload: result.payload as Record<string, unknown> | string, id: result.storedId };
}
const inboxCount = async (sourceId = source.id) => (await testDb.db.select().from(webhookEvents).where(eq(webhookEvents.sourceId, sourceId))).length;
const formLeadOf = async (externalId: string) => {
  const [row] = await testDb.db
    .select({ lead: leads, form: formLeads })
    .from(leads)
    .innerJoin(formLeads, eq(formLeads.leadId, leads.id))
    .where(and(eq(leads.sourceId, source.id), eq(leads.externalId, externalId)));
  return row;
};

/** Tilda's body for a form with Name, Phone, Email and hidden utm_ fields, as its form server sends it. */
function tildaBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
const ANNA = {
  Name: "Анна Петрова",
  Phone: "+7 (912) 345-67-89",
  Email: "Anna@Example.com",
  utm_source: "yandex",
  utm_medium: "cpc",
  utm_campaign: "spring",
  utm_content: "banner-2",
  utm_term: "курс английского",
  tranid: "467251:8442970",
  formid: "form42581206",
};

describe("Tilda's connection check", () => {
  it("answers test=test with 200 ok as plain text and stores nothing", async () => {
    const before = await inboxCount();
    const res = await post("test=test");
    expect(res).toEqual({ status: 200, payload: "ok", id: null });
    expect(await inboxCount()).toBe(before);
  });

  it("is still guarded by the secret: a wrong one is 401, so Tilda's check fails on a mistyped address", async () => {
    expect((await post("test=test", FORM, { secret: "wrong" })).status).toBe(401);
  });
});

describe("Tilda's submissions", () => {
  it("stores a submission as pending, answers 200, and the processor writes one form lead from it", async () => {
    const res = await post(tildaBody(ANNA));
    expect(res.status).toBe(200);
    expect(res.payload).toMatchObject({ status: "pending" });
    const [event] = await testDb.db.select().from(webhookEvents).where(eq(webhookEvents.id, res.id!));
    expect(event).toMatchObject({ status: "pending", eventType: "form42581206", contentType: FORM });
    expect(await drainInbox(testDb.db, { orgId })).toMatchObject({ done: 1, rejected: 0, failed: 0 });
    const row = await formLeadOf("tranid:467251:8442970");
    expect(row.lead).toMatchObject({ title: "Анна Петрова", channel: "form42581206", utmSource: "yandex", utmMedium: "cpc", utmCampaign: "spring", utmContent: "banner-2", utmTerm: "курс английского", crmUserId: null });
    expect(row.form).toMatchObject({ formId: "form42581206", formName: "form42581206", name: "Анна Петрова", phoneRaw: "+7 (912) 345-67-89", phone: "+79123456789", emailRaw: "Anna@Example.com", email: "anna@example.com", matchedLeadId: null, matchedDealId: null });
    expect(row.lead.createdAt.getTime()).toBe(event.receivedAt.getTime());
  });

  it("stores a submission Tilda retries (same tranid, three attempts) once; the repeats are marked ignored", async () => {
    const body = tildaBody({ ...ANNA, tranid: "467251:9000001", Phone: "8 912 000-11-22" });
    const ids = [(await post(body)).id, (await post(body)).id, (await post(body)).id];
    expect(await drainInbox(testDb.db, { orgId })).toMatchObject({ done: 1, ignored: 2 });
    const statuses = await Promise.all(ids.map(async (id) => (await testDb.db.select().from(webhookEvents).where(eq(webhookEvents.id, id!)))[0].status));
    expect(statuses).toEqual(["done", "ignored", "ignored"]);
    const stored = await testDb.db.select().from(leads).where(and(eq(leads.sourceId, source.id), eq(leads.externalId, "tranid:467251:9000001")));
    expect(stored).toHaveLength(1);
    // A retry processed in a later batch is a repeat too.
    await post(body);
    expect(await drainInbox(testDb.db, { orgId })).toMatchObject({ done: 0, ignored: 1 });
  });

  it("reads the cart form with formname, COOKIES with TILDAUTM, and payment[...] fields (left out of the lead)", async () => {
    const body = tildaBody({
      Name: "Пётр",
      Phone: "+7 912 111 22 33",
      Email: "petr@example.com",
      tranid: "467251:8442999",
      formid: "form42581207",
      formname: "Cart",
      COOKIES: "_ym_uid=1712345678901234567; TILDAUTM=utm_source%3Dvk%7C%7C%7Cutm_medium%3Dtarget%7C%7C%7C",
      "payment[orderid]": "1557604691",
      "payment[amount]": "2490",
      "payment[sys]": "none",
      "payment[products][0][name]": "Курс «Старт»",
      "payment[products][0][quantity]": "1",
      "payment[products][0][amount]": "2490",
    });
    expect((await post(body)).status).toBe(200);
    await drainInbox(testDb.db, { orgId });
    const row = await formLeadOf("tranid:467251:8442999");
    expect(row.lead).toMatchObject({ channel: "Cart", utmSource: "vk", utmMedium: "target", utmCampaign: null });
    expect(row.form).toMatchObject({ formId: "form42581207", formName: "Cart", phone: "+79121112233" });
  });

  it("keeps a phone libphonenumber cannot read as written, and its digits for matching", async () => {
    await post(tildaBody({ Name: "Нечитаемый", Phone: "12-34-5", tranid: "467251:1" }));
    await drainInbox(testDb.db, { orgId });
    expect((await formLeadOf("tranid:467251:1")).form).toMatchObject({ phoneRaw: "12-34-5", phone: "12345", email: null });
  });
});

describe("JSON and a generic form", () => {
  it("accepts a JSON object of fields, names matched case-insensitively", async () => {
    const body = JSON.stringify({ NAME: "Ольга", PHONE: "+7 701 555 44 33", "E-mail": "olga@mail.kz", form: "consultation", utm_source: "instagram", tranid: "json-1" });
    const res = await post(body, "application/json; charset=utf-8");
    expect(res.status).toBe(200);
    await drainInbox(testDb.db, { orgId });
    expect((await formLeadOf("tranid:json-1")).form).toMatchObject({ name: "Ольга", phone: "+77015554433", email: "olga@mail.kz", formId: "consultation", formName: "consultation" });
  });

  it("accepts a plain urlencoded form with Russian field names and, without tranid, stores the same content within a day once", async () => {
    const body = tildaBody({ "Имя": "Иван", "Телефон": "8 (777) 123-45-67", form: "callback", utm_source: "google" });
    await post(body);
    await post(body);
    expect(await drainInbox(testDb.db, { orgId })).toMatchObject({ done: 1, ignored: 1 });
    const rows = await testDb.db.select().from(formLeads).where(and(eq(formLeads.sourceId, source.id), eq(formLeads.formId, "callback")));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: "Иван", phone: "+77771234567" });
  });
});

describe("bad input", () => {
  it("stores a post without a phone or an e-mail as rejected with the reason and answers 400", async () => {
    const res = await post(tildaBody({ Name: "Без контакта", Comment: "перезвоните", tranid: "467251:2", formid: "form1" }));
    expect(res.status).toBe(400);
    expect(res.payload).toMatchObject({ error: { code: "validation_error", message: NO_CONTACT_REASON } });
    const [event] = await testDb.db.select().from(webhookEvents).where(eq(webhookEvents.id, res.id!));
    expect(event).toMatchObject({ status: "rejected", lastError: NO_CONTACT_REASON, lastFailure: { code: "webhook_form_no_contact" } });
    expect(await drainInbox(testDb.db, { orgId })).toMatchObject({ done: 0, rejected: 0 });
    expect(await formLeadOf("tranid:467251:2")).toBeUndefined();
  });

  it("stores an empty phone and e-mail as no contact at all (400)", async () => {
    expect((await post(tildaBody({ Name: "Пусто", Phone: "  ", Email: "" }))).status).toBe(400);
  });

  it("answers broken JSON and a JSON array with 400, an unknown content type with 415 — stored as rejected", async () => {
    for (const [body, type, status] of [["{not json", "application/json", 400], ["[1,2]", "application/json", 400], ["<xml/>", "text/xml", 415], ["Phone=1", null, 415]] as const) {
      const res = await post(body, type);
      expect(res.status, body).toBe(status);
      const [event] = await testDb.db.select().from(webhookEvents).where(eq(webhookEvents.id, res.id!));
      expect(event.status).toBe("rejected");
    }
  });

  it("refuses a NUL character with 400 (stored as rejected)", async () => {
    expect((await post("Name=a%00b&Phone=%2B79123456789")).status).toBe(400);
    expect((await post(JSON.stringify({ Name: "a\u0000b", Phone: "+79123456789" }), "application/json")).status).toBe(400);
  });

  it("answers a wrong secret with 401 and an unknown or other-kind source with 404, storing nothing", async () => {
    const before = await inboxCount();
    const body = tildaBody(ANNA);
    const wrong = await post(body, FORM, { secret: "not-the-secret" });
    const swapped = await post(body, FORM, { secret: other.webhookSecret });
    const unknown = await post(body, FORM, { sourceId: "00000000-0000-4000-8000-000000000000" });
    const notUuid = await post(body, FORM, { sourceId: "nope" });
    expect([wrong.status, swapped.status, unknown.status, notUuid.status]).toEqual([401, 401, 404, 404]);
    expect(wrong.payload).toMatchObject({ error: { code: "unauthorized" } });
    expect(JSON.stringify(wrong.payload)).not.toContain(source.webhookSecret);
    const crm = await testDb.db.insert(sources).values({ orgId, kind: "amocrm", name: "amo", webhookSecret: "amo-secret-0123456789abcdef" }).returning();
    expect((await post(body, FORM, { sourceId: crm[0].id, secret: "amo-secret-0123456789abcdef" })).status).toBe(404);
    expect(await inboxCount()).toBe(before);
    expect(await inboxCount(other.id)).toBe(0);
  });
});
