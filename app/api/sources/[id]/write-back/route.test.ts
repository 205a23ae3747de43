// The write-back API as a script calls it: the CRM's field list and the mapping, bad input refused
// with its code and nothing stored, the admin role only, one organisation only, the dry run, replay.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBitrix24Mock, type Bitrix24Mock } from "@/e2e/mocks/bitrix24-mock";
import { sources, writeBackOutbox } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { enqueueChanges } from "@/lib/write-back/plan";
import { syncedSource } from "@/lib/write-back/test-setup";
import * as dryRun from "./dry-run/route";
import * as replay from "./replay/route";
import * as route from "./route";

let testDb: TestDb;
let mock: Bitrix24Mock;
let sourceId: string;
let orgId: string;
const token: Record<string, string> = {};

const get = (id: string, who = "admin") => callRoute(route.GET, `/api/sources/${id}/write-back`, { as: { token: token[who] }, params: { id } });
const put = (id: string, body: unknown, who = "admin") => callRoute(route.PUT, `/api/sources/${id}/write-back`, { as: { token: token[who] }, method: "PUT", body, params: { id } });
const settingsOf = async () => (await testDb.db.select({ settings: sources.settings }).from(sources).where(eq(sources.id, sourceId)))[0].settings;

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  mock = await startBitrix24Mock({ deals: 12, seed: 8 });
  const synced = await syncedSource(testDb.db, "bitrix24", mock.url, { kind: "bitrix24-webhook", webhookUrl: mock.webhookUrl });
  sourceId = synced.source.id;
  orgId = synced.f.org.id;
  const other = await createOrgFixture(testDb.db);
  for (const [who, user] of Object.entries({ admin: synced.f.users.admin, director: synced.f.users.director, adminB: other.users.admin })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
});
afterAll(async () => {
  await mock.close();
  await testDb.close();
});

