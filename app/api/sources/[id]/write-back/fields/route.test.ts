// "Create field in the CRM" through the API, against both mock CRMs: the field is made with a fitting
// type and name through the portal's or account's one limiter, mapped and audited; a name the CRM
// already has, a user without the rights and the CRM's own refusal come back as 4xx with a code and the
// CRM's words, and then nothing is stored; roles and organisations as for the rest of write-back.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAmoMock, type AmoMock } from "@/e2e/mocks/amocrm-mock";
import { startBitrix24Mock, type Bitrix24Mock } from "@/e2e/mocks/bitrix24-mock";
import { auditLog, sources } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { hostOf } from "@/lib/connectors/errors";
import { sharedLimiter } from "@/lib/connectors/http/rate-limiter";
import { runWriteBack } from "@/lib/write-back/manage";
import { dealsByTeam, fastDeps, setWriteBack, syncedSource } from "@/lib/write-back/test-setup";
import * as writeBack from "../route";
import * as route from "./route";

let testDb: TestDb;
let b24: Bitrix24Mock;
let amo: AmoMock;
const ids: Record<"b24" | "amo" | "orgB24" | "orgAmo", string> = { b24: "", amo: "", orgB24: "", orgAmo: "" };
const token: Record<string, string> = {};

const create = (id: string, body: unknown, who = "admin") => callRoute(route.POST, `/api/sources/${id}/write-back/fields`, { as: { token: token[who] }, method: "POST", body, params: { id } });
const writeBackOf = async (id: string) => ((await testDb.db.select({ settings: sources.settings }).from(sources).where(eq(sources.id, id)))[0].settings as { writeBack?: unknown }).writeBack;
const audits = (orgId: string) => testDb.db.select().from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, "source.write_back_field_create")));

/** Counts what passes the limiter the CRM's clients share in this process (the sync made it). */
function countLimiter(key: string) {
  const inner = sharedLimiter(key, () => {
    throw new Error("the sync should have made this limiter already");
  });
  const counter = { acquired: 0 };
  const acquire = inner.acquire.bind(inner);
  inner.acquire = () => {
    counter.acquired++;
    return acquire();
  };
  return counter;
}

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  b24 = await startBitrix24Mock({ deals: 4, seed: 21 });
  amo = await startAmoMock({ leads: 4, seed: 22 });
  const onB24 = await syncedSource(testDb.db, "bitrix24", b24.url, { kind: "bitrix24-webhook", webhookUrl: b24.webhookUrl });
  const onAmo = await syncedSource(testDb.db, "amocrm", amo.url, { kind: "amocrm-token", accessToken: amo.state.auth.longLivedToken });
  Object.assign(ids, { b24: onB24.source.id, amo: onAmo.source.id, orgB24: onB24.f.org.id, orgAmo: onAmo.f.org.id });
  const other = await createOrgFixture(testDb.db);
  const users = { admin: onB24.f.users.admin, director: onB24.f.users.director, adminAmo: onAmo.f.users.admin, adminB: other.users.admin };
  for (const [who, user] of Object.entries(users)) token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
});
afterAll(async () => {
  await b24.close();
  await amo.close();
  await testDb.close();
});

