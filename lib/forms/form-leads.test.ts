// Matching site form submissions to the CRM, and the Leads dashboard's figures for them: phones
// spelled differently, e-mail in another case, the 14-day window, a CRM lead that arrives later,
// who sees what, and a matched submission counted once in the lead reports.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formLeads, leads, organisations, sources } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { applyContacts, applyDeals, applyLeads } from "@/lib/canonical";
import { drainInbox } from "@/lib/ingest/process/drain";
import { storeInboxEvent } from "@/lib/ingest/receive/inbox";
import { resolvePeriod } from "@/lib/reports/filters";
import { getLeadConversion } from "@/lib/reports/lead-conversion";
import { getLeadsBySource } from "@/lib/reports/leads-by-source";
import { getTrafficTeams } from "@/lib/reports/traffic-teams";
import { listLeads, parseLeadListQuery } from "@/lib/leads/lead-list";
import { rematchFormLeads } from "./match";

let testDb: TestDb;
let f: OrgFixture;
let form: typeof sources.$inferSelect;
const now = new Date();
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);
const day = (d: Date) => d.toISOString().slice(0, 10);

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  await testDb.db.update(organisations).set({ country: "RU" }).where(eq(organisations.id, f.org.id));
  [form] = await testDb.db.insert(sources).values({ orgId: f.org.id, kind: "form", name: "Лендинг школы", webhookSecret: "s".repeat(32) }).returning();
  const crm = { id: f.source.id, orgId: f.org.id };
  await applyContacts(testDb.db, crm, [
    { externalId: "c1", name: "Анна", phone: "+7 (912) 345-67-89" },
    { externalId: "c2", name: "Мария", email: "Maria@Example.com" },
    { externalId: "c3", name: "Старый", phone: "+7 900 000-00-03" },
    { externalId: "c4", name: "Без формата", phone: "12-34-5" },
  ]);
  await applyLeads(testDb.db, crm, [
    { externalId: "L1", title: "Анна", statusSemantic: "open", contactExternalId: "c1", crmUserExternalId: "1", createdAt: hours(1) },
    // 20 days before the submission: outside the 14-day window.
    { externalId: "L3", title: "Старый", statusSemantic: "open", contactExternalId: "c3", crmUserExternalId: "2", createdAt: hours(-20 * 24) },
    { externalId: "L4", title: "Без формата", statusSemantic: "open", contactExternalId: "c4", crmUserExternalId: "1", createdAt: hours(2) },
  ]);
  await applyDeals(testDb.db, crm, [
    { externalId: "D2", title: "Мария", pipelineExternalId: "0", stageExternalId: "NEW", amount: "1000", currency: "KZT", contactExternalId: "c2", crmUserExternalId: "3", createdAt: hours(-48) },
  ]);
  const submissions: Record<string, string>[] = [
    { tranid: "1:1", Phone: "+7 (912) 345-67-89", formname: "Курс", utm_source: "yandex" },
    { tranid: "1:2", Phone: "89123456789", formname: "Курс", utm_source: "yandex" },
    { tranid: "1:3", Phone: "8 912 345 67 89", formname: "Курс", utm_source: "vk" },
    { tranid: "1:4", Email: "MARIA@EXAMPLE.COM", formname: "Консультация", utm_source: "vk" },
    { tranid: "1:5", Phone: "+7 900 000 00 03", formname: "Консультация" },
    { tranid: "1:6", Phone: "1-23-45", formname: "Курс", utm_source: "yandex" },
    { tranid: "1:7", Name: "Потерянный", Phone: "+7 999 111 22 33", formname: "Курс", utm_source: "yandex" },
    { tranid: "1:8", Name: "Никто", Email: "nobody@example.com", formname: "Консультация", utm_source: "google" },
  ];
  for (const fields of submissions) {
    const body = new URLSearchParams(fields).toString();
    await storeInboxEvent(testDb.db, { orgId: f.org.id, sourceId: form.id, eventType: "form", contentType: "application/x-www-form-urlencoded", headers: {}, body, status: "pending" });
  }
  expect(await drainInbox(testDb.db, { orgId: f.org.id })).toMatchObject({ done: 8, rejected: 0 });
});
afterAll(() => testDb.close());

const matchOf = async (tranid: string) => {
  const [row] = await testDb.db
    .select({ matchedLeadId: formLeads.matchedLeadId, matchedDealId: formLeads.matchedDealId })
    .from(formLeads)
    .innerJoin(leads, eq(leads.id, formLeads.leadId))
    .where(and(eq(leads.sourceId, form.id), eq(leads.externalId, `tranid:${tranid}`)));
  return row;
};
const crmLeadId = async (externalId: string) => (await testDb.db.select({ id: leads.id }).from(leads).where(and(eq(leads.sourceId, f.source.id), eq(leads.externalId, externalId))))[0].id;

