// Bitrix24 and amoCRM events through the inbox and the processor into the canonical tables.
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities, companies, contacts, conversationTexts, crmUsers, deals, leads, stageChanges, stages, webhookEvents } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import type { BitrixFetcher } from "../bitrix24/fetcher";
import { storeInboxEvent } from "../receive/inbox";
import { amoBody, amoContact, amoLead, bitrixEvent } from "../test/bodies";
import { createWebhookSources, type TestSources } from "../test/sources";
import { MAX_ATTEMPTS } from "./backoff";
import { drainInbox } from "./drain";

let testDb: TestDb;
let s: TestSources;
/** What the fake portal answers to crm.<entity>.get, by "entity:id". */
const portal = new Map<string, Record<string, unknown>>();
let portalDown = false;
const fetcher: BitrixFetcher = {
  async getById(entity, id) {
    if (portalDown) throw new Error("connect ECONNREFUSED https://some-domain.bitrix24.ru/rest/1/secret-code/crm.deal.get");
    return portal.get(`${entity}:${id}`) ?? null;
  },
};
const drain = () => drainInbox(testDb.db, { orgId: s.bitrix.orgId, deps: { bitrixFetcherFor: () => fetcher } });

beforeAll(async () => {
  testDb = await createTestDb();
  const fixture = await createOrgFixture(testDb.db);
  s = await createWebhookSources(testDb.db, fixture.org.id);
  // The CRMs' managers, as the sync would have stored them.
  await testDb.db.insert(crmUsers).values([
    { orgId: fixture.org.id, sourceId: s.bitrix.id, externalId: "1", name: "Admin Bitrix" },
    { orgId: fixture.org.id, sourceId: s.amo.id, externalId: "8421298", name: "Менеджер amo" },
  ]);
});
afterAll(() => testDb.close());

async function deliverBitrix(event: string, id: string) {
  return storeInboxEvent(testDb.db, { orgId: s.bitrix.orgId, sourceId: s.bitrix.id, eventType: event, contentType: "application/x-www-form-urlencoded", headers: {}, body: bitrixEvent(event, id, { token: "***" }), status: "pending" });
}
async function deliverAmo(body: string) {
  return storeInboxEvent(testDb.db, { orgId: s.amo.orgId, sourceId: s.amo.id, eventType: "amo", contentType: "application/x-www-form-urlencoded", headers: {}, body, status: "pending" });
}
async function dealOf(sourceId: string, externalId: string) {
  const [row] = await testDb.db
    .select({ deal: deals, stage: stages.externalId })
    .from(deals)
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .where(and(eq(deals.sourceId, sourceId), eq(deals.externalId, externalId)));
  return row;
}
async function movesOf(sourceId: string, externalId: string) {
  const from = alias(stages, "from_stage");
  return testDb.db
    .select({ from: from.externalId, to: stages.externalId, at: stageChanges.changedAt, who: crmUsers.externalId })
    .from(stageChanges)
    .innerJoin(deals, eq(deals.id, stageChanges.dealId))
    .innerJoin(stages, eq(stages.id, stageChanges.toStageId))
    .leftJoin(from, eq(from.id, stageChanges.fromStageId))
    .leftJoin(crmUsers, eq(crmUsers.id, stageChanges.crmUserId))
    .where(and(eq(deals.sourceId, sourceId), eq(deals.externalId, externalId)))
    .orderBy(asc(stageChanges.changedAt));
}
const eventRow = async (id: number) => (await testDb.db.select().from(webhookEvents).where(eq(webhookEvents.id, id)))[0];

function b24Deal(id: string, stage: string, modified: string, extra: Record<string, unknown> = {}) {
  // Shape of crm.deal.get (docs/bitrix24-wire.md, "Deals"): strings everywhere, dates with the portal's offset.
  return {
    ID: id, TITLE: `Сделка ${id}`, CATEGORY_ID: "1", STAGE_ID: stage, STAGE_SEMANTIC_ID: stage.endsWith("WON") ? "S" : "P", CURRENCY_ID: "KZT",
    OPPORTUNITY: "250000.00", ASSIGNED_BY_ID: "1", CONTACT_ID: null, COMPANY_ID: "0", LEAD_ID: null, DATE_CREATE: "2026-11-01T10:00:00+05:00",
    DATE_MODIFY: modified, MOVED_TIME: modified, MOVED_BY_ID: "1", SOURCE_ID: "WEB", UTM_SOURCE: "google", UTM_MEDIUM: "cpc", CLOSED: "N", ...extra,
  };
}