describe("POST /api/sources/:id/write-back/fields — Bitrix24", () => {
  it("creates an integer deal field for the win probability through the portal's limiter, maps it and audits it", async () => {
    const limiter = countLimiter(`bitrix24:${hostOf(b24.url)}`);
    const before = b24.state.stats.requests;
    const answer = await create(ids.b24, { key: "win_probability" });
    expect(answer.status).toBe(201);
    expect(answer.body.field).toEqual({ id: "UF_CRM_VRN_WIN_PROB", name: "Воронка: Вероятность выигрыша, %", type: "integer" });
    expect(answer.body.settings).toEqual({ isEnabled: false, fields: { win_probability: "UF_CRM_VRN_WIN_PROB" } });
    // In the portal: one userfield.add, the field with its label, and the list read before it — 2 requests, both through the limiter.
    expect(b24.state.stats.byMethod["crm.deal.userfield.add"]).toBe(1);
    expect(b24.userFields.deal.at(-1)).toMatchObject({ ENTITY_ID: "CRM_DEAL", FIELD_NAME: "UF_CRM_VRN_WIN_PROB", USER_TYPE_ID: "integer", MULTIPLE: "N", label: "Воронка: Вероятность выигрыша, %" });
    expect(b24.state.stats.requests - before).toBe(2);
    expect(limiter.acquired).toBe(2);
    expect(await writeBackOf(ids.b24)).toEqual({ isEnabled: false, fields: { win_probability: "UF_CRM_VRN_WIN_PROB" } });
    // The form's list now offers it, and the audit names it.
    const view = await callRoute(writeBack.GET, `/api/sources/${ids.b24}/write-back`, { as: { token: token.admin }, params: { id: ids.b24 } });
    expect(view.body.crmFields.deal).toContainEqual({ id: "UF_CRM_VRN_WIN_PROB", name: "Воронка: Вероятность выигрыша, %", type: "integer" });
    const [audit] = await audits(ids.orgB24);
    expect(audit).toMatchObject({ targetId: ids.b24, details: { key: "win_probability", entity: "deal", id: "UF_CRM_VRN_WIN_PROB", type: "integer" } });
  });

  it("creates the LTV as a decimal contact field under the admin's name, keeping the other choices", async () => {
    const answer = await create(ids.b24, { key: "customer_ltv", name: "  LTV по Воронке " });
    expect(answer.status).toBe(201);
    expect(answer.body.field).toEqual({ id: "UF_CRM_VRN_LTV", name: "LTV по Воронке", type: "double" });
    expect(b24.userFields.contact.at(-1)).toMatchObject({ ENTITY_ID: "CRM_CONTACT", FIELD_NAME: "UF_CRM_VRN_LTV", USER_TYPE_ID: "double", label: "LTV по Воронке" });
    expect(await writeBackOf(ids.b24)).toEqual({ isEnabled: false, fields: { win_probability: "UF_CRM_VRN_WIN_PROB", customer_ltv: "UF_CRM_VRN_LTV" } });
  });

  it("a name or code the portal already has is refused with 409, and nothing is created", async () => {
    const adds = () => (b24.state.stats.byMethod["crm.deal.userfield.add"] ?? 0) + (b24.state.stats.byMethod["crm.contact.userfield.add"] ?? 0);
    const before = { adds: adds(), settings: await writeBackOf(ids.b24) };
    const again = await create(ids.b24, { key: "win_probability" }); // UF_CRM_VRN_WIN_PROB exists now
    expect([again.status, again.body.error.code, again.body.error.params]).toEqual([409, "write_back_field_exists", { field: "UF_CRM_VRN_WIN_PROB", name: "Воронка: Вероятность выигрыша, %" }]);
    const sameName = await create(ids.b24, { key: "traffic_team", name: "трафик-команда" }); // the portal's «Трафик-команда», any case
    expect([sameName.status, sameName.body.error.code, sameName.body.error.params]).toEqual([409, "write_back_field_exists", { field: "UF_CRM_VORONKA_TEAM", name: "Трафик-команда" }]);
    expect(adds()).toBe(before.adds);
    expect(await writeBackOf(ids.b24)).toEqual(before.settings);
  });

  it("a webhook user who is not a CRM administrator: 403 write_back_field_no_rights with the portal's words; nothing stored or audited", async () => {
    const before = { fields: b24.userFields.deal.length, settings: await writeBackOf(ids.b24), audits: (await audits(ids.orgB24)).length };
    b24.state.isCrmAdmin = false;
    try {
      const answer = await create(ids.b24, { key: "traffic_confidence" });
      expect([answer.status, answer.body.error.code, answer.body.error.params]).toEqual([403, "write_back_field_no_rights", { words: "Access denied." }]);
    } finally {
      b24.state.isCrmAdmin = true;
    }
    expect(b24.userFields.deal).toHaveLength(before.fields);
    expect(await writeBackOf(ids.b24)).toEqual(before.settings);
    expect(await audits(ids.orgB24)).toHaveLength(before.audits);
  });

  it("the portal refusing the field itself (its code taken by a date field, which the list does not offer): 422 with the portal's words", async () => {
    b24.userFields.deal.push({ ID: "390", ENTITY_ID: "CRM_DEAL", FIELD_NAME: "UF_CRM_VRN_TEAM", USER_TYPE_ID: "date", MULTIPLE: "N", MANDATORY: "N", label: "Дата команды" });
    const answer = await create(ids.b24, { key: "traffic_team" });
    expect([answer.status, answer.body.error.code, answer.body.error.params]).toEqual([422, "write_back_field_refused", { words: "Поле UF_CRM_VRN_TEAM уже существует." }]);
    expect(await writeBackOf(ids.b24)).not.toHaveProperty("fields.traffic_team");
  });

  it("bad input, a director, another organisation and a shop source are refused", async () => {
    expect((await create(ids.b24, { key: "deal_score" })).body.error).toMatchObject({ code: "validation_error", field: "key" });
    expect((await create(ids.b24, { key: "utm_term", name: "   " })).body.error).toMatchObject({ code: "validation_error", field: "name" });
    expect((await create(ids.b24, { key: "utm_term", name: "x".repeat(51) })).body.error).toMatchObject({ code: "validation_error", field: "name" });
    expect((await create(ids.b24, { key: "utm_term" }, "director")).status).toBe(403);
    expect((await create(ids.b24, { key: "utm_term" }, "adminB")).status).toBe(404);
    expect((await create("not-a-uuid", { key: "utm_term" })).status).toBe(400);
    const [shop] = await testDb.db.insert(sources).values({ orgId: ids.orgB24, kind: "shop", name: "Магазин", webhookSecret: "shop-secret-2" }).returning();
    expect((await create(shop.id, { key: "utm_term" })).body.error.code).toBe("write_back_crm_only");
    expect(b24.userFields.deal.some((field) => field.FIELD_NAME === "UF_CRM_VRN_UTM_TERM")).toBe(false);
  });
});