type Who = "admin" | "director" | "carol" | "bob";
function context(who: Who) {
  const user = f.users[who];
  const filters = { from: day(hours(-60 * 24)), to: day(hours(48)) };
  const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };
  const scope = scopeOf({ orgId: user.orgId, role: user.role, userId: user.id, departmentId: user.departmentId });
  return { db: testDb.db, scope, org, filters, period: resolvePeriod(filters, org.timezone, now), now };
}

describe("matching", () => {
  it("matches one phone however it was typed: +7 (912) 345-67-89, 89123456789 and 8 912 345 67 89 all reach CRM lead L1", async () => {
    const l1 = await crmLeadId("L1");
    for (const tranid of ["1:1", "1:2", "1:3"]) expect(await matchOf(tranid), tranid).toEqual({ matchedLeadId: l1, matchedDealId: null });
  });

  it("matches an e-mail in another case to the deal of the contact", async () => {
    expect((await matchOf("1:4")).matchedDealId).not.toBeNull();
  });

  it("matches a phone libphonenumber cannot read by its digits (1-23-45 and 12-34-5)", async () => {
    expect((await matchOf("1:6")).matchedLeadId).toBe(await crmLeadId("L4"));
  });

  it("leaves lost a submission whose CRM lead is 20 days older (outside the 14-day window), or that has none", async () => {
    for (const tranid of ["1:5", "1:7", "1:8"]) expect(await matchOf(tranid), tranid).toEqual({ matchedLeadId: null, matchedDealId: null });
  });
});

describe("the Leads dashboard's forms card", () => {
  it("counts, for an admin, 8 submissions: 5 reached the CRM, 3 lost — per form, per utm_source, and the 3 lost listed", async () => {
    const { forms } = await getLeadsBySource(context("admin"));
    expect(forms.totals).toEqual({ formLeads: 8, reached: 5, lost: 3, reachedRate: 0.625 });
    // Курс: 1:1, 1:2, 1:3, 1:6 reached + 1:7 lost = 5; Консультация: 1:4 reached + 1:5, 1:8 lost = 3.
    expect(forms.byForm).toEqual([
      { form: "Курс", formLeads: 5, reached: 4, lost: 1, reachedRate: 0.8 },
      { form: "Консультация", formLeads: 3, reached: 1, lost: 2, reachedRate: 0.3333 },
    ]);
    // yandex: 1:1, 1:2, 1:6 reached + 1:7 lost; vk: 1:3, 1:4 reached; google: 1:8 lost; none: 1:5 lost.
    expect(forms.byUtmSource).toEqual([
      { utmSource: "yandex", formLeads: 4, reached: 3, lost: 1, reachedRate: 0.75 },
      { utmSource: "vk", formLeads: 2, reached: 2, lost: 0, reachedRate: 1 },
      { utmSource: "google", formLeads: 1, reached: 0, lost: 1, reachedRate: 0 },
      { utmSource: null, formLeads: 1, reached: 0, lost: 1, reachedRate: 0 },
    ]);
    expect(forms.lostList).toHaveLength(forms.totals.lost);
    expect(forms.lostList.map((row) => row.phone ?? row.email).sort()).toEqual(["+7 900 000 00 03", "+7 999 111 22 33", "nobody@example.com"]);
    expect(forms.lostList.find((row) => row.email === "nobody@example.com")).toMatchObject({ name: "Никто", form: "Консультация", utmSource: "google", sourceName: "Лендинг школы" });
    expect(forms.lostListTruncated).toBe(false);
  });

  it("shows a director only what reached their department's managers (alice: 1:1, 1:2, 1:3, 1:6) and no lost submission", async () => {
    const { forms } = await getLeadsBySource(context("director"));
    expect(forms.totals).toEqual({ formLeads: 4, reached: 4, lost: 0, reachedRate: 1 });
    expect(forms.lostList).toEqual([]);
  });

  it("shows a manager only what reached them: carol the e-mail one, bob nothing", async () => {
    expect((await getLeadsBySource(context("carol"))).forms.totals).toMatchObject({ formLeads: 1, reached: 1, lost: 0 });
    expect((await getLeadsBySource(context("bob"))).forms.totals).toMatchObject({ formLeads: 0, reached: 0, lost: 0 });
  });

  it("filters by source: the form source keeps all 8, the CRM source none", async () => {
    const byForm = context("admin");
    expect((await getLeadsBySource({ ...byForm, filters: { ...byForm.filters, sourceId: form.id } })).forms.totals.formLeads).toBe(8);
    expect((await getLeadsBySource({ ...byForm, filters: { ...byForm.filters, sourceId: f.source.id } })).forms.totals.formLeads).toBe(0);
  });
});

