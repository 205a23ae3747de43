// Write-back into the mock amoCRM account: PATCH of up to 250 leads, contacts' customer figures,
// refused values dead with amoCRM's words and replayed, and no loop when the account's webhook
// echoes our own write.
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AMO_ACCOUNT_ID, amoCustomFields } from "@/e2e/mocks/amocrm-data";
import { startAmoMock, type AmoMock } from "@/e2e/mocks/amocrm-mock";
import { deals, webhookEvents, writeBackOutbox } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { drainInbox } from "@/lib/ingest/process/drain";
import { storeInboxEvent } from "@/lib/ingest/receive/inbox";
import { amoBody, amoLead } from "@/lib/ingest/test/bodies";
import { dryRunWriteBack, runWriteBack } from "./manage";
import { replayDeadWrites } from "./replay";
import { dealsByTeam, fastDeps, outboxStatuses, setWriteBack, syncedSource, vipCustomerForFirstContact } from "./test-setup";

let testDb: TestDb;
const mocks: AmoMock[] = [];
const SEED = 4;
const fields = amoCustomFields(SEED);
const fieldId = (list: { id: number; name: string }[], name: string) => String(list.find((field) => field.name === name)!.id);
const TEAM = fieldId(fields.leads, "Трафик-команда");
const CONFIDENCE = fieldId(fields.leads, "Уверенность атрибуции");
const CATEGORY = fieldId(fields.contacts, "Категория клиента");
const LTV = fieldId(fields.contacts, "LTV клиента");

beforeAll(async () => {
  testDb = await createTestDb();
});
afterEach(async () => {
  while (mocks.length) await mocks.pop()!.close();
});
afterAll(() => testDb.close());

async function setup(leads: number) {
  const mock = await startAmoMock({ leads, seed: SEED });
  mocks.push(mock);
  const synced = await syncedSource(testDb.db, "amocrm", mock.url, { kind: "amocrm-token", accessToken: mock.state.auth.longLivedToken });
  return { mock, ...synced, pass: () => runWriteBack(testDb.db, synced.f.org.id, synced.source.id, { deps: fastDeps }) };
}

/** A written lead's value of one field, as the account now holds it. */
function valueOf(mock: AmoMock, entity: "lead" | "contact", id: number, field: string): unknown {
  const row = mock.state.mutations.get(entity, id)!;
  const values = (row.custom_fields_values as { field_id: number; values: { value: unknown }[] }[] | null) ?? [];
  return values.find((value) => String(value.field_id) === field)?.values[0].value;
}