describe("POST /api/sources/:id/write-back/fields — amoCRM", () => {
  it("creates a text lead field with POST /api/v4/leads/custom_fields through the account's limiter and maps its id", async () => {
    const limiter = countLimiter(`amocrm:${hostOf(amo.url)}`);
    const before = amo.state.stats.requests;
    const answer = await create(ids.amo, { key: "traffic_team", name: "Команда трафика (Воронка)" }, "adminAmo");
    expect(answer.status).toBe(201);
    const created = amo.state.tables.fields.leads.at(-1)!;
    expect(created).toMatchObject({ name: "Команда трафика (Воронка)", type: "text", entity_type: "leads" });
    expect(answer.body.field).toEqual({ id: String(created.id), name: "Команда трафика (Воронка)", type: "text" });
    expect(amo.state.stats.byMethod["POST /api/v4/leads/custom_fields"]).toBe(1);
    expect(amo.state.stats.requests - before).toBe(2); // the list, then the POST
    expect(limiter.acquired).toBe(2);
    expect(await writeBackOf(ids.amo)).toEqual({ isEnabled: false, fields: { traffic_team: String(created.id) } });

    // Writing on: the 4 leads' teams land in the new field (a lead with no team gets nothing).
    await setWriteBack(testDb.db, ids.amo, { isEnabled: true, fields: { traffic_team: String(created.id) } });
    const teams = await dealsByTeam(testDb.db, ids.orgAmo, ids.amo);
    expect(teams[""] ?? 0).toBeLessThan(4); // seed 22: some lead has a team
    expect(await runWriteBack(testDb.db, ids.orgAmo, ids.amo, { deps: fastDeps })).toMatchObject({ queued: 4 - (teams[""] ?? 0), dead: 0 });
    const written = amo.state.mutations.rows("lead").flatMap((row) => ((row.custom_fields_values as { field_id: number; values: { value: string }[] }[] | null) ?? []).filter((value) => value.field_id === created.id));
    expect(written.map((value) => value.values[0].value).sort()).toEqual(Object.entries(teams).flatMap(([team, n]) => (team ? Array(n).fill(team) : [])).sort());
    await setWriteBack(testDb.db, ids.amo, { isEnabled: false, fields: { traffic_team: String(created.id) } });
  });

  it("creates the customer category as a text contact field; a numeric LTV field is numeric", async () => {
    const category = await create(ids.amo, { key: "customer_category" }, "adminAmo");
    expect(category.body.field).toMatchObject({ name: "Воронка: Категория клиента", type: "text" });
    expect(amo.state.tables.fields.contacts.at(-1)).toMatchObject({ id: Number(category.body.field.id), entity_type: "contacts", type: "text" });
    const ltv = await create(ids.amo, { key: "customer_ltv", name: "LTV (Воронка)" }, "adminAmo");
    expect(ltv.body.field).toMatchObject({ name: "LTV (Воронка)", type: "numeric" });
  });

  it("a user who may not manage fields: 403 write_back_field_no_rights with amoCRM's words; an existing name: 409", async () => {
    const before = await writeBackOf(ids.amo);
    amo.state.canManageFields = false;
    try {
      const answer = await create(ids.amo, { key: "win_probability" }, "adminAmo");
      expect([answer.status, answer.body.error.code, answer.body.error.params]).toEqual([403, "write_back_field_no_rights", { words: "Forbidden: Access denied" }]); // amoCRM's title and detail
    } finally {
      amo.state.canManageFields = true;
    }
    const taken = await create(ids.amo, { key: "traffic_confidence", name: "Уверенность атрибуции" }, "adminAmo");
    expect([taken.status, taken.body.error.code]).toEqual([409, "write_back_field_exists"]);
    expect(await writeBackOf(ids.amo)).toEqual(before);
    expect(amo.state.stats.byMethod["POST /api/v4/leads/custom_fields"]).toBe(2); // the refused one reached amoCRM; the taken name did not
  });
});
