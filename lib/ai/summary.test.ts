// A summary in the viewer's language (docs/ai.md): a model's summary of a Russian text shown to an
// English reader is asked of the model once per text and language, then read from the cache; the basic
// analyser's summary stays the text's own sentence and the card says so; an answer in the wrong
// language, a missing opt-in or a spent budget leave the summary as analysed.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { aiRequests, aiSummaries } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { getDealCard } from "@/lib/deals/deal-card";
import { addAnalysedText } from "@/lib/reports/conversations-fixtures";
import type { AiConfig } from "./config";
import { saveAiSettings } from "./settings";
import { chatReply, startMockOpenAi, type MockOpenAi } from "./test/mock-openai";

let testDb: TestDb;
let mock: MockOpenAi;
let f: OrgFixture;
let config: AiConfig;
const NOW = new Date("2026-12-07T10:00:00Z");
const admin = () => scopeOf({ ...f.users.admin, userId: f.users.admin.id });
const card = (dealId: string, viewerLang: "ru" | "en") => getDealCard(testDb.db, admin(), dealId, NOW, { viewerLang, ai: { config } });
const chats = () => mock.requests.filter((r) => r.path === "/chat/completions");
const summaryLog = () =>
  testDb.db
    .select({ outcome: aiRequests.outcome, errorCode: aiRequests.errorCode, tokensIn: aiRequests.tokensIn })
    .from(aiRequests)
    .where(and(eq(aiRequests.orgId, f.org.id), eq(aiRequests.kind, "summary")));
const optIn = (isAnalysisEnabled: boolean, monthlyTokenBudget = 100_000) => saveAiSettings(testDb.db, { orgId: f.org.id, userId: f.users.admin.id }, { isAnalysisEnabled, monthlyTokenBudget });

beforeAll(async () => {
  testDb = await createTestDb();
  mock = await startMockOpenAi();
  f = await createOrgFixture(testDb.db);
  config = { baseUrl: mock.baseUrl, apiKey: null, model: "m", transcribeModel: null, redactPii: true, maxChars: 8000, timeoutMs: 3000, priceInputPerMTok: 0, priceOutputPerMTok: 0, country: "KZ" };
});
afterAll(async () => {
  await mock.close();
  await testDb.close();
});
beforeEach(() => {
  mock.requests.length = 0;
});

async function dealWith(texts: { body: string; summary: string; analyser: "basic" | "model"; language: "ru" | "en"; at: string }[]) {
  const deal = await f.addDeal({ manager: "alice", stage: "EXECUTING", amount: "100", createdAt: "2026-10-01T10:00:00Z" });
  for (const t of texts) await addAnalysedText(testDb.db, { orgId: f.org.id, sourceId: f.source.id, dealId: deal.id, occurredAt: t.at, body: t.body, analysis: { sentiment: -0.4, summary: t.summary, analyser: t.analyser, language: t.language } });
  return deal;
}

describe("the deal summary in the viewer's language", () => {
  it("asks the model once per text for an English reader of Russian texts, then reads the cache; a Russian reader gets the summaries as analysed", async () => {
    await optIn(true);
    const deal = await dealWith([
      { at: "2026-11-20T10:00:00Z", body: "Клиент: восемьдесят тысяч для нас дорого, перезвоните по номеру +7 701 123 45 67.", summary: "Клиенту дорого.", analyser: "model", language: "ru" },
      { at: "2026-11-25T10:00:00Z", body: "Директор решит после праздников.", summary: "Решение за директором после праздников.", analyser: "model", language: "ru" },
    ]);
    // The newest text is asked first.
    mock.script("/chat/completions", chatReply({ summary: "The director will decide after the holidays." }), chatReply({ summary: "The customer finds 80,000 too expensive." }));

    const first = await card(deal.id, "en");
    expect(first.summary).toEqual({ sentences: ["The customer finds 80,000 too expensive.", "The director will decide after the holidays."], analyser: "model", isInTextLanguage: false });
    expect(chats()).toHaveLength(2);
    const sent = chats().map((r) => JSON.parse(Buffer.from(r.body, "latin1").toString("utf8")) as { messages: { role: string; content: string }[] });
    expect(sent.every((body) => body.messages[0].content.includes("one sentence in English"))).toBe(true);
    const firstText = sent.find((body) => body.messages[1].content.includes("восемьдесят"))!.messages[1].content;
    expect(firstText).toContain("[phone]"); // redacted before it left the server
    expect(firstText).not.toContain("123 45 67");
    expect((await summaryLog()).map((r) => r.outcome)).toEqual(["ok", "ok"]);

    // Shown again: from the cache, nothing asked.
    mock.requests.length = 0;
    expect((await card(deal.id, "en")).summary?.sentences).toEqual(["The customer finds 80,000 too expensive.", "The director will decide after the holidays."]);
    expect(chats()).toHaveLength(0);
    expect(await testDb.db.select({ language: aiSummaries.language }).from(aiSummaries).where(eq(aiSummaries.orgId, f.org.id))).toEqual([{ language: "en" }, { language: "en" }]);

    // A Russian reader: the model's summaries were written in Russian already.
    expect((await card(deal.id, "ru")).summary).toEqual({ sentences: ["Клиенту дорого.", "Решение за директором после праздников."], analyser: "model", isInTextLanguage: false });
    expect(chats()).toHaveLength(0);
    expect(await summaryLog()).toHaveLength(2);
  });

  it("keeps the basic analyser's sentence as written, in the text's language, and says so", async () => {
    const deal = await dealWith([{ at: "2026-11-20T10:00:00Z", body: "The price is too high for us this year.", summary: "The price is too high for us this year.", analyser: "basic", language: "en" }]);
    expect((await card(deal.id, "ru")).summary).toEqual({ sentences: ["The price is too high for us this year."], analyser: "basic", isInTextLanguage: true });
    expect(chats()).toHaveLength(0);
  });

  it("shows the summary as analysed when the model answers in the wrong language twice (logged invalid), when not opted in, and when the budget is spent", async () => {
    await optIn(true);
    const deal = await dealWith([{ at: "2026-11-20T10:00:00Z", body: "Мы уже работаем с другим поставщиком.", summary: "Клиент работает с конкурентом.", analyser: "model", language: "ru" }]);
    mock.script("/chat/completions", chatReply({ summary: "Клиент работает с конкурентом." }), chatReply({ summary: "Клиент работает с конкурентом." }));
    expect((await card(deal.id, "en")).summary).toEqual({ sentences: ["Клиент работает с конкурентом."], analyser: "model", isInTextLanguage: true });
    expect(chats()).toHaveLength(2); // asked once more, then recorded as failed
    expect((await summaryLog()).filter((r) => r.outcome === "invalid").map((r) => r.errorCode)).toEqual(["ai_invalid_answer"]);

    await optIn(false);
    expect((await card(deal.id, "en")).summary?.isInTextLanguage).toBe(true);
    await optIn(true, 1); // this month's summaries spent more than one token
    expect((await card(deal.id, "en")).summary?.sentences).toEqual(["Клиент работает с конкурентом."]);
    expect(chats()).toHaveLength(2);
  });
});
