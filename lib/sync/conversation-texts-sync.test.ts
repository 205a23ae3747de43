// Conversation texts (issue 18) synced from the mock CRMs: Bitrix24 activity descriptions, call
// records and deal timeline comments; amoCRM notes of leads, contacts and companies — first sync,
// incremental changes, and deletions (full-pass reconciliation).
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startAmoMock, type AmoMock } from "@/e2e/mocks/amocrm-mock";
import { startBitrix24Mock, type Bitrix24Mock } from "@/e2e/mocks/bitrix24-mock";
import { activities, conversationTexts, crmUsers, deals } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { contentHashOf } from "@/lib/canonical";
import { getDealCard } from "@/lib/deals/deal-card";
import { runSync, type RunOptions } from "./engine";
import { addCrmSource } from "./test-helpers";

let testDb: TestDb;
const closers: (Bitrix24Mock | AmoMock)[] = [];
const deps = { bitrix24: { backoff: { baseMs: 5, maxMs: 50 }, timeoutMs: 2000 }, amocrm: { backoff: { baseMs: 5, maxMs: 50 }, timeoutMs: 2000 } };

beforeAll(async () => {
  testDb = await createTestDb();
});
afterEach(async () => {
  while (closers.length) await closers.pop()!.close();
});
afterAll(() => testDb.close());

/** Live texts of a source: external id → what a reader checks. */
async function liveTexts(sourceId: string) {
  const rows = await testDb.db
    .select({ externalId: conversationTexts.externalId, kind: conversationTexts.kind, body: conversationTexts.body, deal: deals.externalId, recordingUrl: conversationTexts.recordingUrl, durationSeconds: conversationTexts.durationSeconds, contentHash: conversationTexts.contentHash, activityId: conversationTexts.activityId })
    .from(conversationTexts)
    .leftJoin(deals, eq(deals.id, conversationTexts.dealId))
    .where(and(eq(conversationTexts.sourceId, sourceId), isNull(conversationTexts.deletedAt)));
  return new Map(rows.map((row) => [row.externalId, row]));
}
const idsOfKind = (texts: Awaited<ReturnType<typeof liveTexts>>, kind: string) => [...texts.values()].filter((t) => t.kind === kind).map((t) => t.externalId).sort();

