// analyzeText picks the analyser: the basic one without a model or when asked, the model when one is
// configured — falling back to the basic analyser when the model's answers fail validation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysisCacheKey, analyzeText } from "./analysis";
import type { AiConfig } from "./config";
import { EmptyTextError } from "./prepare";
import { chatReply, startMockOpenAi, type MockOpenAi } from "./test/mock-openai";

let mock: MockOpenAi;
const base: AiConfig = { baseUrl: null, apiKey: null, model: null, transcribeModel: null, redactPii: true, maxChars: 8000, timeoutMs: 5000, priceInputPerMTok: 0, priceOutputPerMTok: 0, country: "KZ" };

beforeAll(async () => {
  mock = await startMockOpenAi();
});
afterAll(() => mock.close());

describe("analyzeText", () => {
  it("uses the basic analyser without a model: «не дорого» raises no objection", async () => {
    expect(await analyzeText("Нормально, не дорого.", { config: base })).toMatchObject({ analyser: "basic", objections: [], language: "ru" });
  });

  it("uses the configured model, and the basic analyser when asked for it", async () => {
    const config = { ...base, baseUrl: mock.baseUrl, model: "m" };
    mock.script("/chat/completions", chatReply({ sentiment: 0.2, intent: "info", objections: [], summary: "Вопрос о тарифах.", language: "ru" }));
    expect(await analyzeText("Какие у вас тарифы?", { config })).toMatchObject({ analyser: "model", model: "m", intent: "info" });
    expect(await analyzeText("Какие у вас тарифы?", { config, provider: "basic" })).toMatchObject({ analyser: "basic" });
    expect(mock.requests).toHaveLength(1);
  });

  it("answers with the basic analyser when the model's answers fail validation twice", async () => {
    const config = { ...base, baseUrl: mock.baseUrl, model: "m" };
    mock.script("/chat/completions", chatReply("not json"), chatReply({ sentiment: 3 }));
    expect(await analyzeText("Для нас это дорого.", { config })).toMatchObject({ analyser: "basic", objections: [{ type: "price", quote: "Для нас это дорого" }] });
  });

  it("refuses an empty text, and provider model without a model", async () => {
    await expect(analyzeText(" ", { config: base })).rejects.toBeInstanceOf(EmptyTextError);
    await expect(analyzeText("текст", { config: base, provider: "model" })).rejects.toThrow("No model is configured");
  });
});

describe("analysisCacheKey", () => {
  it("is the same for the same words however written, and differs per analyser version", () => {
    expect(analysisCacheKey("Для нас  это ДОРОГО ", "basic-2")).toBe(analysisCacheKey("для нас это дорого", "basic-2"));
    expect(analysisCacheKey("дорого", "basic-2")).not.toBe(analysisCacheKey("дорого", "model-1:gpt"));
    expect(analysisCacheKey("дорого", "basic-2")).toMatch(/^[0-9a-f]{64}$/);
  });
});
