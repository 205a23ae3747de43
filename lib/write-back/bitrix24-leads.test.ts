// Bitrix24 leads as a write-back record: the lead's own team, confidence and UTM tags go to lead
// fields chosen from crm.lead.userfield.list (or made by crm.lead.userfield.add), by crm.lead.update in
// batches of 50, through the same ledger, outbox, dead rows and replay as deals. amoCRM has no leads
// apart from its deals: lead values are neither offered nor accepted there.
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startAmoMock } from "@/e2e/mocks/amocrm-mock";
import { startBitrix24Mock, type Bitrix24Mock } from "@/e2e/mocks/bitrix24-mock";
import { leads, trafficTeams, webhookEvents } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { drainInbox } from "@/lib/ingest/process/drain";
import { storeInboxEvent } from "@/lib/ingest/receive/inbox";
import { bitrixEvent } from "@/lib/ingest/test/bodies";
import { createWriteBackField } from "./new-field";
import { dryRunWriteBack, getWriteBack, outboxState, runWriteBack, saveWriteBack } from "./manage";
import { replayDeadWrites } from "./replay";
import { fastDeps, outboxStatuses, setWriteBack, syncedSource } from "./test-setup";

let testDb: TestDb;
const closers: (() => Promise<void>)[] = [];
const LEAD_FIELDS = { lead_traffic_team: "UF_CRM_VORONKA_TEAM", lead_traffic_confidence: "UF_CRM_VRN_CONF", lead_utm_source: "UTM_SOURCE" };

beforeAll(async () => {
  testDb = await createTestDb();
});
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});
afterAll(() => testDb.close());

/** A portal with `leadCount` leads (and a few deals), synced and attributed. */
async function setup(leadCount: number) {
  const mock = await startBitrix24Mock({ deals: 12, leadsPerDeal: leadCount / 12, seed: 5 });
  closers.push(() => mock.close());
  // A lead field of our own beside the portal's, so three lead values go to three fields.
  mock.userFields.lead.push({ ID: "503", ENTITY_ID: "CRM_LEAD", FIELD_NAME: "UF_CRM_VRN_CONF", USER_TYPE_ID: "string", MULTIPLE: "N", MANDATORY: "N", label: "Уверенность" });
  const synced = await syncedSource(testDb.db, "bitrix24", mock.url, { kind: "bitrix24-webhook", webhookUrl: mock.webhookUrl });
  return { mock, ...synced, pass: () => runWriteBack(testDb.db, synced.f.org.id, synced.source.id, { deps: fastDeps }) };
}

async function leadsByTeam(orgId: string, sourceId: string) {
  const rows = await testDb.db
    .select({ team: trafficTeams.name, utm: leads.utmSource })
    .from(leads)
    .leftJoin(trafficTeams, eq(trafficTeams.id, leads.trafficTeamId))
    .where(and(eq(leads.orgId, orgId), eq(leads.sourceId, sourceId)));
  return { total: rows.length, google: rows.filter((r) => r.team === "Google Ads").length, yandex: rows.filter((r) => r.team === "Яндекс Директ").length, withUtm: rows.filter((r) => r.utm).length };
}

const adminOf = (f: { org: { id: string }; users: { admin: { id: string } } }) => ({ orgId: f.org.id, userId: f.users.admin.id });

/** The update commands of every batch the portal received, per method. */
const leadUpdates = (mock: Bitrix24Mock) => mock.state.stats.byMethod["crm.lead.update"] ?? 0;