describe("amoCRM write-back", () => {
  it("writes 600 leads as PATCHes of 250 + 250 + 100, within the account's 7 requests a second", async () => {
    const { mock, f, source, pass } = await setup(600);
    const teams = await dealsByTeam(testDb.db, f.org.id, source.id);
    await setWriteBack(testDb.db, source.id, { isEnabled: true, fields: { traffic_team: TEAM, traffic_confidence: CONFIDENCE } });
    expect(await dryRunWriteBack(testDb.db, f.org.id, source.id)).toEqual({ deals: 600, contacts: 0, leads: 0, values: 600 + 600 - teams[""] });
    expect(await pass()).toMatchObject({ queued: 600, sent: 600, dead: 0, requests: 3 });
    expect(mock.state.writes.batches).toEqual([
      { path: "/api/v4/leads", size: 250 },
      { path: "/api/v4/leads", size: 250 },
      { path: "/api/v4/leads", size: 100 },
    ]);
    const google = Number(mock.state.mutations.rows("lead").find((row) => JSON.stringify(row.custom_fields_values ?? "").includes('"google"'))!.id);
    expect(valueOf(mock, "lead", google, TEAM)).toBe("Google Ads");
    expect(valueOf(mock, "lead", google, CONFIDENCE)).toBe("high");
    expect(mock.state.stats.refused).toBe(0);
    expect(await pass()).toMatchObject({ queued: 0, requests: 0 });
  });

  it("a value amoCRM refuses is dead with amoCRM's words; after the field is back, replay writes it", async () => {
    const { mock, f, source, pass } = await setup(10);
    const contactId = Number(await vipCustomerForFirstContact(testDb.db, f.org.id, source.id));
    await setWriteBack(testDb.db, source.id, { isEnabled: true, fields: { customer_category: CATEGORY, customer_ltv: LTV } });
    // Someone deletes the LTV field in amoCRM after it was mapped.
    const all = mock.state.tables.fields.contacts;
    mock.state.tables.fields.contacts = all.filter((field) => String(field.id) !== LTV);
    expect(await pass()).toMatchObject({ queued: 1, sent: 0, dead: 1 });
    const [dead] = await testDb.db.select().from(writeBackOutbox).where(and(eq(writeBackOutbox.orgId, f.org.id), eq(writeBackOutbox.sourceId, source.id)));
    expect(dead).toMatchObject({ status: "dead", attempts: 1, lastError: "NotSupportedChoice custom_fields_values.1.field_id: The field does not exist" });
    expect(dead.lastFailure).toEqual({ code: "write_back_crm_refused", details: "NotSupportedChoice custom_fields_values.1.field_id: The field does not exist" });
    expect(valueOf(mock, "contact", contactId, CATEGORY)).toBeUndefined();
    // Nothing new is planned for a value already queued: it waits for the admin.
    expect(await pass()).toMatchObject({ queued: 0, requests: 0 });

    mock.state.tables.fields.contacts = all;
    expect(await replayDeadWrites(testDb.db, f.org.id, source.id)).toBe(1);
    expect(await pass()).toMatchObject({ queued: 0, sent: 1, dead: 0 });
    expect(await outboxStatuses(testDb.db, f.org.id, source.id)).toEqual({ sent: 1 });
    expect(valueOf(mock, "contact", contactId, CATEGORY)).toBe("vip");
    expect(valueOf(mock, "contact", contactId, LTV)).toBe("250000.00");
  });

  it("the account's webhook echoing our own write changes nothing and starts no new write", async () => {
    const { mock, f, source, pass } = await setup(10);
    await setWriteBack(testDb.db, source.id, { isEnabled: true, fields: { traffic_team: TEAM, traffic_confidence: CONFIDENCE } });
    expect(await pass()).toMatchObject({ sent: 10 });
    const batches = mock.state.writes.batches.length;
    const leadId = 30_000_003;
    const deal = async () => (await testDb.db.select().from(deals).where(and(eq(deals.sourceId, source.id), eq(deals.externalId, String(leadId)))))[0];
    const before = await deal();

    // The lead as amoCRM's "lead updated" webhook carries it after our write: our fields, its own UTM tags.
    const row = mock.state.mutations.get("lead", leadId)!;
    const custom = (row.custom_fields_values as { field_code: string | null; values: { value: string }[] }[] | null) ?? [];
    const utm = (code: string) => custom.find((field) => field.field_code === code)?.values[0].value;
    const lead = amoLead({
      id: String(leadId), statusId: String(row.status_id), pipelineId: String(row.pipeline_id), price: String(row.price), responsibleUserId: String(row.responsible_user_id),
      createdAt: Number(row.created_at), updatedAt: Number(row.updated_at), utm: { source: utm("UTM_SOURCE"), medium: utm("UTM_MEDIUM"), campaign: utm("UTM_CAMPAIGN") },
    });
    (lead.custom_fields as object[]).push({ id: TEAM, name: "Трафик-команда", values: [{ value: valueOf(mock, "lead", leadId, TEAM) ?? "" }] });
    const body = amoBody({ id: String(AMO_ACCOUNT_ID), subdomain: "mock" }, { leads: { update: [lead] } });
    await storeInboxEvent(testDb.db, { orgId: f.org.id, sourceId: source.id, eventType: "amo", contentType: "application/x-www-form-urlencoded", headers: {}, body, status: "pending" });
    await drainInbox(testDb.db, { orgId: f.org.id });
    const [event] = await testDb.db.select({ status: webhookEvents.status }).from(webhookEvents).where(eq(webhookEvents.sourceId, source.id));
    expect(event.status).toBe("done");

    const after = await deal();
    expect({ team: after.trafficTeamId, confidence: after.attributionConfidence, utm: after.utmSource }).toEqual({ team: before.trafficTeamId, confidence: before.attributionConfidence, utm: before.utmSource });
    expect(await dryRunWriteBack(testDb.db, f.org.id, source.id)).toEqual({ deals: 0, contacts: 0, leads: 0, values: 0 });
    expect(await pass()).toMatchObject({ queued: 0, sent: 0, requests: 0 });
    expect(mock.state.writes.batches.length).toBe(batches);
  });
});
