// The durable analysis queue against a mock model: jobs are analysed and stored, an unchanged text is
// not queued again, a model outage is retried with backoff, a spent budget stops the organisation's
// queue until next month, the basic analyser answers for organisations without a model.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aiJobs } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import type { AiConfig } from "./config";
import { drainAnalysisJobs, enqueueAnalysis } from "./queue";
import { saveAiSettings } from "./settings";
import { chatReply, startMockOpenAi, type MockOpenAi } from "./test/mock-openai";

let testDb: TestDb;
let mock: MockOpenAi;
let a: OrgFixture;
let config: AiConfig;
const answer = { sentiment: -0.3, intent: "purchase", objections: [{ type: "timing", quote: "после Нового года" }], summary: "Клиент просит вернуться после праздников.", language: "ru" };
/**
 * A moment just after "now": a job is due from the database's now() at enqueueing (microseconds),
 * while the drain's clock is JavaScript's (milliseconds), so within the same millisecond a job
 * just queued could read as not yet due.
 */
const justAfter = () => new Date(Date.now() + 1000);
const jobsOf = (orgId: string) => testDb.db.select().from(aiJobs).where(eq(aiJobs.orgId, orgId));

beforeAll(async () => {
  testDb = await createTestDb();
  mock = await startMockOpenAi();
  a = await createOrgFixture(testDb.db);
  await saveAiSettings(testDb.db, { orgId: a.org.id, userId: a.users.admin.id }, { isAnalysisEnabled: true, monthlyTokenBudget: 1000 });
});
afterAll(async () => {
  await mock.close();
  await testDb.close();
});
beforeEach(() => {
  mock.requests.length = 0;
  config = { baseUrl: mock.baseUrl, apiKey: null, model: "queue-model", transcribeModel: null, redactPii: true, maxChars: 8000, timeoutMs: 5000, priceInputPerMTok: 0, priceOutputPerMTok: 0, country: "KZ" };
});

describe("the analysis queue", () => {
  it("analyses a queued text with the model and stores it; the same text again is not queued; an empty text is skipped", async () => {
    expect(await enqueueAnalysis(testDb.db, a.org.id, { ref: "note:1", text: "Напишите нам после Нового года." })).toBe(true);
    expect(await enqueueAnalysis(testDb.db, a.org.id, { ref: "note:empty", text: "   " })).toBe(false);
    mock.script("/chat/completions", chatReply(answer, { promptTokens: 300, completionTokens: 100 }));
    expect(await drainAnalysisJobs(testDb.db, { config, orgId: a.org.id, now: justAfter })).toEqual({ done: 1, retrying: 0, waitingForBudget: 0, exhausted: false });
    const [job] = await jobsOf(a.org.id);
    expect(job).toMatchObject({ ref: "note:1", status: "done", attempts: 1, errorCode: null, analysis: { ...answer, analyser: "model", model: "queue-model" } });
    expect(await enqueueAnalysis(testDb.db, a.org.id, { ref: "note:1", text: "Напишите нам после Нового года." })).toBe(false);
    expect((await jobsOf(a.org.id))[0].status).toBe("done");
  });

  it("retries a model outage with backoff (30 s after the first failure), then stores the answer", async () => {
    await enqueueAnalysis(testDb.db, a.org.id, { ref: "note:2", text: "Дорого, но интересно." });
    const down = { status: 503, body: { error: { message: "down" } }, headers: { "retry-after-ms": "5" } };
    mock.script("/chat/completions", down, down, down);
    const start = justAfter();
    expect(await drainAnalysisJobs(testDb.db, { config, orgId: a.org.id, now: () => start })).toMatchObject({ done: 0, retrying: 1 });
    const failed = (await jobsOf(a.org.id)).find((j) => j.ref === "note:2")!;
    expect(failed).toMatchObject({ status: "failed", errorCode: "ai_provider_error", attempts: 1 });
    expect(failed.nextAttemptAt.getTime() - start.getTime()).toBe(30_000);
    // Not due yet; due 30 s later.
    expect(await drainAnalysisJobs(testDb.db, { config, orgId: a.org.id, now: () => start })).toMatchObject({ done: 0, retrying: 0 });
    mock.script("/chat/completions", chatReply(answer, { promptTokens: 300, completionTokens: 100 }));
    expect(await drainAnalysisJobs(testDb.db, { config, orgId: a.org.id, now: () => new Date(start.getTime() + 30_000) })).toMatchObject({ done: 1 });
    expect((await jobsOf(a.org.id)).find((j) => j.ref === "note:2")).toMatchObject({ status: "done", attempts: 2, analysis: { analyser: "model" } });
  });

  it("stops the organisation's queue when the month's budget is spent: the jobs wait for the 1st of next month", async () => {
    // Spent: 300 + 100 (note:1) + 300 + 100 (note:2) = 800 tokens of 1 000; one more call of 400 passes it.
    await enqueueAnalysis(testDb.db, a.org.id, { ref: "note:3", text: "Решение принимает директор." });
    await enqueueAnalysis(testDb.db, a.org.id, { ref: "note:4", text: "У конкурентов дешевле." });
    mock.script("/chat/completions", chatReply(answer, { promptTokens: 300, completionTokens: 100 }));
    const now = justAfter();
    const result = await drainAnalysisJobs(testDb.db, { config, orgId: a.org.id, now: () => now });
    expect(result).toMatchObject({ done: 1, waitingForBudget: 1 });
    expect(mock.requests).toHaveLength(1);
    const waiting = (await jobsOf(a.org.id)).find((j) => j.status === "pending")!;
    expect(waiting.attempts).toBe(0);
    expect(waiting.nextAttemptAt.toISOString()).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString());
  });

  it("analyses with the basic analyser when no model is configured", async () => {
    const b = await createOrgFixture(testDb.db);
    await enqueueAnalysis(testDb.db, b.org.id, { ref: "call:1", text: "We already use HubSpot and we're happy with it." });
    const basicConfig = { ...config, baseUrl: null, model: null };
    expect(await drainAnalysisJobs(testDb.db, { config: basicConfig, orgId: b.org.id, now: justAfter })).toMatchObject({ done: 1 });
    const [job] = await jobsOf(b.org.id);
    expect(job.analysis).toMatchObject({ analyser: "basic", intent: "purchase", objections: [{ type: "competitor", quote: "We already use HubSpot and we're happy with it" }] });
    expect(mock.requests).toHaveLength(0);
  });
});
