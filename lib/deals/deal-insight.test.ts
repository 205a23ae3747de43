// The deal card's summary and risk flag (docs/ai.md): the summary is the newest three analysed
// texts' summaries, oldest first; an open deal is at risk when the mean tone of its newest three
// analysed texts is below −0.2 and its last touch is the organisation's quiet days ago or more.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { saveAiSettings } from "@/lib/ai/settings";
import { scopeOf } from "@/lib/auth/scope";
import { addAnalysedText } from "@/lib/reports/conversations-fixtures";
import { getDealCard } from "./deal-card";

let testDb: TestDb;
let f: OrgFixture;
const NOW = new Date("2026-12-07T10:00:00Z");
const admin = () => scopeOf({ ...f.users.admin, userId: f.users.admin.id });
const card = (dealId: string) => getDealCard(testDb.db, admin(), dealId, NOW);

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
});
afterAll(() => testDb.close());

async function dealWithTexts(stage: "EXECUTING" | "LOSE", texts: [string, number, string, ("basic" | "model")?][]) {
  const deal = await f.addDeal({ manager: "alice", stage, amount: "100", createdAt: "2026-10-01T10:00:00Z", closedAt: stage === "LOSE" ? "2026-12-01T10:00:00Z" : undefined });
  for (const [occurredAt, sentiment, summary, analyser] of texts) {
    await addAnalysedText(testDb.db, { orgId: f.org.id, sourceId: f.source.id, dealId: deal.id, occurredAt, analysis: { sentiment, summary, analyser, objections: sentiment < 0 ? [["price", "дорого"]] : [] } });
  }
  return deal;
}

describe("the deal summary", () => {
  it("is the newest three summaries, oldest first; the basic analyser's unless a model wrote all three", async () => {
    const deal = await dealWithTexts("LOSE", [
      ["2026-11-01T10:00:00Z", 0.5, "Клиенту понравилась презентация."],
      ["2026-11-10T10:00:00Z", -0.5, "Для нас это дорого."],
      ["2026-11-20T10:00:00Z", -0.6, "Конкурент предлагает дешевле."],
      ["2026-11-25T10:00:00Z", -0.7, "Решение принимает директор."],
    ]);
    const { summary, risk } = await card(deal.id);
    expect(summary).toEqual({ sentences: ["Для нас это дорого.", "Конкурент предлагает дешевле.", "Решение принимает директор."], analyser: "basic", isInTextLanguage: true });
    expect(risk).toBeNull(); // a lost deal is not "at risk"
  });

  it("says a model wrote it when every summary is the model's, and is absent before any text is analysed", async () => {
    const byModel = await dealWithTexts("EXECUTING", [["2026-12-06T10:00:00Z", 0.4, "The customer asks for the invoice.", "model"]]);
    expect((await card(byModel.id)).summary).toEqual({ sentences: ["The customer asks for the invoice."], analyser: "model", isInTextLanguage: false });
    const bare = await f.addDeal({ manager: "alice", stage: "EXECUTING", amount: "100", createdAt: "2026-10-01T10:00:00Z" });
    await addAnalysedText(testDb.db, { orgId: f.org.id, sourceId: f.source.id, dealId: bare.id, occurredAt: "2026-11-01T10:00:00Z" });
    expect(await card(bare.id)).toMatchObject({ summary: null, risk: null });
  });
});

describe("the risk flag", () => {
  it("flags an open deal whose newest three texts average below −0.2 and that nobody touched for 7 days", async () => {
    // newest three: (−0.6 − 0.5 + 0.2) ÷ 3 = −0.3; the last touch 25 Nov 10:00, 12 days before 7 Dec 10:00
    const deal = await dealWithTexts("EXECUTING", [
      ["2026-11-01T10:00:00Z", 0.9, "Всё нравится."],
      ["2026-11-15T10:00:00Z", 0.2, "Нужно подумать."],
      ["2026-11-20T10:00:00Z", -0.5, "Дорого."],
      ["2026-11-25T10:00:00Z", -0.6, "Конкурент дешевле."],
    ]);
    expect((await card(deal.id)).risk).toEqual({ isAtRisk: true, recentSentiment: -0.3, recentTexts: 3, daysSinceTouch: 12, quietDays: 7 });

    // a call done 3 days ago is a touch: 3 < 7, no risk
    await testDb.db.insert(activities).values({ orgId: f.org.id, sourceId: f.source.id, externalId: `call-${deal.id}`, type: "call", dealId: deal.id, isCompleted: true, startAt: new Date("2026-12-04T10:00:00Z") });
    expect((await card(deal.id)).risk).toMatchObject({ isAtRisk: false, daysSinceTouch: 3 });

    // the organisation sets 2 quiet days: 3 ≥ 2, at risk again
    await saveAiSettings(testDb.db, { orgId: f.org.id, userId: f.users.admin.id }, { isAnalysisEnabled: false, monthlyTokenBudget: 1000, riskQuietDays: 2 });
    expect((await card(deal.id)).risk).toMatchObject({ isAtRisk: true, daysSinceTouch: 3, quietDays: 2 });
    await saveAiSettings(testDb.db, { orgId: f.org.id, userId: f.users.admin.id }, { isAnalysisEnabled: false, monthlyTokenBudget: 1000, riskQuietDays: 7 });
  });

  it("does not flag a quiet deal whose recent tone is neutral: (−0.3 + 0.1 + 0) ÷ 3 = −0.07", async () => {
    const deal = await dealWithTexts("EXECUTING", [
      ["2026-10-01T10:00:00Z", -0.3, "Сомневаются."],
      ["2026-10-02T10:00:00Z", 0.1, "Уточняют сроки."],
      ["2026-10-03T10:00:00Z", 0, "Ждут счёт."],
    ]);
    expect((await card(deal.id)).risk).toEqual({ isAtRisk: false, recentSentiment: -0.07, recentTexts: 3, daysSinceTouch: 65, quietDays: 7 });
  });
});
