// POST /api/ai/analyze: an admin's API token gets the basic analysis without a model; with a model the
// organisation's opt-in, budget, cache, redaction and request log decide what is sent and recorded;
// bad input is a 400 with a code; other roles are refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { aiRequests } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import type { AiConfig } from "@/lib/ai/config";
import { saveAiSettings, tokensSpentThisMonth } from "@/lib/ai/settings";
import { chatReply, startMockOpenAi, type MockOpenAi } from "@/lib/ai/test/mock-openai";
import { createApiToken } from "@/lib/auth/tokens";

const ai = vi.hoisted(() => ({ config: null as AiConfig | null }));
vi.mock("@/lib/ai/config", async (original) => ({ ...(await original<typeof import("@/lib/ai/config")>()), currentAiConfig: () => ai.config }));

const { POST } = await import("./route");

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
let mock: MockOpenAi;
const token: Record<string, string> = {};
const analyze = (body: unknown, who = "admin") => callRoute(POST, "/api/ai/analyze", { as: { token: token[who] }, method: "POST", body });
const basicConfig = (): AiConfig => ({ baseUrl: null, apiKey: null, model: null, transcribeModel: null, redactPii: true, maxChars: 8000, timeoutMs: 5000, priceInputPerMTok: 2.5, priceOutputPerMTok: 10, country: "KZ" });
const modelConfig = (): AiConfig => ({ ...basicConfig(), baseUrl: mock.baseUrl, apiKey: "sk-secret-key", model: "gpt-test" });
const modelAnswer = { sentiment: -0.5, intent: "purchase", objections: [{ type: "price", quote: "дорого" }], summary: "Клиенту дорого.", language: "ru" };
const logOf = (orgId: string) => testDb.db.select().from(aiRequests).where(eq(aiRequests.orgId, orgId));

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  mock = await startMockOpenAi();
  a = await createOrgFixture(testDb.db);
  b = await createOrgFixture(testDb.db);
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, bob: a.users.bob, adminB: b.users.admin })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
});
afterAll(async () => {
  await mock.close();
  await testDb.close();
});
beforeEach(() => {
  ai.config = basicConfig();
  mock.requests.length = 0;
});

describe("POST /api/ai/analyze without a model", () => {
  it("answers with the basic analyser: a price objection with its quote, purchase intent, the provider named basic", async () => {
    const answer = await analyze({ text: "Честно говоря, для нас это дорого. Решать будет директор." });
    expect(answer.status).toBe(200);
    expect(answer.body.analysis).toMatchObject({ analyser: "basic", intent: "purchase", language: "ru" });
    expect(answer.body.analysis.objections).toEqual([
      { type: "price", quote: "для нас это дорого" },
      { type: "authority", quote: "Решать будет директор" },
    ]);
    expect(answer.body).toMatchObject({ isTruncated: false, note: null, fallback: null, provider: { kind: "basic", model: null } });
    expect(await logOf(a.org.id)).toHaveLength(0);
  });

  it("refuses an empty or blank text with ai_empty_text, and a missing text or bad lang with validation_error", async () => {
    for (const text of ["", "   \n "]) expect(await analyze({ text })).toMatchObject({ status: 400, body: { error: { code: "ai_empty_text", field: "text" } } });
    expect(await analyze({})).toMatchObject({ status: 400, body: { error: { code: "validation_error", field: "text" } } });
    expect(await analyze({ text: "дорого", lang: "russian!" })).toMatchObject({ status: 400, body: { error: { code: "validation_error", field: "lang" } } });
  });

  it("cuts a text over AI_MAX_CHARS and says so", async () => {
    ai.config = { ...basicConfig(), maxChars: 300 };
    const answer = await analyze({ text: "Слишком дорого для нас. ".repeat(40) }); // 960 characters, 959 trimmed
    expect(answer.status).toBe(200);
    expect(answer.body.isTruncated).toBe(true);
    expect(answer.body.note).toBe("The text had 959 characters; only the first 300 were analysed.");
  });

  it("refuses a director and a manager", async () => {
    for (const who of ["director", "bob"]) expect((await analyze({ text: "дорого" }, who)).status).toBe(403);
  });
});

