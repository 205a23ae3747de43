// An organisation that sells through amoCRM alone: after a real sync against the mock account, its
// lead dashboards (leads by source, lead conversion), the overview's lead KPIs and the traffic
// report count amoCRM leads — unsorted inbox leads with their channel, the qualified-stage setting.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAmoMock, type AmoMock } from "@/e2e/mocks/amocrm-mock";
import { AMO_PIPELINES, type AmoRow } from "@/e2e/mocks/amocrm-data";
import { adSpend, attributionRules, crmUsers, leads, pipelines, stages, trafficTeams } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { updateSource } from "@/lib/sources/manage-sources";
import { runSync } from "@/lib/sync/engine";
import { addCrmSource, factsAndRebuild } from "@/lib/sync/test-helpers";
import { resolvePeriod, type ReportFilters } from "./filters";
import { getLeadConversion } from "./lead-conversion";
import { getLeadsBySource } from "./leads-by-source";
import { getOverviewKpis } from "./overview-kpis";
import { getTrafficTeams } from "./traffic-teams";

let testDb: TestDb;
let mock: AmoMock;
let f: OrgFixture;
let sourceId: string;
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };
// The mock's changes happen on 2 January 2026 in Almaty (its clock starts at 2026-01-02 00:00 +05:00).
const now = new Date("2026-01-20T09:00:00Z");
const january: ReportFilters = { from: "2026-01-01", to: "2026-01-31" };
const [SALES, REPEAT] = AMO_PIPELINES;
const status = (pipeline: (typeof AMO_PIPELINES)[number], name: string) => pipeline.statuses.find((s) => s.name === name)!.id;
const [ASEL, IGOR, DINA] = [7902110, 7902111, 7902112];

function lead(name: string, pipeline: (typeof AMO_PIPELINES)[number], statusName: string, responsible: number, price: number, utmSource?: string): AmoRow {
  return {
    name, price, responsible_user_id: responsible, updated_by: responsible, pipeline_id: pipeline.id, status_id: status(pipeline, statusName), is_deleted: false,
    custom_fields_values: utmSource ? [{ field_id: 1, field_name: "utm_source", field_code: "UTM_SOURCE", field_type: "tracking_data", values: [{ value: utmSource }] }] : null,
    _embedded: { tags: [], contacts: [], companies: [] },
  };
}

const sync = (mode: "full" | "incremental") => runSync(testDb.db, f.org.id, sourceId, { mode, deps: { amocrm: { backoff: { baseMs: 5, maxMs: 50 }, timeoutMs: 2000 } } });
const unsortedUids: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDb();
  mock = await startAmoMock({ leads: 0, perSecond: false });
  // The fixture's Bitrix24 source stays empty: every lead and deal comes from amoCRM.
  f = await createOrgFixture(testDb.db);
  const a = mock.state.auth;
  sourceId = (await addCrmSource(testDb.db, f.org.id, "amocrm", mock.url, { kind: "amocrm-token", accessToken: a.longLivedToken }, { currency: "KZT" })).id;
  // Traffic teams: google → Alpha, yandex → Beta (stamped on arrival), with January spend.
  const [alpha, beta] = await testDb.db.insert(trafficTeams).values([{ orgId: f.org.id, name: "Alpha" }, { orgId: f.org.id, name: "Beta" }]).returning();
  await testDb.db.insert(attributionRules).values([
    { orgId: f.org.id, teamId: alpha.id, field: "utm_source", match: "equals", pattern: "google" },
    { orgId: f.org.id, teamId: beta.id, field: "utm_source", match: "equals", pattern: "yandex" },
  ]);
  await testDb.db.insert(adSpend).values([
    { orgId: f.org.id, teamId: alpha.id, day: "2026-01-05", utmSource: "google", amount: "40000", currency: "KZT" },
    { orgId: f.org.id, teamId: beta.id, day: "2026-01-05", utmSource: "yandex", amount: "5000", currency: "KZT" },
  ]);

  const m = mock.state.mutations;
  // Six leads made in the pipelines, four moved on (each move is a lead_status_changed event):
  // A open, B → Переговоры, C → won, D → lost (all «Воронка»); E → Счёт выставлен, F → won («Повторные продажи»).
  m.add("lead", lead("A", SALES, "Первичный контакт", ASEL, 10_000, "google"));
  const b = m.add("lead", lead("B", SALES, "Первичный контакт", ASEL, 20_000, "google"));
  const c = m.add("lead", lead("C", SALES, "Первичный контакт", IGOR, 300_000, "yandex"));
  const d = m.add("lead", lead("D", SALES, "Первичный контакт", IGOR, 40_000));
  const e = m.add("lead", lead("E", REPEAT, "Новый заказ", DINA, 50_000, "google"));
  const fl = m.add("lead", lead("F", REPEAT, "Новый заказ", DINA, 60_000));
  m.update("lead", Number(b.id), { status_id: status(SALES, "Переговоры") });
  m.update("lead", Number(c.id), { status_id: 142 });
  m.update("lead", Number(d.id), { status_id: 143 });
  m.update("lead", Number(e.id), { status_id: status(REPEAT, "Счёт выставлен") });
  m.update("lead", Number(fl.id), { status_id: 142 });
  // Four requests in «Неразобранное»: a form (utm google), a chat, a call, and an e-mail to «Повторные продажи».
  unsortedUids.form = String(mock.state.unsorted.add("forms", lead("U-form", SALES, "Неразобранное", ASEL, 0, "google")).uid);
  unsortedUids.chat = String(mock.state.unsorted.add("chats", lead("U-chat", SALES, "Неразобранное", IGOR, 0)).uid);
  unsortedUids.call = String(mock.state.unsorted.add("sip", lead("U-call", SALES, "Неразобранное", ASEL, 0)).uid);
  unsortedUids.mail = String(mock.state.unsorted.add("mail", lead("U-mail", REPEAT, "Неразобранное", DINA, 0), REPEAT.id).uid);
  expect((await sync("full")).status).toBe("succeeded");
  // Асель is Alice in Voronka: Alice, a manager, sees Асель's leads.
  await testDb.db.update(crmUsers).set({ userId: f.users.alice.id }).where(and(eq(crmUsers.sourceId, sourceId), eq(crmUsers.externalId, String(ASEL))));
});
afterAll(async () => {
  await mock.close();
  await testDb.close();
});

