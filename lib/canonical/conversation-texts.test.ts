// applyConversationTexts: newest wins and replays write nothing, a text of an activity lands on the
// activity's deal, an emptied text is deleted, and the content hash follows the body.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationTexts } from "@/db/schema";
import { addDealActivity } from "@/db/test/deal-fixtures";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { applyConversationTexts, contentHashOf, markDealTextsGone } from "./index";
import type { CanonicalConversationText } from "./types";

let testDb: TestDb;
let f: OrgFixture;
let deal: { id: string; externalId: string };
const source = () => ({ id: f.source.id, orgId: f.org.id });

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  deal = await f.addDeal({ manager: "bob", stage: "NEW", amount: "100", createdAt: "2025-03-01T10:00:00Z" });
});
afterAll(() => testDb.close());

async function stored(externalId: string) {
  const [row] = await testDb.db.select().from(conversationTexts).where(and(eq(conversationTexts.sourceId, f.source.id), eq(conversationTexts.externalId, externalId)));
  return row;
}

const comment = (body: string, updatedAt: string | null, externalId = "comment:1"): CanonicalConversationText => ({
  externalId, kind: "bitrix_timeline_comment", body, dealExternalId: deal.externalId, crmUserExternalId: "1", occurredAt: new Date("2025-03-02T10:00:00Z"), updatedAt: updatedAt ? new Date(updatedAt) : null,
});

describe("applyConversationTexts", () => {
  it("inserts once, writes nothing on a replay, refuses an older version and takes a newer one", async () => {
    expect(await applyConversationTexts(testDb.db, source(), [comment("Первая версия", "2025-03-02T10:00:00Z")])).toMatchObject({ inserted: 1, updated: 0 });
    expect(await applyConversationTexts(testDb.db, source(), [comment("Первая версия", "2025-03-02T10:00:00Z")])).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect(await applyConversationTexts(testDb.db, source(), [comment("Старая версия", "2025-03-01T10:00:00Z")])).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await applyConversationTexts(testDb.db, source(), [comment("Новая версия", "2025-03-03T10:00:00Z")])).toMatchObject({ updated: 1 });
    const row = await stored("comment:1");
    expect(row).toMatchObject({ body: "Новая версия", dealId: deal.id, crmUserId: f.crmUsers.alice.id, contentHash: contentHashOf("Новая версия"), deletedAt: null });
    expect(contentHashOf("Новая версия")).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHashOf("Новая версия")).not.toBe(contentHashOf("Первая версия"));
  });

  it("puts an activity's text on the activity's deal and manager, and deletes it when its text is cleared", async () => {
    const activity = await addDealActivity(testDb.db, f, deal.id, { type: "email", startAt: "2025-03-04T10:00:00Z" });
    const text: CanonicalConversationText = { externalId: `activity:${activity.externalId}`, kind: "bitrix_activity_description", body: "Цена высокая", activityExternalId: activity.externalId, occurredAt: new Date("2025-03-04T10:00:00Z"), updatedAt: new Date("2025-03-04T10:00:00Z") };
    await applyConversationTexts(testDb.db, source(), [text]);
    expect(await stored(text.externalId)).toMatchObject({ dealId: deal.id, activityId: activity.id, crmUserId: f.crmUsers.bob.id, body: "Цена высокая" });

    await applyConversationTexts(testDb.db, source(), [{ ...text, body: "", updatedAt: new Date("2025-03-05T10:00:00Z") }]);
    expect((await stored(text.externalId)).deletedAt).not.toBeNull();
    // An empty text never seen before is not stored at all.
    await applyConversationTexts(testDb.db, source(), [{ ...text, externalId: "activity:none", body: "" }]);
    expect(await stored("activity:none")).toBeUndefined();
  });

  it("keeps a call record without text for its recording's link", async () => {
    await applyConversationTexts(testDb.db, source(), [{ externalId: "call:5", kind: "bitrix_call_record", body: "", dealExternalId: deal.externalId, occurredAt: new Date("2025-03-06T10:00:00Z"), recordingUrl: "https://portal.bitrix24.kz/rec/5.mp3", durationSeconds: 61.4 }]);
    expect(await stored("call:5")).toMatchObject({ body: "", recordingUrl: "https://portal.bitrix24.kz/rec/5.mp3", durationSeconds: 61, contentHash: contentHashOf("") });
  });

  it("marks the deal's comments that its re-read no longer lists deleted, and only those", async () => {
    await applyConversationTexts(testDb.db, source(), [comment("Второй", null, "comment:2"), comment("Третий", null, "comment:3")]);
    // comment:1 and comment:3 are still listed; comment:2 is gone
    expect(await markDealTextsGone(testDb.db, source(), "bitrix_timeline_comment", [deal.externalId], ["comment:1", "comment:3"])).toBe(1);
    expect([(await stored("comment:1")).deletedAt, (await stored("comment:3")).deletedAt]).toEqual([null, null]);
    expect((await stored("comment:2")).deletedAt).not.toBeNull();
    // the call record on the same deal is another kind: untouched
    expect((await stored("call:5")).deletedAt).toBeNull();
  });
});