describe("Bitrix24 conversation texts", () => {
  async function setup() {
    const mock = await startBitrix24Mock({ deals: 40, seed: 31 });
    closers.push(mock);
    const f = await createOrgFixture(testDb.db);
    const source = await addCrmSource(testDb.db, f.org.id, "bitrix24", mock.url, { kind: "bitrix24-webhook", webhookUrl: mock.webhookUrl });
    const sync = (mode: RunOptions["mode"]) => runSync(testDb.db, f.org.id, source.id, { mode, deps });
    return { mock, f, source, sync };
  }

  it("a first sync brings every description, recorded call and deal comment, as plain text on the right deal, counted in the progress", async () => {
    const { mock, source, sync } = await setup();
    const run = await sync("full");
    expect(run.status).toBe("succeeded");
    const m = mock.state.mutations;
    const texts = await liveTexts(source.id);

    const described = m.rows("activity").filter((row) => row.DESCRIPTION !== "");
    expect(idsOfKind(texts, "bitrix_activity_description")).toEqual(described.map((row) => `activity:${row.ID}`).sort());
    const recorded = m.rows("callStats").filter((row) => row.CALL_RECORD_URL !== "");
    expect(recorded.length).toBeGreaterThan(0);
    expect(idsOfKind(texts, "bitrix_call_record")).toEqual(recorded.map((row) => `call:${row.ID}`).sort());
    // 40 deals, a comment on each even one: 20 comments.
    expect(idsOfKind(texts, "bitrix_timeline_comment")).toHaveLength(20);

    // An HTML e-mail is stored as its text, on its activity's deal.
    const email = described.find((row) => row.TYPE_ID === "4")!;
    expect(texts.get(`activity:${email.ID}`)).toMatchObject({ body: `Здравствуйте!\n\nЦена для нас дороговата, письмо №${email.ID}.`, deal: email.OWNER_ID });
    expect(texts.get(`activity:${email.ID}`)!.contentHash).toBe(contentHashOf(`Здравствуйте!\n\nЦена для нас дороговата, письмо №${email.ID}.`));
    // A call record: the link and talk time, on the deal of its activity (CRM_ENTITY_TYPE is never a deal).
    const call = recorded[0];
    const activity = m.get("activity", Number(call.CRM_ACTIVITY_ID))!;
    expect(texts.get(`call:${call.ID}`)).toMatchObject({ recordingUrl: call.CALL_RECORD_URL, durationSeconds: Number(call.CALL_DURATION), deal: activity.OWNER_ID, body: "" });
    expect(texts.get(`call:${call.ID}`)!.activityId).not.toBeNull();
    // Comment 1 is on deal 2, BB-code stripped.
    expect(texts.get("comment:1")).toMatchObject({ deal: "2", body: "Перезвонить после праздников, бюджет ещё не утверждён" });
    expect(texts.get("comment:2")).toMatchObject({ deal: "4", body: "Customer asked for the updated offer, sent it" });

    // Each step is in the run's progress: 40 deals walked for comments, 20 comments inserted.
    expect(run.progress.comments).toMatchObject({ done: 40, inserted: 20, finished: true });
    expect(run.progress.activity_texts).toMatchObject({ inserted: described.length, finished: true });
    expect(run.progress.call_records).toMatchObject({ inserted: recorded.length, finished: true });
  });

  it("the synced texts show on the deal card for who may see the deal, and for nobody else", async () => {
    const { f, source, sync } = await setup();
    await sync("full");
    const [stored] = await testDb.db.select({ id: deals.id, crmUserId: deals.crmUserId }).from(deals).where(and(eq(deals.sourceId, source.id), eq(deals.externalId, "2")));
    // The portal's manager of deal 2 is alice in Voronka (Sales).
    await testDb.db.update(crmUsers).set({ userId: f.users.alice.id }).where(eq(crmUsers.id, stored.crmUserId!));
    const as = (who: "admin" | "director" | "alice" | "bob" | "carol") => scopeOf({ ...f.users[who], userId: f.users[who].id });
    for (const who of ["admin", "director", "alice"] as const) {
      const card = await getDealCard(testDb.db, as(who), stored.id);
      expect([who, card.conversation.filter((t) => t.kind === "bitrix_timeline_comment").map((t) => [t.body, t.analysis])]).toEqual([who, [["Перезвонить после праздников, бюджет ещё не утверждён", null]]]);
    }
    // bob (another manager of Sales) and carol (Online) may not see the deal: no text of it either.
    for (const who of ["bob", "carol"] as const) await expect(getDealCard(testDb.db, as(who), stored.id)).rejects.toMatchObject({ status: 404, code: "deal_not_found" });
  });

  it("an incremental sync takes new and edited texts of changed deals and activities; comments removed from a re-read deal and cleared descriptions go", async () => {
    const { mock, source, sync } = await setup();
    await sync("full");
    const m = mock.state.mutations;
    const added = m.addComment(7, "[I]Новый[/I] комментарий: клиент согласен на 5%", "3");
    m.update("deal", 7, { COMMENTS: "touched" }); // the deal changed too, so the incremental pass reads its comments
    m.removeComment(1);
    m.update("deal", 2, { COMMENTS: "touched" });
    const email = m.rows("activity").find((row) => row.TYPE_ID === "4")!;
    m.update("activity", Number(email.ID), { DESCRIPTION: "Итоговое письмо", DESCRIPTION_TYPE: "1" });
    const meeting = m.rows("activity").find((row) => row.TYPE_ID === "1")!;
    m.update("activity", Number(meeting.ID), { DESCRIPTION: "" });

    const run = await sync("incremental");
    expect(run.status).toBe("succeeded");
    // counted in the progress: the comment gone from deal 2, the meeting's cleared description
    expect([run.progress.comments.deleted, run.progress.activity_texts.deleted]).toEqual([1, 1]);
    const texts = await liveTexts(source.id);
    expect(texts.get(`comment:${added.ID}`)).toMatchObject({ deal: "7", body: "Новый комментарий: клиент согласен на 5%" });
    expect(texts.has("comment:1")).toBe(false);
    expect(texts.get(`activity:${email.ID}`)?.body).toBe("Итоговое письмо");
    expect(texts.has(`activity:${meeting.ID}`)).toBe(false);
    expect(idsOfKind(texts, "bitrix_timeline_comment")).toHaveLength(20); // 20 + 1 − 1
  });

  it("a full pass finds a deleted activity (its text goes with it) and a deleted comment on an untouched deal", async () => {
    const { mock, source, sync } = await setup();
    await sync("full");
    const m = mock.state.mutations;
    const email = m.rows("activity").find((row) => row.TYPE_ID === "4")!;
    m.remove("activity", Number(email.ID));
    m.removeComment(3); // deal 6, not otherwise changed
    expect((await liveTexts(source.id)).has("comment:3")).toBe(true);

    const incremental = await sync("incremental");
    expect((await liveTexts(source.id)).has("comment:3")).toBe(true); // the deal did not change: not re-read
    expect(incremental.status).toBe("succeeded");
    const full = await sync("full");
    expect(full.status).toBe("succeeded");
    const texts = await liveTexts(source.id);
    expect(texts.has(`activity:${email.ID}`)).toBe(false);
    expect(texts.has("comment:3")).toBe(false);
    const [gone] = await testDb.db.select({ deletedAt: activities.deletedAt }).from(activities).where(and(eq(activities.sourceId, source.id), eq(activities.externalId, String(email.ID))));
    expect(gone.deletedAt).not.toBeNull();
  });
});

