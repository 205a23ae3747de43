// GET /api/deals/:id with its conversation (issue 18): the texts written through the canonical
// layer come back newest first, with author, call talk time and recording link, and `analysis: null`
// for now; a text of a deal outside the viewer's scope is never shown (the card is "not found").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { applyConversationTexts, markDeleted } from "@/lib/canonical";
import { routeRequest } from "@/db/test/call-route";
import { GET } from "./route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
const deal: Record<string, { id: string; externalId: string }> = {};
const token: Record<string, string> = {};

async function card(who: string, id: string) {
  const response = await GET(routeRequest(`/api/deals/${id}`, { as: { token: token[who] } }), { params: Promise.resolve({ id }) });
  return { status: response.status, body: (await response.json()) as { conversation?: Record<string, unknown>[]; conversationTotal?: number; error?: { code: string } } };
}

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  b = await createOrgFixture(testDb.db);
  deal.alice = await a.addDeal({ manager: "alice", stage: "LOSE", amount: "1000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-09T10:00:00Z" });
  deal.carol = await a.addDeal({ manager: "carol", stage: "NEW", amount: "4000", createdAt: "2025-03-04T10:00:00Z" });
  deal.otherOrg = await b.addDeal({ manager: "alice", stage: "NEW", amount: "16000", createdAt: "2025-03-06T10:00:00Z" });
  const source = { id: a.source.id, orgId: a.org.id };
  await applyConversationTexts(testDb.db, source, [
    { externalId: "comment:1", kind: "bitrix_timeline_comment", body: "Клиент сравнивает с конкурентом", dealExternalId: deal.alice.externalId, crmUserExternalId: "1", occurredAt: new Date("2025-03-02T09:00:00Z") },
    { externalId: "call:7", kind: "bitrix_call_record", body: "", dealExternalId: deal.alice.externalId, crmUserExternalId: "2", direction: "out", occurredAt: new Date("2025-03-05T06:30:00Z"), recordingUrl: "https://portal.bitrix24.kz/disk/showFile/7/", durationSeconds: 185 },
    { externalId: "activity:9", kind: "bitrix_activity_description", body: "Письмо: цена высокая", dealExternalId: deal.alice.externalId, crmUserExternalId: "1", direction: "in", occurredAt: new Date("2025-03-04T12:00:00Z") },
    { externalId: "comment:2", kind: "bitrix_timeline_comment", body: "Удалённый комментарий", dealExternalId: deal.alice.externalId, occurredAt: new Date("2025-03-06T12:00:00Z") },
    { externalId: "comment:3", kind: "bitrix_timeline_comment", body: "Сделка Кэрол: перезвонить", dealExternalId: deal.carol.externalId, crmUserExternalId: "3", occurredAt: new Date("2025-03-05T12:00:00Z") },
  ]);
  await markDeleted(testDb.db, source, "conversationTexts", ["comment:2"]);
  await applyConversationTexts(testDb.db, { id: b.source.id, orgId: b.org.id }, [
    { externalId: "comment:1", kind: "bitrix_timeline_comment", body: "Чужая организация", dealExternalId: deal.otherOrg.externalId, occurredAt: new Date("2025-03-07T12:00:00Z") },
  ]);
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, alice: a.users.alice, bob: a.users.bob, carol: a.users.carol, adminB: b.users.admin })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
});
afterAll(() => testDb.close());

describe("GET /api/deals/:id, conversation", () => {
  it("gives the deal's manager its live texts newest first, with author, talk time, recording link and no analysis yet", async () => {
    const { status, body } = await card("alice", deal.alice.id);
    expect(status).toBe(200);
    // 4 texts written, 1 deleted in the CRM: 3, the newest (the call on 5 March) first
    expect(body.conversationTotal).toBe(3);
    expect(body.conversation!.map((t) => [t.kind, t.body, t.authorName, t.occurredAt])).toEqual([
      ["bitrix_call_record", "", "bob", "2025-03-05T06:30:00.000Z"],
      ["bitrix_activity_description", "Письмо: цена высокая", "alice", "2025-03-04T12:00:00.000Z"],
      ["bitrix_timeline_comment", "Клиент сравнивает с конкурентом", "alice", "2025-03-02T09:00:00.000Z"],
    ]);
    expect(body.conversation![0]).toMatchObject({ durationSeconds: 185, recordingUrl: "https://portal.bitrix24.kz/disk/showFile/7/", direction: "out", analysis: null });
  });

  it("shows the same texts to the admin and the department's director", async () => {
    for (const who of ["admin", "director"]) {
      const { status, body } = await card(who, deal.alice.id);
      expect([who, status, body.conversationTotal]).toEqual([who, 200, 3]);
    }
  });

  it("never shows a text of a deal outside the viewer's scope: another manager, another department, another organisation", async () => {
    for (const [who, id] of [["bob", deal.alice.id], ["carol", deal.alice.id], ["director", deal.carol.id], ["adminB", deal.alice.id], ["admin", deal.otherOrg.id]]) {
      const { status, body } = await card(who, id);
      expect([who, status, body.error?.code, body.conversation]).toEqual([who, 404, "deal_not_found", undefined]);
    }
    const carol = await card("carol", deal.carol.id);
    expect(carol.body.conversation!.map((t) => t.body)).toEqual(["Сделка Кэрол: перезвонить"]);
  });

  it("an empty conversation is an empty list, not an error", async () => {
    const other = await card("adminB", deal.otherOrg.id);
    expect(other.body.conversation!.map((t) => t.body)).toEqual(["Чужая организация"]);
    const fresh = await a.addDeal({ manager: "alice", stage: "NEW", amount: "1", createdAt: "2025-03-10T10:00:00Z" });
    const { status, body } = await card("alice", fresh.id);
    expect([status, body.conversation, body.conversationTotal]).toEqual([200, [], 0]);
  });
});