describe("/api/sources/:id/write-back", () => {
  it("lists the portal's writable deal and contact fields, the keys, and nothing mapped yet", async () => {
    const view = await get(sourceId);
    expect(view.status).toBe(200);
    expect(view.body.crmFields.deal).toContainEqual({ id: "UF_CRM_VORONKA_TEAM", name: "Трафик-команда", type: "string" });
    expect(view.body.crmFields.deal).toContainEqual({ id: "UTM_SOURCE", name: "UTM_SOURCE", type: "string" });
    expect(view.body.crmFields.deal.map((f: { id: string }) => f.id)).not.toContain("UF_CRM_CALL_DATE"); // a date field cannot take a team's name
    expect(view.body.crmFields.contact).toContainEqual({ id: "UF_CRM_VORONKA_LTV", name: "LTV клиента", type: "double" });
    expect(view.body.fields).toEqual({});
    expect(view.body).toMatchObject({ isEnabled: false, outbox: { pending: 0, failed: 0, sent: 0, dead: 0 }, dead: [] });
    expect(view.body.keys).toContainEqual({ key: "customer_ltv", entity: "contact" });
    // Bitrix24 leads: their own list (crm.lead.userfield.list) and seven lead values.
    expect(view.body.crmFields.lead).toContainEqual({ id: "UF_CRM_VORONKA_TEAM", name: "Трафик-команда лида", type: "string" });
    expect(view.body.crmFields.lead.map((f: { id: string }) => f.id)).not.toContain("UF_CRM_LEAD_CALLBACK");
    expect(view.body.keys.filter((k: { entity: string }) => k.entity === "lead")).toHaveLength(7);
  });

  it("refuses bad input with a code and the field at fault, and stores nothing", async () => {
    const before = await settingsOf();
    const cases: [unknown, number, string, string | undefined][] = [
      [{ isEnabled: true, fields: { traffic_team: "UF_CRM_NOPE" } }, 400, "write_back_unknown_field", "fields.traffic_team"],
      [{ isEnabled: true, fields: { customer_ltv: "UF_CRM_VORONKA_TEAM" } }, 400, "write_back_unknown_field", "fields.customer_ltv"], // a deal field for a contact value
      [{ isEnabled: true, fields: { traffic_team: "UF_CRM_VORONKA_TEAM", utm_source: "UF_CRM_VORONKA_TEAM" } }, 400, "write_back_field_twice", "fields.utm_source"],
      [{ isEnabled: true, fields: { lead_traffic_team: "UF_CRM_VORONKA_CONFIDENCE" } }, 400, "write_back_unknown_field", "fields.lead_traffic_team"], // a deal field for a lead value
      [{ isEnabled: true, fields: { deal_score: "UF_CRM_VORONKA_TEAM" } }, 400, "validation_error", undefined],
      [{ isEnabled: "yes", fields: {} }, 400, "validation_error", "isEnabled"],
    ];
    for (const [body, status, code, field] of cases) {
      const answer = await put(sourceId, body);
      expect([answer.status, answer.body.error.code], JSON.stringify(body)).toEqual([status, code]);
      if (field) expect(answer.body.error.field).toBe(field);
    }
    expect(await settingsOf()).toEqual(before);
  });

  it("only an admin of the source's own organisation reads or changes it", async () => {
    expect((await get(sourceId, "director")).status).toBe(403);
    expect((await put(sourceId, { isEnabled: false, fields: {} }, "director")).status).toBe(403);
    expect((await get(sourceId, "adminB")).status).toBe(404);
    expect((await put(sourceId, { isEnabled: false, fields: {} }, "adminB")).status).toBe(404);
    expect((await callRoute(dryRun.GET, "/x", { as: { token: token.adminB }, params: { id: sourceId } })).status).toBe(404);
    expect((await callRoute(replay.POST, "/x", { as: { token: token.adminB }, method: "POST", params: { id: sourceId } })).status).toBe(404);
    expect((await get("not-a-uuid")).status).toBe(400);
  });

  it("a shop source has nothing to write into: 400 write_back_crm_only", async () => {
    const [shop] = await testDb.db.insert(sources).values({ orgId, kind: "shop", name: "Магазин", webhookSecret: "shop-secret" }).returning();
    const answer = await get(shop.id);
    expect([answer.status, answer.body.error.code]).toEqual([400, "write_back_crm_only"]);
    expect((await put(shop.id, { isEnabled: true, fields: {} })).body.error.code).toBe("write_back_crm_only");
  });

  it("a saved mapping is shown back; the dry run counts what a pass would write, without writing", async () => {
    // The lead's confidence goes to the lead field of the same name as a deal field: two records, no clash.
    const fields = { traffic_confidence: "UF_CRM_VORONKA_CONFIDENCE", lead_traffic_confidence: "UF_CRM_VORONKA_TEAM" };
    const saved = await put(sourceId, { isEnabled: false, fields: { ...fields, utm_term: null } });
    expect(saved).toMatchObject({ status: 200, body: { isEnabled: false, fields } });
    expect((await get(sourceId)).body).toMatchObject({ isEnabled: false, fields });
    expect(Object.keys((await get(sourceId)).body.fields)).toEqual(["traffic_confidence", "lead_traffic_confidence"]);
    const counted = await callRoute(dryRun.GET, `/api/sources/${sourceId}/write-back/dry-run`, { as: { token: token.admin }, params: { id: sourceId } });
    // 12 deals and the portal's 6 leads, each with a confidence (high, medium or low): 18 values.
    expect(counted).toMatchObject({ status: 200, body: { deals: 12, contacts: 0, leads: 6, values: 18 } });
    expect(mock.writeBatches).toEqual([]);
  });

  it("replay puts the dead writes back in the queue and says how many", async () => {
    await enqueueChanges(testDb.db, orgId, sourceId, [{ entity: "deal", externalId: "999999", values: { UF_CRM_VORONKA_CONFIDENCE: "low" } }]);
    await testDb.db.update(writeBackOutbox).set({ status: "dead", lastError: "Not found" }).where(eq(writeBackOutbox.sourceId, sourceId));
    expect((await get(sourceId)).body.dead).toEqual([{ entity: "deal", externalId: "999999", attempts: 0, error: "Not found", failure: null }]);
    const answer = await callRoute(replay.POST, `/api/sources/${sourceId}/write-back/replay`, { as: { token: token.admin }, method: "POST", params: { id: sourceId } });
    expect(answer).toMatchObject({ status: 200, body: { replayed: 1 } });
  });
});