describe("Bitrix24 leads written back", () => {
  it("writes 120 leads by crm.lead.update in batches of 50 + 50 + 20, then nothing, then one changed team", async () => {
    const { mock, f, source, google, pass } = await setup(120);
    const teams = await leadsByTeam(f.org.id, source.id);
    expect(teams.total).toBe(120);
    expect(teams.google).toBeGreaterThan(0);
    expect(teams.yandex).toBeGreaterThan(0);
    await saveWriteBack(testDb.db, adminOf(f), source.id, { isEnabled: true, fields: LEAD_FIELDS }, fastDeps);
    // Every lead has a confidence; a team and a UTM source only where it has one (an empty value never clears a field never written).
    const values = 120 + teams.google + teams.yandex + teams.withUtm;
    expect(await dryRunWriteBack(testDb.db, f.org.id, source.id)).toEqual({ deals: 0, contacts: 0, leads: 120, values });

    expect(await pass()).toMatchObject({ queued: 120, sent: 120, failed: 0, dead: 0, requests: 3 });
    expect(mock.writeBatches).toEqual([50, 50, 20]);
    expect(leadUpdates(mock)).toBe(120);
    expect(mock.state.stats.byMethod["crm.deal.update"] ?? 0).toBe(0);
    const rows = mock.state.mutations.rows("lead");
    const googleLead = rows.find((row) => row.UTM_SOURCE === "google")!;
    const yandexLead = rows.find((row) => row.UTM_SOURCE === "yandex")!;
    const plainLead = rows.find((row) => !row.UTM_SOURCE)!;
    expect(mock.state.mutations.get("lead", Number(googleLead.ID))).toMatchObject({ UF_CRM_VORONKA_TEAM: "Google Ads", UF_CRM_VRN_CONF: "high", UTM_SOURCE: "google" });
    expect(mock.state.mutations.get("lead", Number(yandexLead.ID))).toMatchObject({ UF_CRM_VORONKA_TEAM: "Яндекс Директ", UF_CRM_VRN_CONF: "medium", UTM_SOURCE: "yandex" });
    expect(mock.state.mutations.get("lead", Number(plainLead.ID))).toMatchObject({ UF_CRM_VRN_CONF: "low" });
    expect(mock.state.mutations.get("lead", Number(plainLead.ID))).not.toHaveProperty("UF_CRM_VORONKA_TEAM");
    expect(await outboxStatuses(testDb.db, f.org.id, source.id)).toEqual({ sent: 120 });

    // A second pass: nothing changed, nothing is sent.
    expect(await dryRunWriteBack(testDb.db, f.org.id, source.id)).toEqual({ deals: 0, contacts: 0, leads: 0, values: 0 });
    expect(await pass()).toMatchObject({ queued: 0, sent: 0, requests: 0 });
    expect(mock.writeBatches).toEqual([50, 50, 20]);

    // One lead moves from Google Ads to no team: one lead, one value (its team cleared), one batch of 1.
    await testDb.db.update(leads).set({ trafficTeamId: null }).where(and(eq(leads.sourceId, source.id), eq(leads.externalId, String(googleLead.ID))));
    expect(await dryRunWriteBack(testDb.db, f.org.id, source.id)).toEqual({ deals: 0, contacts: 0, leads: 1, values: 1 });
    expect(await pass()).toMatchObject({ queued: 1, sent: 1, requests: 1 });
    expect(mock.writeBatches).toEqual([50, 50, 20, 1]);
    expect(mock.state.mutations.get("lead", Number(googleLead.ID))).toMatchObject({ UF_CRM_VORONKA_TEAM: "", UF_CRM_VRN_CONF: "high" });
    // Renaming the team rewrites its other leads, and only them.
    await testDb.db.update(trafficTeams).set({ name: "Google" }).where(eq(trafficTeams.id, google.id));
    expect(await pass()).toMatchObject({ queued: teams.google - 1, sent: teams.google - 1 });
    expect(leadUpdates(mock)).toBe(120 + 1 + teams.google - 1);
  });

  it("the portal's ONCRMLEADUPDATE echoing our own write changes nothing and starts no new write", async () => {
    const { mock, f, source, pass } = await setup(6);
    await setWriteBack(testDb.db, source.id, { isEnabled: true, fields: LEAD_FIELDS });
    expect(await pass()).toMatchObject({ sent: 6 });
    const written = [...mock.writeBatches];
    const lead = () => testDb.db.select().from(leads).where(and(eq(leads.sourceId, source.id), eq(leads.externalId, "2")));
    const [before] = await lead();
    const reads = mock.state.stats.byMethod["crm.lead.get"] ?? 0;
    await storeInboxEvent(testDb.db, {
      orgId: f.org.id, sourceId: source.id, eventType: "ONCRMLEADUPDATE", contentType: "application/x-www-form-urlencoded", headers: {},
      body: bitrixEvent("ONCRMLEADUPDATE", "2", { token: "***" }), status: "pending",
    });
    await drainInbox(testDb.db, { orgId: f.org.id });
    const [event] = await testDb.db.select({ status: webhookEvents.status }).from(webhookEvents).where(eq(webhookEvents.sourceId, source.id));
    expect(event.status).toBe("done");
    expect(mock.state.stats.byMethod["crm.lead.get"]).toBe(reads + 1); // the lead was read back from the portal
    const [after] = await lead();
    expect({ team: after.trafficTeamId, confidence: after.attributionConfidence, utm: after.utmSource }).toEqual({ team: before.trafficTeamId, confidence: before.attributionConfidence, utm: before.utmSource });
    expect(await dryRunWriteBack(testDb.db, f.org.id, source.id)).toEqual({ deals: 0, contacts: 0, leads: 0, values: 0 });
    expect(await pass()).toMatchObject({ queued: 0, sent: 0, requests: 0 });
    expect(mock.writeBatches).toEqual(written);
  });

  it("a lead deleted in the portal dies at once with the portal's words, and a replay sends it again", async () => {
    const { mock, f, source, pass } = await setup(6);
    await setWriteBack(testDb.db, source.id, { isEnabled: true, fields: { lead_traffic_confidence: "UF_CRM_VRN_CONF" } });
    mock.state.mutations.remove("lead", 4);
    expect(await pass()).toMatchObject({ queued: 6, sent: 5, dead: 1, requests: 1 });
    expect(mock.writeBatches).toEqual([6]);
    const { outbox, dead } = await outboxState(testDb.db, f.org.id, source.id);
    expect(outbox).toEqual({ pending: 0, failed: 0, sent: 5, dead: 1 });
    // The portal's words, "Not found", after the method that said them.
    expect(dead).toEqual([expect.objectContaining({ entity: "lead", externalId: "4", attempts: 1 })]);
    expect(dead[0].error).toMatch(/: crm\.lead\.update found nothing: Not found$/);
    expect(dead[0].failure).toEqual({ code: "write_back_crm_refused", details: dead[0].error });
    // Nothing new is planned for it: the ledger holds the value as queued.
    expect(await pass()).toMatchObject({ queued: 0, requests: 0 });
    // Replayed: sent once more, the portal refuses again, dead again (no silent loss).
    expect(await replayDeadWrites(testDb.db, f.org.id, source.id)).toBe(1);
    expect(await pass()).toMatchObject({ queued: 0, sent: 0, dead: 1, requests: 1 });
    expect(mock.writeBatches).toEqual([6, 1]);
  });

  it("offers the portal's lead fields, creates one by crm.lead.userfield.add, and maps the lead's value to it", async () => {
    const { mock, f, source, pass } = await setup(6);
    const view = await getWriteBack(testDb.db, f.org.id, source.id, fastDeps);
    expect(view.keys.filter((k) => k.entity === "lead").map((k) => k.key)).toEqual([
      "lead_traffic_team", "lead_traffic_confidence", "lead_utm_source", "lead_utm_medium", "lead_utm_campaign", "lead_utm_content", "lead_utm_term",
    ]);
    // The 5 standard UTM fields and the portal's 2 text fields; the datetime field cannot take a value.
    expect(view.crmFields.lead.map((field) => field.id)).toEqual(["UTM_SOURCE", "UTM_MEDIUM", "UTM_CAMPAIGN", "UTM_CONTENT", "UTM_TERM", "UF_CRM_VORONKA_TEAM", "UF_CRM_VRN_CONF"]);
    expect(view.crmFields.lead.find((field) => field.id === "UF_CRM_VORONKA_TEAM")!.name).toBe("Трафик-команда лида");
    expect(mock.state.stats.byMethod["crm.lead.userfield.list"]).toBe(1);

    // A deal field of that code exists (UF_CRM_VORONKA_TEAM on deals too): it is not a lead field, so the lead gets its own.
    const before = { add: mock.state.stats.byMethod["crm.lead.userfield.add"] ?? 0, dealAdd: mock.state.stats.byMethod["crm.deal.userfield.add"] ?? 0 };
    const created = await createWriteBackField(testDb.db, adminOf(f), source.id, { key: "lead_traffic_team", name: "Команда (лид)" }, fastDeps);
    expect(created.field).toEqual({ id: "UF_CRM_VRN_TEAM", name: "Команда (лид)", type: "string" });
    expect(mock.state.stats.byMethod["crm.lead.userfield.add"]).toBe(before.add + 1);
    expect(mock.state.stats.byMethod["crm.deal.userfield.add"] ?? 0).toBe(before.dealAdd);
    expect(mock.userFields.lead.at(-1)).toMatchObject({ ENTITY_ID: "CRM_LEAD", FIELD_NAME: "UF_CRM_VRN_TEAM", USER_TYPE_ID: "string", label: "Команда (лид)" });
    expect(mock.userFields.deal.some((field) => field.FIELD_NAME === "UF_CRM_VRN_TEAM")).toBe(false);
    expect(created.settings.fields).toEqual({ lead_traffic_team: "UF_CRM_VRN_TEAM" });

    // The same again: the lead list now has it → 409, nothing created.
    await expect(createWriteBackField(testDb.db, adminOf(f), source.id, { key: "lead_traffic_team", name: "Команда (лид)" }, fastDeps)).rejects.toMatchObject({
      status: 409,
      code: "write_back_field_exists",
    });
    expect(mock.state.stats.byMethod["crm.lead.userfield.add"]).toBe(before.add + 1);

    // A lead field the portal does not list is refused on save.
    await expect(saveWriteBack(testDb.db, adminOf(f), source.id, { isEnabled: true, fields: { lead_utm_term: "UF_CRM_LEAD_CALLBACK" } }, fastDeps)).rejects.toMatchObject({
      code: "write_back_unknown_field",
    });

    // Writing on: the new field is filled on the leads that have a team.
    await setWriteBack(testDb.db, source.id, { isEnabled: true, fields: created.settings.fields });
    const teams = await leadsByTeam(f.org.id, source.id);
    expect(await pass()).toMatchObject({ queued: teams.google + teams.yandex, sent: teams.google + teams.yandex });
  });

  it("amoCRM offers no lead values and refuses them (its leads are the deals)", async () => {
    const amo = await startAmoMock({ leads: 3, seed: 9 });
    closers.push(() => amo.close());
    const { f, source } = await syncedSource(testDb.db, "amocrm", amo.url, { kind: "amocrm-token", accessToken: amo.state.auth.longLivedToken });
    const view = await getWriteBack(testDb.db, f.org.id, source.id, fastDeps);
    expect(view.keys.some((k) => k.entity === "lead")).toBe(false);
    expect(view.crmFields.lead).toEqual([]);
    await expect(saveWriteBack(testDb.db, adminOf(f), source.id, { isEnabled: true, fields: { lead_traffic_team: "1" } }, fastDeps)).rejects.toMatchObject({ code: "write_back_no_leads" });
    await expect(createWriteBackField(testDb.db, adminOf(f), source.id, { key: "lead_traffic_team" }, fastDeps)).rejects.toMatchObject({ code: "write_back_no_leads" });
  });
});