type Who = "admin" | "alice";
function contextOf(who: Who, filters: ReportFilters = january) {
  const user = f.users[who];
  const scope = scopeOf({ orgId: user.orgId, role: user.role, userId: user.id, departmentId: user.departmentId });
  return { db: testDb.db, scope, org, filters, period: resolvePeriod(filters, org.timezone, now), now };
}
const totals = async (who: Who = "admin", filters?: ReportFilters) => (await getLeadConversion(contextOf(who, filters))).totals;
const kpi = async (name: string) => (await getOverviewKpis(contextOf("admin"))).rows.find((row) => row.kpi === name)!.value;
const stageId = async (pipelineExt: number, statusExt: number) => {
  const [row] = await testDb.db
    .select({ id: stages.id, pipelineId: stages.pipelineId })
    .from(stages)
    .innerJoin(pipelines, eq(pipelines.id, stages.pipelineId))
    .where(and(eq(stages.sourceId, sourceId), eq(pipelines.externalId, String(pipelineExt)), eq(stages.externalId, String(statusExt))));
  return row;
};

describe("an amoCRM-only organisation's leads", () => {
  it("counts every amoCRM lead and every inbox request as a lead; converted by default = reached a won stage", async () => {
    // 6 pipeline leads + 4 inbox requests = 10; converted: C and F (won) = 2; 2 ÷ 10 = 0.2.
    expect(await totals()).toMatchObject({ leads: 10, converted: 2, conversionRate: 0.2 });
    // The overview: 10 new leads in January, conversion 2 ÷ 10.
    expect(await kpi("newLeads")).toBe(10);
    expect(await kpi("leadConversion")).toBe(0.2);
  });

  it("gives inbox requests their channel: form, chat, call, mail", async () => {
    const result = await getLeadsBySource(contextOf("admin"));
    expect(result.totals).toEqual({ leads: 10, converted: 2, conversionRate: 0.2 });
    // 6 leads without a channel (their amoCRM source field is empty), one per inbox category.
    expect(result.rows.map((row) => [row.source, row.leads, row.converted])).toEqual([
      [null, 6, 2],
      ["Звонок", 1, 0],
      ["Почта", 1, 0],
      ["Форма", 1, 0],
      ["Чат", 1, 0],
    ]);
    // By utm_source: google A, B, E and the form = 4; yandex C = 1 (converted); none 5 (D, F converted).
    expect(result.byUtmSource.map((row) => [row.source, row.leads, row.converted])).toEqual([
      [null, 5, 1],
      ["google", 4, 0],
      ["yandex", 1, 1],
    ]);
  });

  it("is filtered by source and by the viewer's scope", async () => {
    expect(await totals("admin", { ...january, sourceId })).toMatchObject({ leads: 10, converted: 2 });
    // The empty Bitrix24 source of the same organisation: nothing.
    expect(await totals("admin", { ...january, sourceId: f.source.id })).toMatchObject({ leads: 0, converted: 0 });
    // Alice (Асель in amoCRM): A, B, the form and the call = 4, none won.
    expect(await totals("alice")).toMatchObject({ leads: 4, converted: 0, conversionRate: 0 });
  });

  it("gives the traffic teams their amoCRM leads, CPL and conversion", async () => {
    const result = await getTrafficTeams(contextOf("admin"));
    const team = (name: string) => result.rows.find((row) => row.teamName === name)!;
    // Alpha (google): A, B, E and the form = 4 leads, no sale; CPL 40 000 ÷ 4 = 10 000; conversion 0 ÷ 4.
    expect(team("Alpha")).toMatchObject({ leads: 4, wonDeals: 0, spend: "40000.00", cpl: "10000.00", conversionRate: 0 });
    // Beta (yandex): C = 1 lead, won 300 000 ₸; CPL 5 000 ÷ 1; conversion 1 ÷ 1.
    expect(team("Beta")).toMatchObject({ leads: 1, wonDeals: 1, revenue: "300000.00", spend: "5000.00", cpl: "5000.00", conversionRate: 1 });
  });

  it("counts the qualified stage an admin chooses per pipeline, at or past it", async () => {
    const negotiation = await stageId(SALES.id, status(SALES, "Переговоры"));
    const admin = { orgId: f.org.id, userId: f.users.admin.id };
    await updateSource(testDb.db, admin, sourceId, { qualifiedStages: { [negotiation.pipelineId]: negotiation.id } });
    // «Воронка» qualifies at Переговоры: B (there) and C (won, past it); D went straight to lost, A and the
    // inbox leads are before it. «Повторные продажи» still counts won: F. 3 ÷ 10.
    expect(await totals()).toMatchObject({ leads: 10, converted: 3, conversionRate: 0.3 });
    const newOrder = await stageId(REPEAT.id, status(REPEAT, "Новый заказ"));
    await updateSource(testDb.db, admin, sourceId, { qualifiedStages: { [newOrder.pipelineId]: newOrder.id } });
    // «Повторные продажи» at Новый заказ: E (Счёт выставлен, later) and F (won); the e-mail request sits
    // in «Неразобранное», before it. B, C, E, F = 4 ÷ 10.
    expect(await totals()).toMatchObject({ leads: 10, converted: 4, conversionRate: 0.4 });
    expect(await kpi("leadConversion")).toBe(0.4);
    // Back to "won" for «Воронка»: C and, in «Повторные продажи», E and F = 3.
    await updateSource(testDb.db, admin, sourceId, { qualifiedStages: { [negotiation.pipelineId]: null } });
    expect(await totals()).toMatchObject({ leads: 10, converted: 3 });
    const { written, rebuilt } = await factsAndRebuild(testDb.db, f.org.id);
    expect(written).toEqual(rebuilt);
  });

  it("refuses a qualified stage that is lost, of another pipeline, or on a Bitrix24 source", async () => {
    const admin = { orgId: f.org.id, userId: f.users.admin.id };
    const lost = await stageId(SALES.id, 143);
    const other = await stageId(REPEAT.id, status(REPEAT, "Новый заказ"));
    await expect(updateSource(testDb.db, admin, sourceId, { qualifiedStages: { [lost.pipelineId]: lost.id } })).rejects.toMatchObject({ code: "qualified_stage_invalid" });
    await expect(updateSource(testDb.db, admin, sourceId, { qualifiedStages: { [lost.pipelineId]: other.id } })).rejects.toMatchObject({ code: "qualified_stage_invalid" });
    await expect(updateSource(testDb.db, admin, f.source.id, { qualifiedStages: {} })).rejects.toMatchObject({ code: "qualified_stages_amocrm_only" });
  });

  it("keeps an accepted inbox request as the same lead with its channel; a declined one is gone", async () => {
    mock.state.unsorted.accept(unsortedUids.form);
    mock.state.unsorted.decline(unsortedUids.call);
    expect((await sync("full")).status).toBe("succeeded");
    const rows = await testDb.db.select({ title: leads.title, channel: leads.channel, deletedAt: leads.deletedAt }).from(leads).where(eq(leads.sourceId, sourceId));
    const byTitle = Object.fromEntries(rows.map((row) => [row.title, row]));
    expect(rows).toHaveLength(10);
    expect(byTitle["U-form"]).toMatchObject({ channel: "Форма", deletedAt: null });
    expect(byTitle["U-call"].deletedAt).not.toBeNull();
    // 10 − the declined call = 9 leads; converted (qualified: won, and Новый заказ in «Повторные продажи»): C, E, F = 3.
    expect(await totals()).toMatchObject({ leads: 9, converted: 3, conversionRate: 0.3333 });
    const { written, rebuilt } = await factsAndRebuild(testDb.db, f.org.id);
    expect(written).toEqual(rebuilt);
  });
});
