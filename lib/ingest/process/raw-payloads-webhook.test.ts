// "Keep what the CRM sent" (issue 19) through the webhook inbox: a Bitrix24 event's record (read by
// crm.<entity>.get) and an amoCRM hook's own entity land in crm_payloads as they came; a newer
// version replaces them and an older one does not; a Digital Pipeline stub keeps the full record.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crmPayloads } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import type { PayloadEntity } from "@/lib/canonical/raw-payloads";
import type { BitrixFetcher } from "../bitrix24/fetcher";
import { storeInboxEvent } from "../receive/inbox";
import { amoBody, amoContact, amoLead, bitrixEvent } from "../test/bodies";
import { createWebhookSources, type TestSources } from "../test/sources";
import { drainInbox } from "./drain";

let testDb: TestDb;
let s: TestSources;
const portal = new Map<string, Record<string, unknown>>();
const fetcher: BitrixFetcher = { getById: async (entity, id) => portal.get(`${entity}:${id}`) ?? null };

beforeAll(async () => {
  testDb = await createTestDb();
  s = await createWebhookSources(testDb.db, (await createOrgFixture(testDb.db)).org.id);
});
afterAll(() => testDb.close());

const drain = (orgId: string) => drainInbox(testDb.db, { orgId, deps: { bitrixFetcherFor: () => fetcher } });
async function deliverBitrix(event: string, id: string) {
  await storeInboxEvent(testDb.db, { orgId: s.bitrix.orgId, sourceId: s.bitrix.id, eventType: event, contentType: "application/x-www-form-urlencoded", headers: {}, body: bitrixEvent(event, id, { token: "***" }), status: "pending" });
  await drain(s.bitrix.orgId);
}
async function deliverAmo(body: string) {
  await storeInboxEvent(testDb.db, { orgId: s.amo.orgId, sourceId: s.amo.id, eventType: "amo", contentType: "application/x-www-form-urlencoded", headers: {}, body, status: "pending" });
  await drain(s.amo.orgId);
}
async function payloadOf(source: { id: string; orgId: string }, entity: PayloadEntity, externalId: string) {
  const [row] = await testDb.db
    .select({ origin: crmPayloads.origin, payload: crmPayloads.payload })
    .from(crmPayloads)
    .where(and(eq(crmPayloads.orgId, source.orgId), eq(crmPayloads.sourceId, source.id), eq(crmPayloads.entity, entity), eq(crmPayloads.externalId, externalId)));
  return row;
}