describe("Bitrix24 events", () => {
  it("reads the deal through REST, applies it, records its stage change once, and ignores a duplicate", async () => {
    portal.set("deal:410", b24Deal("410", "C1:NEW", "2026-11-01T10:00:00+05:00"));
    await deliverBitrix("ONCRMDEALADD", "410");
    await drain();
    expect(await dealOf(s.bitrix.id, "410")).toMatchObject({ stage: "C1:NEW", deal: { amount: "250000.00", utmSource: "google", deletedAt: null } });

    portal.set("deal:410", b24Deal("410", "C1:WON", "2026-11-02T12:00:00+05:00"));
    const first = await deliverBitrix("ONCRMDEALUPDATE", "410");
    const duplicate = await deliverBitrix("ONCRMDEALUPDATE", "410");
    await drain();
    expect((await eventRow(first)).status).toBe("done");
    expect((await eventRow(duplicate)).status).toBe("done");
    const won = await dealOf(s.bitrix.id, "410");
    expect(won.stage).toBe("C1:WON");
    expect(won.deal.closedAt?.toISOString()).toBe("2026-11-02T07:00:00.000Z");
    const moves = await movesOf(s.bitrix.id, "410");
    expect(moves.filter((m) => m.to === "C1:WON")).toEqual([{ from: "C1:NEW", to: "C1:WON", at: new Date("2026-11-02T07:00:00Z"), who: "1" }]);
  });

  it("does not let an older read overwrite a newer one (newest wins on DATE_MODIFY)", async () => {
    portal.set("deal:411", b24Deal("411", "C1:PREPARATION", "2026-11-05T10:00:00+05:00", { OPPORTUNITY: "900.00" }));
    await deliverBitrix("ONCRMDEALUPDATE", "411");
    await drain();
    portal.set("deal:411", b24Deal("411", "C1:NEW", "2026-11-04T10:00:00+05:00", { OPPORTUNITY: "100.00" }));
    await deliverBitrix("ONCRMDEALUPDATE", "411");
    await drain();
    expect(await dealOf(s.bitrix.id, "411")).toMatchObject({ stage: "C1:PREPARATION", deal: { amount: "900.00" } });
  });

  it("marks a deleted deal deleted (gone from reports) without asking the portal", async () => {
    portal.delete("deal:410");
    await deliverBitrix("ONCRMDEALDELETE", "410");
    await drain();
    expect((await dealOf(s.bitrix.id, "410")).deal.deletedAt).not.toBeNull();
  });

  it("applies leads, contacts, companies and activities, an activity's description as its conversation text", async () => {
    portal.set("lead:5", { ID: "5", TITLE: "Lead 1", STATUS_ID: "NEW", STATUS_SEMANTIC_ID: "P", SOURCE_ID: "CALL", CURRENCY_ID: "USD", OPPORTUNITY: "15000.00", ASSIGNED_BY_ID: "1", DATE_CREATE: "2026-11-01T15:10:16+02:00", DATE_MODIFY: "2026-11-01T18:56:13+02:00" });
    portal.set("contact:75", { ID: "75", NAME: "Anastasia", LAST_NAME: "Ilyina", ASSIGNED_BY_ID: "1", DATE_CREATE: "2026-02-26T00:00:00+02:00", DATE_MODIFY: "2026-02-26T00:00:00+02:00", PHONE: [{ ID: "8303", VALUE_TYPE: "WORK", VALUE: "8 (701) 123-45-67", TYPE_ID: "PHONE" }], EMAIL: [{ ID: "215", VALUE_TYPE: "WORK", VALUE: "Special-For@Example.com", TYPE_ID: "EMAIL" }] });
    portal.set("company:2919", { ID: "2919", TITLE: "Crossroads", ASSIGNED_BY_ID: "1", DATE_CREATE: "2026-02-26T00:00:00+02:00", DATE_MODIFY: "2026-02-26T00:00:00+02:00" });
    portal.set("activity:20", { ID: "20", OWNER_ID: "411", OWNER_TYPE_ID: "2", TYPE_ID: "2", PROVIDER_ID: "VOXIMPLANT_CALL", SUBJECT: "Outgoing call", DIRECTION: "2", COMPLETED: "Y", RESPONSIBLE_ID: "1", DESCRIPTION: "[B]Клиент[/B] просит перезвонить", DESCRIPTION_TYPE: "2", START_TIME: "2026-11-05T13:25:00+03:00", END_TIME: "2026-11-05T13:35:00+03:00", CREATED: "2026-11-05T13:26:55+03:00", LAST_UPDATED: "2026-11-05T13:40:00+03:00" });
    for (const [event, id] of [["ONCRMLEADADD", "5"], ["ONCRMCONTACTADD", "75"], ["ONCRMCOMPANYADD", "2919"], ["ONCRMACTIVITYADD", "20"]]) await deliverBitrix(event, id);
    await drain();
    const [lead] = await testDb.db.select().from(leads).where(and(eq(leads.sourceId, s.bitrix.id), eq(leads.externalId, "5")));
    expect(lead).toMatchObject({ title: "Lead 1", amount: "15000.00", currency: "USD" });
    const [contact] = await testDb.db.select().from(contacts).where(and(eq(contacts.sourceId, s.bitrix.id), eq(contacts.externalId, "75")));
    expect(contact).toMatchObject({ phone: "+77011234567", email: "special-for@example.com" });
    const [company] = await testDb.db.select().from(companies).where(and(eq(companies.sourceId, s.bitrix.id), eq(companies.externalId, "2919")));
    expect(company.name).toBe("Crossroads");
    const [activity] = await testDb.db.select().from(activities).where(and(eq(activities.sourceId, s.bitrix.id), eq(activities.externalId, "20")));
    expect(activity).toMatchObject({ type: "call", direction: "out", isCompleted: true });
    const textOf = async () => (await testDb.db.select().from(conversationTexts).where(and(eq(conversationTexts.sourceId, s.bitrix.id), eq(conversationTexts.externalId, "activity:20"))))[0];
    expect(await textOf()).toMatchObject({ kind: "bitrix_activity_description", body: "Клиент просит перезвонить", activityId: activity.id, direction: "out", deletedAt: null });

    for (const [event, id] of [["ONCRMLEADDELETE", "5"], ["ONCRMCONTACTDELETE", "75"], ["ONCRMCOMPANYDELETE", "2919"], ["ONCRMACTIVITYDELETE", "20"]]) await deliverBitrix(event, id);
    await drain();
    const isDeleted = async (table: typeof leads | typeof contacts | typeof companies | typeof activities, externalId: string) =>
      (await testDb.db.select({ deletedAt: table.deletedAt }).from(table).where(and(eq(table.sourceId, s.bitrix.id), eq(table.externalId, externalId))))[0].deletedAt !== null;
    const row = { lead: await isDeleted(leads, "5"), contact: await isDeleted(contacts, "75"), company: await isDeleted(companies, "2919"), activity: await isDeleted(activities, "20") };
    expect(row).toEqual({ lead: true, contact: true, company: true, activity: true });
    // The deleted activity took its text with it.
    expect((await textOf()).deletedAt).not.toBeNull();
  });

  it("retries a failing read with growing delays, then marks the event dead, with no secret in the error", async () => {
    portalDown = true;
    const id = await deliverBitrix("ONCRMDEALUPDATE", "999");
    await drain();
    const first = await eventRow(id);
    expect(first).toMatchObject({ status: "failed", attempts: 1 });
    expect(first.lastError).not.toContain("secret-code");
    // The admin reads a translated "failed, will be retried"; the exception's own text stays in lastError only.
    expect(first.lastFailure).toEqual({ code: "webhook_apply_failed" });
    // 30 s after the first failure (give or take the test's own run time).
    const wait = first.nextAttemptAt.getTime() - Date.now();
    expect(wait).toBeGreaterThan(25_000);
    expect(wait).toBeLessThanOrEqual(30_000);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await testDb.db.update(webhookEvents).set({ nextAttemptAt: sql`now()` }).where(eq(webhookEvents.id, id));
      await drain();
    }
    expect(await eventRow(id)).toMatchObject({ status: "dead", attempts: MAX_ATTEMPTS });
    portalDown = false;
  });
});

