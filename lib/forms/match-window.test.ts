// A form source's own match window: a CRM lead created 20 days after the form post is not matched
// with the default 14 days, and is once the admin sets 30; the setting is checked (1–90 whole days,
// a form source's alone) and a refusal changes nothing.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PATCH } from "@/app/api/sources/[id]/route";
import { formLeads, leads, organisations, sources } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { applyContacts, applyLeads } from "@/lib/canonical";
import { drainInbox } from "@/lib/ingest/process/drain";
import { storeInboxEvent } from "@/lib/ingest/receive/inbox";
import { rematchFormLeads } from "./match";

let testDb: TestDb;
let f: OrgFixture;
let form: typeof sources.$inferSelect;
let token: string;
const DAY = 86_400_000;

const patch = (id: string, body: unknown) => callRoute(PATCH, `/api/sources/${id}`, { as: { token }, method: "PATCH", body, params: { id } });
const settingsOf = async (id: string) => (await testDb.db.select({ settings: sources.settings }).from(sources).where(eq(sources.id, id)))[0].settings;
async function matchedLead() {
  const [row] = await testDb.db
    .select({ matched: leads.externalId })
    .from(formLeads)
    .leftJoin(leads, eq(leads.id, formLeads.matchedLeadId))
    .where(eq(formLeads.sourceId, form.id));
  return row.matched;
}

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  token = (await createApiToken(testDb.db, { orgId: f.org.id, userId: f.users.admin.id }, "test")).token;
  await testDb.db.update(organisations).set({ country: "RU" }).where(eq(organisations.id, f.org.id));
  [form] = await testDb.db.insert(sources).values({ orgId: f.org.id, kind: "form", name: "Лендинг", webhookSecret: "w".repeat(32) }).returning();
  const body = new URLSearchParams({ tranid: "9:1", Name: "Анна", Phone: "+7 912 345-67-89", formname: "Курс", gclid: "Cj0KCQiA-AbC" }).toString();
  await storeInboxEvent(testDb.db, { orgId: f.org.id, sourceId: form.id, eventType: "form", contentType: "application/x-www-form-urlencoded", headers: {}, body, status: "pending" });
  expect(await drainInbox(testDb.db, { orgId: f.org.id })).toMatchObject({ done: 1 });
  const [{ receivedAt }] = await testDb.db.select({ receivedAt: formLeads.receivedAt }).from(formLeads).where(eq(formLeads.sourceId, form.id));
  const crm = { id: f.source.id, orgId: f.org.id };
  await applyContacts(testDb.db, crm, [{ externalId: "c1", name: "Анна", phone: "8 (912) 345 67 89" }]);
  // The manager got round to the CRM lead 20 days after the form post.
  await applyLeads(testDb.db, crm, [{ externalId: "L20", title: "Анна", statusSemantic: "open", contactExternalId: "c1", createdAt: new Date(receivedAt.getTime() + 20 * DAY) }]);
  await rematchFormLeads(testDb.db, f.org.id);
});
afterAll(() => testDb.close());

describe("a form source's match window", () => {
  it("20 days apart: lost with the default 14-day window", async () => {
    expect(await settingsOf(form.id)).not.toHaveProperty("matchWindowDays");
    expect(await matchedLead()).toBeNull();
  });

  it("refuses 0, 91, 2.5, text and a CRM source, with the code and field, and changes nothing", async () => {
    for (const days of [0, 91, 2.5, "30", null]) {
      const answer = await patch(form.id, { matchWindowDays: days });
      expect({ days, status: answer.status, code: answer.body.error.code, field: answer.body.error.field }).toEqual({ days, status: 400, code: "match_window_invalid", field: "matchWindowDays" });
    }
    const crm = await patch(f.source.id, { matchWindowDays: 30 });
    expect([crm.status, crm.body.error.code, crm.body.error.field]).toEqual([400, "match_window_form_only", "matchWindowDays"]);
    expect(await settingsOf(form.id)).not.toHaveProperty("matchWindowDays");
    expect(await settingsOf(f.source.id)).not.toHaveProperty("matchWindowDays");
    expect(await matchedLead()).toBeNull();
  });

  it("the form lead keeps the gclid of the form's hidden field, as sent", async () => {
    const [row] = await testDb.db.select({ gclid: leads.gclid }).from(leads).where(eq(leads.sourceId, form.id));
    expect(row.gclid).toBe("Cj0KCQiA-AbC");
  });

  it("set to 30 days: saving re-matches, and the submission reached the CRM lead made 20 days later", async () => {
    expect((await patch(form.id, { matchWindowDays: 30 })).status).toBe(204);
    expect(await settingsOf(form.id)).toMatchObject({ matchWindowDays: 30 });
    expect(await matchedLead()).toBe("L20");
  });
});