describe("raw CRM payloads from webhooks", () => {
  it("Bitrix24: the record crm.<entity>.get returned is kept for a deal, lead, contact, company and activity; newer replaces, older does not", async () => {
    const deal = (modified: string, extra: Record<string, unknown> = {}) => ({
      ID: "7701", TITLE: "Сделка 7701", CATEGORY_ID: "0", STAGE_ID: "NEW", STAGE_SEMANTIC_ID: "P", CURRENCY_ID: "KZT", OPPORTUNITY: "125000.00",
      ASSIGNED_BY_ID: "1", DATE_CREATE: "2026-11-01T10:00:00+05:00", DATE_MODIFY: modified, UF_CRM_1712345678: "самовывоз", ...extra,
    });
    const records: [string, string, PayloadEntity, Record<string, unknown>][] = [
      ["ONCRMDEALADD", "7701", "deal", deal("2026-11-01T10:00:00+05:00")],
      ["ONCRMLEADADD", "7702", "lead", { ID: "7702", TITLE: "Лид", STATUS_ID: "NEW", DATE_CREATE: "2026-11-01T10:00:00+05:00", DATE_MODIFY: "2026-11-01T10:00:00+05:00", UF_CRM_CITY: "Алматы" }],
      ["ONCRMCONTACTADD", "7703", "contact", { ID: "7703", NAME: "Айгерим", PHONE: [{ ID: "1", VALUE_TYPE: "WORK", VALUE: "+7 701 000 00 01", TYPE_ID: "PHONE" }], DATE_MODIFY: "2026-11-01T10:00:00+05:00" }],
      ["ONCRMCOMPANYADD", "7704", "company", { ID: "7704", TITLE: "ТОО Ромашка", UF_CRM_BIN: "123456789012", DATE_MODIFY: "2026-11-01T10:00:00+05:00" }],
      ["ONCRMACTIVITYADD", "7705", "activity", { ID: "7705", OWNER_ID: "7701", OWNER_TYPE_ID: "2", TYPE_ID: "2", DIRECTION: "2", COMPLETED: "N", START_TIME: "2026-11-02T10:00:00+05:00", LAST_UPDATED: "2026-11-02T10:00:00+05:00", SETTINGS: { MISSED_CALL: false } }],
    ];
    for (const [event, id, entity, record] of records) {
      portal.set(`${entity}:${id}`, record);
      await deliverBitrix(event, id);
      expect(await payloadOf(s.bitrix, entity, id), `${entity} ${id}`).toEqual({ origin: "rest", payload: record });
    }

    const newer = deal("2026-11-03T09:00:00+05:00", { STAGE_ID: "WON", STAGE_SEMANTIC_ID: "S", UF_CRM_1712345678: "курьер" });
    portal.set("deal:7701", newer);
    await deliverBitrix("ONCRMDEALUPDATE", "7701");
    expect((await payloadOf(s.bitrix, "deal", "7701")).payload.UF_CRM_1712345678).toBe("курьер");
    // A late read of an older version (DATE_MODIFY earlier) leaves the newer payload in place.
    portal.set("deal:7701", deal("2026-11-02T09:00:00+05:00", { UF_CRM_1712345678: "почта" }));
    await deliverBitrix("ONCRMDEALUPDATE", "7701");
    expect(await payloadOf(s.bitrix, "deal", "7701")).toEqual({ origin: "rest", payload: newer });
  });

  it("amoCRM: the hook's lead and contact are kept in the hook's own shape; a Digital Pipeline stub does not replace them", async () => {
    const t0 = 1_789_100_000;
    const lead = amoLead({ id: "51001", statusId: "41893093", pipelineId: "4542166", price: "90000", createdAt: t0, updatedAt: t0, utm: { source: "instagram" } });
    const contact = amoContact({ id: "51002", name: "Ержан", phone: "+77010000002", createdAt: t0, updatedAt: t0 });
    await deliverAmo(amoBody(s.amoAccount, { leads: { add: [lead] }, contacts: { add: [contact] } }));

    const kept = await payloadOf(s.amo, "deal", "51001");
    expect(kept.origin).toBe("webhook");
    // Every value as the form carried it: strings, lists as numbered keys.
    expect(kept.payload).toMatchObject({ id: "51001", status_id: "41893093", price: "90000", name: "Заявка с сайта", tags: { 0: { id: "55515", name: "сайт" } } });
    expect(kept.payload.custom_fields).toMatchObject({ 0: { code: "UTM_SOURCE", values: { 0: { value: "instagram" } } }, 1: { id: "645087", values: { 0: "1689282000" } } });
    expect(await payloadOf(s.amo, "contact", "51002")).toMatchObject({ origin: "webhook", payload: { id: "51002", name: "Ержан", custom_fields: { 0: { code: "PHONE", values: { 0: { value: "+77010000002" } } } } } });

    // A Digital Pipeline hook carries only ids and the stage: the full payload stays.
    await deliverAmo(amoBody(s.amoAccount, { leads: { status: [{ id: "51001", status_id: "142", pipeline_id: "4542166", old_status_id: "41893093" }] } }));
    expect((await payloadOf(s.amo, "deal", "51001")).payload).toEqual(kept.payload);

    // A newer complete hook replaces it.
    await deliverAmo(amoBody(s.amoAccount, { leads: { update: [amoLead({ id: "51001", statusId: "142", pipelineId: "4542166", price: "95000", createdAt: t0, updatedAt: t0 + 600 })] } }));
    expect((await payloadOf(s.amo, "deal", "51001")).payload).toMatchObject({ price: "95000", status_id: "142", updated_at: String(t0 + 600) });
  });
});