describe("amoCRM webhooks", () => {
  const t0 = 1_789_000_000;
  const lead = (statusId: string, updatedAt: number, extra: Partial<Parameters<typeof amoLead>[0]> = {}) =>
    amoLead({ id: "30307415", statusId, pipelineId: "4542166", price: "150000", createdAt: t0, updatedAt, modifiedUserId: "8421298", utm: { source: "yandex", medium: "cpc", campaign: "brand_search" }, ...extra });

  it("creates the deal from the hook itself, with UTM tags from the tracking fields", async () => {
    await deliverAmo(amoBody(s.amoAccount, { leads: { add: [lead("41893093", t0)] } }));
    await drain();
    expect(await dealOf(s.amo.id, "30307415")).toMatchObject({
      stage: "41893093",
      deal: { title: "Заявка с сайта", amount: "150000.00", utmSource: "yandex", utmMedium: "cpc", utmCampaign: "brand_search", createdAt: new Date(t0 * 1000), closedAt: null },
    });
  });

  it("records a status hook's move once, even with the update hook for the same change and a re-send", async () => {
    const won = lead("142", t0 + 600, { oldStatusId: "41893093" });
    await deliverAmo(amoBody(s.amoAccount, { leads: { update: [won] } }));
    await deliverAmo(amoBody(s.amoAccount, { leads: { status: [won] } }));
    await deliverAmo(amoBody(s.amoAccount, { leads: { status: [won] } }));
    await drain();
    const deal = await dealOf(s.amo.id, "30307415");
    expect(deal).toMatchObject({ stage: "142", deal: { closedAt: new Date((t0 + 600) * 1000) } });
    const moves = (await movesOf(s.amo.id, "30307415")).filter((m) => m.to === "142");
    expect(moves).toEqual([{ from: "41893093", to: "142", at: new Date((t0 + 600) * 1000), who: "8421298" }]);
  });

  it("keeps the newer state when an older hook arrives late, and stays deleted after a delete", async () => {
    await deliverAmo(amoBody(s.amoAccount, { leads: { update: [lead("41893093", t0 + 300, { price: "1" })] } }));
    await drain();
    expect(await dealOf(s.amo.id, "30307415")).toMatchObject({ stage: "142", deal: { amount: "150000.00" } });

    await deliverAmo(amoBody(s.amoAccount, { leads: { delete: [{ id: "30307415" }] } }));
    await drain();
    expect((await dealOf(s.amo.id, "30307415")).deal.deletedAt).not.toBeNull();
    // An update written before the delete, delivered after it, must not bring the deal back.
    await deliverAmo(amoBody(s.amoAccount, { leads: { update: [lead("142", t0 + 900)] } }));
    await drain();
    expect((await dealOf(s.amo.id, "30307415")).deal.deletedAt).not.toBeNull();
  });

  it("applies a Digital Pipeline hook (ids only) as a stage move, keeping the rest of the deal", async () => {
    await deliverAmo(amoBody(s.amoAccount, { leads: { add: [amoLead({ id: "555", name: "Оптовый заказ", statusId: "100", pipelineId: "7", price: "42000", createdAt: t0, updatedAt: t0 })] } }));
    await drain();
    await deliverAmo(amoBody(s.amoAccount, { leads: { status: [{ id: "555", status_id: "101", pipeline_id: "7", old_status_id: "100", old_pipeline_id: "7" }] } }));
    await drain();
    expect(await dealOf(s.amo.id, "555")).toMatchObject({ stage: "101", deal: { title: "Оптовый заказ", amount: "42000.00" } });
    expect((await movesOf(s.amo.id, "555")).filter((m) => m.to === "101")).toMatchObject([{ from: "100", to: "101" }]);
  });

  it("applies contacts with their phone in E.164 and deletes them", async () => {
    await deliverAmo(amoBody(s.amoAccount, { contacts: { add: [amoContact({ id: "43684612", name: "Айгерим", phone: "8 (701) 123-45-67", email: "Aigerim@Mail.kz", createdAt: t0, updatedAt: t0 })] } }));
    await drain();
    const [contact] = await testDb.db.select().from(contacts).where(and(eq(contacts.sourceId, s.amo.id), eq(contacts.externalId, "43684612")));
    expect(contact).toMatchObject({ name: "Айгерим", phone: "+77011234567", email: "aigerim@mail.kz", deletedAt: null });
    await deliverAmo(amoBody(s.amoAccount, { contacts: { delete: [{ id: "43684612" }] } }));
    await drain();
    const [gone] = await testDb.db.select().from(contacts).where(and(eq(contacts.sourceId, s.amo.id), eq(contacts.externalId, "43684612")));
    expect(gone.deletedAt).not.toBeNull();
  });
});