describe("POST /api/ai/analyze with a model", () => {
  it("sends nothing while the organisation has not opted in: basic analysis, fallback not_enabled", async () => {
    ai.config = modelConfig();
    const answer = await analyze({ text: "Для нас это дорого." });
    expect(answer.body).toMatchObject({ fallback: "not_enabled", analysis: { analyser: "basic" }, provider: { kind: "model", model: "gpt-test" } });
    expect(JSON.stringify(answer.body)).not.toContain("sk-secret-key");
    expect(mock.requests).toHaveLength(0);
  });

  it("once opted in, sends the redacted text, returns the model's analysis, logs the call with its cost and caches the answer", async () => {
    ai.config = modelConfig();
    await saveAiSettings(testDb.db, { orgId: a.org.id, userId: a.users.admin.id }, { isAnalysisEnabled: true, monthlyTokenBudget: 100_000 });
    mock.script("/chat/completions", chatReply(modelAnswer, { promptTokens: 1000, completionTokens: 200 }));
    const text = "Для нас это дорого. Мой номер +7 701 123 45 67, почта ivan@example.kz";
    const answer = await analyze({ text, lang: "ru" });
    expect(answer.body).toMatchObject({ isCached: false, fallback: null, analysis: { ...modelAnswer, analyser: "model", model: "gpt-test" } });
    const sent = Buffer.from(mock.requests[0].body, "latin1").toString("utf8");
    expect(sent).toContain("Мой номер [phone], почта [email]");
    expect(sent).not.toContain("701 123");
    const [logged] = await logOf(a.org.id);
    // 1 000 tokens in at $2.50 per million + 200 out at $10 per million = 0.0025 + 0.002 = $0.0045
    expect(logged).toMatchObject({ kind: "analysis", model: "gpt-test", tokensIn: 1000, tokensOut: 200, costUsd: "0.004500", outcome: "ok", errorCode: null, attempts: 1 });

    const again = await analyze({ text, lang: "ru" });
    expect(again.body).toMatchObject({ isCached: true, analysis: { analyser: "model" } });
    expect(mock.requests).toHaveLength(1);
    expect(await logOf(b.org.id)).toHaveLength(0);
  });

  it("falls back to the basic analyser when the model's answers fail validation twice, and logs the failure", async () => {
    ai.config = modelConfig();
    mock.script("/chat/completions", chatReply("{not json"), chatReply({ ...modelAnswer, intent: "buy-now" }));
    const answer = await analyze({ text: "Другой текст: у конкурентов дешевле." });
    expect(answer.body).toMatchObject({ fallback: "model_failed", modelError: "ai_invalid_answer", analysis: { analyser: "basic" } });
    const failed = (await logOf(a.org.id)).find((r) => r.outcome !== "ok");
    expect(failed).toMatchObject({ outcome: "invalid", errorCode: "ai_invalid_answer", attempts: 2 });
  });

  it("stops calling the model once the month's token budget is spent", async () => {
    ai.config = modelConfig();
    // Spent this month: 1 000 + 200 (the first call) + 2 × (120 + 40) (the two failed answers) = 1 520 ≥ a budget of 1 000.
    expect(await tokensSpentThisMonth(testDb.db, a.org.id)).toBe(1520);
    await saveAiSettings(testDb.db, { orgId: a.org.id, userId: a.users.admin.id }, { isAnalysisEnabled: true, monthlyTokenBudget: 1000 });
    const answer = await analyze({ text: "Ещё один новый текст: дорого." });
    expect(answer.body).toMatchObject({ fallback: "budget_spent", analysis: { analyser: "basic" } });
    expect(mock.requests).toHaveLength(0);
  });
});
