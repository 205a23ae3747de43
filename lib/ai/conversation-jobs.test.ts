// Conversation texts reach the analysis queue only when the organisation opted in: written texts
// in the same transaction, the last 90 days when an admin turns analysis on; and the deal card
// shows each text's analysis once the queue has done it.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aiJobs } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { applyConversationTexts } from "@/lib/canonical";
import type { CanonicalConversationText } from "@/lib/canonical/types";
import { getDealCard } from "@/lib/deals/deal-card";
import { aiConfigFromEnv } from "./config";
import { conversationRef } from "./conversation-jobs";
import { drainAnalysisJobs } from "./queue";
import { saveAiSettings } from "./settings";
import { env } from "@/lib/env";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

const basic = { ...aiConfigFromEnv(env), baseUrl: null, model: null };
const NOW = new Date("2026-12-07T10:00:00Z");

async function setup() {
  const f = await createOrgFixture(testDb.db);
  const deal = await f.addDeal({ manager: "alice", stage: "NEW", amount: "100", createdAt: "2026-09-01T10:00:00Z" });
  const text = (externalId: string, body: string, occurredAt: string): CanonicalConversationText => ({ externalId, kind: "amocrm_note_common", body, dealExternalId: deal.externalId, occurredAt: new Date(occurredAt) });
  const write = (...texts: CanonicalConversationText[]) => applyConversationTexts(testDb.db, { id: f.source.id, orgId: f.org.id }, texts);
  const jobs = () => testDb.db.select({ ref: aiJobs.ref, text: aiJobs.text, status: aiJobs.status }).from(aiJobs).where(eq(aiJobs.orgId, f.org.id)).orderBy(aiJobs.text);
  const optIn = (isAnalysisEnabled: boolean) => saveAiSettings(testDb.db, { orgId: f.org.id, userId: f.users.admin.id }, { isAnalysisEnabled, monthlyTokenBudget: 100_000 });
  return { f, deal, text, write, jobs, optIn };
}

describe("conversation texts into the analysis queue", () => {
  it("queues nothing before the organisation opts in; on opt-in, the texts of the last 90 days", async () => {
    const { write, text, jobs, optIn } = await setup();
    await write(text("n1", "Дорого для нас, у конкурента дешевле", "2026-11-20T10:00:00Z"), text("n2", "Старое письмо", "2026-08-01T10:00:00Z"), text("n3", "   ", "2026-11-21T10:00:00Z"));
    expect(await jobs()).toEqual([]);
    await optIn(true);
    // 20 November is within 90 days of now; 1 August is not; a blank text is never queued.
    const queued = await jobs();
    expect(queued.map((job) => job.text)).toEqual(["Дорого для нас, у конкурента дешевле"]);
    expect(queued[0].status).toBe("pending");
  });

  it("once opted in, a new or changed text is queued as it is written, an unchanged one is not queued again", async () => {
    const { write, text, jobs, optIn } = await setup();
    await optIn(true);
    await write(text("n1", "Нужно согласовать с директором", "2026-12-01T10:00:00Z"));
    expect((await jobs()).map((job) => job.text)).toEqual(["Нужно согласовать с директором"]);
    await write(text("n1", "Нужно согласовать с директором", "2026-12-01T10:00:00Z"));
    expect(await jobs()).toHaveLength(1);
    await write({ ...text("n1", "Директор согласовал, выставляйте счёт", "2026-12-01T10:00:00Z"), updatedAt: new Date("2026-12-02T10:00:00Z") });
    expect((await jobs()).map((job) => [job.text, job.status])).toEqual([["Директор согласовал, выставляйте счёт", "pending"]]);
  });

  it("the deal card shows a text's analysis once the queue has done it", async () => {
    const { f, deal, write, text, optIn } = await setup();
    await optIn(true);
    await write(text("n1", "Честно говоря, для нас это дорого. Решать будет директор.", "2026-12-01T10:00:00Z"));
    const scope = scopeOf({ ...f.users.admin, userId: f.users.admin.id });
    expect((await getDealCard(testDb.db, scope, deal.id, NOW)).conversation[0].analysis).toBeNull();
    expect(await drainAnalysisJobs(testDb.db, { config: basic, orgId: f.org.id, now: () => new Date(Date.now() + 1000) })).toMatchObject({ done: 1 });
    const [shown] = (await getDealCard(testDb.db, scope, deal.id, NOW)).conversation;
    expect(shown.analysis).toMatchObject({ analyser: "basic" });
    expect(shown.analysis!.objections.map((objection) => objection.type).sort()).toEqual(["authority", "price"]);
    expect(conversationRef(shown.id)).toBe(`conversation:${shown.id}`);
  });
});