describe("the forms card's figures and their lead lists", () => {
  /** The lead list's total for the card's filters plus the clicked figure, as its link asks. */
  async function listed(who: Who, bucket: Record<string, string>) {
    const { scope, filters } = context(who);
    const { filters: listFilters, page } = parseLeadListQuery(new URLSearchParams({ ...filters, ...bucket }));
    return (await listLeads(testDb.db, scope, listFilters, page, now)).total;
  }

  it.each(["admin", "director"] as const)("for %s, every reached and lost count of the card equals its list", async (who) => {
    const { forms } = await getLeadsBySource(context(who));
    expect(await listed(who, { matched: "reached" })).toBe(forms.totals.reached);
    expect(await listed(who, { matched: "lost" })).toBe(forms.totals.lost);
    expect(await listed(who, { matched: "all" })).toBe(forms.totals.formLeads);
    for (const row of forms.byForm) {
      const form: Record<string, string> = row.form === null ? { notSet: "form" } : { form: row.form };
      expect(await listed(who, { matched: "all", ...form }), `${row.form}`).toBe(row.formLeads);
      expect(await listed(who, { matched: "reached", ...form }), `${row.form} reached`).toBe(row.reached);
      expect(await listed(who, { matched: "lost", ...form }), `${row.form} lost`).toBe(row.lost);
    }
    for (const row of forms.byUtmSource) {
      const utm: Record<string, string> = row.utmSource === null ? { notSet: "utmSource" } : { utmSource: row.utmSource };
      expect(await listed(who, { matched: "reached", ...utm }), `${row.utmSource} reached`).toBe(row.reached);
      expect(await listed(who, { matched: "lost", ...utm }), `${row.utmSource} lost`).toBe(row.lost);
    }
  });

  it("lists for an admin Курс's 1 lost submission (1:7) and Консультация's 2; a director sees none lost", async () => {
    expect(await listed("admin", { matched: "lost", form: "Курс" })).toBe(1);
    expect(await listed("admin", { matched: "lost", form: "Консультация" })).toBe(2);
    expect(await listed("director", { matched: "lost" })).toBe(0);
    // alice's 1:1, 1:2, 1:3, 1:6 reached her
    expect(await listed("director", { matched: "reached" })).toBe(4);
  });
});

describe("a CRM lead that arrives later, and counting each person once", () => {
  it("counts leads as the CRM's 3 plus the 3 lost submissions (matched ones are their CRM lead), then matches a late CRM lead without changing the count", async () => {
    // CRM leads L1, L3, L4 (the deal is no lead in Bitrix24) + lost submissions 1:5, 1:7, 1:8 = 6.
    expect((await getLeadConversion(context("admin"))).totals.leads).toBe(6);
    // The traffic dashboard counts leads by the same rule: 6 again.
    expect((await getTrafficTeams(context("admin"))).totals.allLeads).toBe(6);
    const crm = { id: f.source.id, orgId: f.org.id };
    await applyContacts(testDb.db, crm, [{ externalId: "c7", name: "Потерянный", phone: "8 (999) 111-22-33" }]);
    await applyLeads(testDb.db, crm, [{ externalId: "L7", title: "Потерянный", statusSemantic: "open", contactExternalId: "c7", crmUserExternalId: "2", createdAt: hours(3) }]);
    expect(await rematchFormLeads(testDb.db, f.org.id)).toHaveLength(1);
    expect((await matchOf("1:7")).matchedLeadId).toBe(await crmLeadId("L7"));
    // L1, L3, L4, L7 + lost 1:5, 1:8 = 6 still: the submission became its CRM lead.
    expect((await getLeadConversion(context("admin"))).totals.leads).toBe(6);
    expect((await getLeadsBySource(context("admin"))).forms.totals).toEqual({ formLeads: 8, reached: 6, lost: 2, reachedRate: 0.75 });
    // bob (sales) now has 1:7: the director sees 5.
    expect((await getLeadsBySource(context("director"))).forms.totals).toMatchObject({ formLeads: 5, reached: 5 });
    const unmatched = await testDb.db.execute(sql`select count(*)::int as n from form_leads where org_id = ${f.org.id} and matched_lead_id is null and matched_deal_id is null`);
    expect(JSON.stringify(unmatched)).toContain('"n":2');
  });
});

describe("deleting the CRM source a submission reached", () => {
  it("makes the submissions it had reached lost again, and counted as leads", async () => {
    const { deleteSource } = await import("@/lib/sources/manage-sources");
    await deleteSource(testDb.db, { orgId: f.org.id, userId: f.users.admin.id }, f.source.id);
    // Every CRM lead and deal is gone: all 8 submissions are lost and each counts as a lead.
    expect((await getLeadsBySource(context("admin"))).forms.totals).toEqual({ formLeads: 8, reached: 0, lost: 8, reachedRate: 0 });
    expect((await getLeadConversion(context("admin"))).totals.leads).toBe(8);
  });
});