describe("amoCRM conversation texts", () => {
  async function setup() {
    const mock = await startAmoMock({ leads: 30, seed: 41 });
    closers.push(mock);
    const f = await createOrgFixture(testDb.db);
    const source = await addCrmSource(testDb.db, f.org.id, "amocrm", mock.url, { kind: "amocrm-token", accessToken: mock.state.auth.longLivedToken }, { currency: "KZT" });
    const sync = (mode: RunOptions["mode"]) => runSync(testDb.db, f.org.id, source.id, { mode, deps });
    return { mock, source, sync };
  }

  it("a first sync brings the notes of leads, contacts and companies: common, calls with their record, SMS and service messages", async () => {
    const { mock, source, sync } = await setup();
    const run = await sync("full");
    expect(run.status).toBe("succeeded");
    const m = mock.state.mutations;
    const texts = await liveTexts(source.id);
    const leadNotes = m.rows("note");
    expect(leadNotes).toHaveLength(30);
    const kinds = (type: string[]) => leadNotes.filter((n) => type.includes(String(n.note_type))).map((n) => `lead-note:${n.id}`).sort();
    expect(idsOfKind(texts, "amocrm_note_common")).toEqual(
      [...kinds(["common"]), ...m.rows("contactNote").map((n) => `contact-note:${n.id}`), ...m.rows("companyNote").map((n) => `company-note:${n.id}`)].sort(),
    );
    expect(idsOfKind(texts, "amocrm_note_call_in")).toEqual(kinds(["call_in"]));
    expect(idsOfKind(texts, "amocrm_note_call_out")).toEqual(kinds(["call_out"]));
    expect(idsOfKind(texts, "amocrm_note_sms")).toEqual(kinds(["sms_in", "sms_out"]));
    expect(idsOfKind(texts, "amocrm_note_service")).toEqual(kinds(["service_message"]));

    const call = leadNotes.find((n) => n.note_type === "call_out")!;
    const params = call.params as { link: string; duration: number };
    expect(texts.get(`lead-note:${call.id}`)).toMatchObject({ recordingUrl: params.link, durationSeconds: params.duration, deal: String(call.entity_id), body: "" });
    const common = leadNotes.find((n) => n.note_type === "common")!;
    expect(texts.get(`lead-note:${common.id}`)).toMatchObject({ body: (common.params as { text: string }).text, deal: String(common.entity_id) });
    expect(run.progress.lead_notes).toMatchObject({ done: 30, inserted: 30, finished: true });
    expect(run.progress.contact_notes.inserted).toBe(m.rows("contactNote").length);
    expect(run.progress.company_notes.inserted).toBe(m.rows("companyNote").length);
  });

  it("an incremental sync takes a new and an edited note; the full pass finds a deleted one", async () => {
    const { mock, source, sync } = await setup();
    await sync("full");
    const m = mock.state.mutations;
    const lead = m.rows("lead")[4];
    const added = m.add("note", { entity_id: lead.id, note_type: "common", params: { text: "Клиент выбрал тариф «Бизнес»" } });
    const common = m.rows("note").find((n) => n.note_type === "common" && n.id !== added.id)!;
    m.update("note", Number(common.id), { params: { text: "Исправлено: просит рассрочку" } });
    const victim = m.rows("note").find((n) => n.note_type === "sms_in")!;
    m.remove("note", Number(victim.id));

    const run = await sync("incremental");
    expect(run.status).toBe("succeeded");
    let texts = await liveTexts(source.id);
    expect(texts.get(`lead-note:${added.id}`)).toMatchObject({ deal: String(lead.id), body: "Клиент выбрал тариф «Бизнес»", kind: "amocrm_note_common" });
    expect(texts.get(`lead-note:${common.id}`)?.body).toBe("Исправлено: просит рассрочку");
    expect(texts.has(`lead-note:${victim.id}`)).toBe(true); // amoCRM lists no deletions: the full pass finds it

    const full = await sync("full");
    expect(full.progress.lead_notes.deleted).toBe(1);
    texts = await liveTexts(source.id);
    expect(texts.has(`lead-note:${victim.id}`)).toBe(false);
  });
});
