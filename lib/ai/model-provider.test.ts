// The model analyser against a mock OpenAI-compatible server: a valid answer is used, 429 is retried,
// an answer that is not valid JSON for the schema is asked for once more and then recorded as failed,
// a refusal and a timeout are recorded as such — the model's output is validated, never trusted.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AiConfig } from "./config";
import { analyseWithModel } from "./model-provider";
import { chatReply, startMockOpenAi, type MockOpenAi } from "./test/mock-openai";

let mock: MockOpenAi;
let config: AiConfig & { baseUrl: string; model: string };

const valid = {
  sentiment: -0.4,
  intent: "purchase",
  objections: [{ type: "price", quote: "для нас это дорого" }],
  summary: "Клиент считает цену высокой.",
  language: "ru",
};

beforeAll(async () => {
  mock = await startMockOpenAi();
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.requests.length = 0;
  config = {
    baseUrl: mock.baseUrl,
    apiKey: "sk-test-secret",
    model: "test-model",
    transcribeModel: null,
    redactPii: true,
    maxChars: 8000,
    timeoutMs: 5000,
    priceInputPerMTok: 0,
    priceOutputPerMTok: 0,
    country: "KZ",
  };
});

describe("analyseWithModel", () => {
  it("returns a valid answer as a model analysis with its tokens, sending the key and the text", async () => {
    mock.script("/chat/completions", chatReply(valid, { promptTokens: 300, completionTokens: 55 }));
    const call = await analyseWithModel("Честно говоря, для нас это дорого.", config, { lang: "ru" });
    expect(call).toMatchObject({ outcome: "ok", errorCode: null, tokensIn: 300, tokensOut: 55, attempts: 1 });
    expect(call.analysis).toEqual({ ...valid, analyser: "model", model: "test-model" });
    expect(mock.requests).toHaveLength(1);
    expect(mock.requests[0].headers.authorization).toBe("Bearer sk-test-secret");
    const sent = JSON.parse(Buffer.from(mock.requests[0].body, "latin1").toString("utf8"));
    expect(sent.model).toBe("test-model");
    expect(JSON.stringify(sent.messages)).toContain("для нас это дорого");
  });

  it("retries a 429 (honouring Retry-After) and then uses the answer", async () => {
    mock.script("/chat/completions", { status: 429, body: { error: { message: "rate limited" } }, headers: { "retry-after-ms": "20" } }, chatReply(valid));
    const call = await analyseWithModel("дорого", config);
    expect(call.outcome).toBe("ok");
    expect(mock.requests).toHaveLength(2);
  });

  it("records a 429 that never ends as rate_limited after the SDK's 2 retries (3 requests)", async () => {
    const limited = { status: 429, body: { error: { message: "rate limited" } }, headers: { "retry-after-ms": "10" } };
    mock.script("/chat/completions", limited, limited, limited);
    const call = await analyseWithModel("дорого", config);
    expect(call).toMatchObject({ outcome: "rate_limited", errorCode: "ai_rate_limited", analysis: null });
    expect(mock.requests).toHaveLength(3);
  });

  it("asks once more when the answer is malformed JSON, and uses the second answer", async () => {
    mock.script("/chat/completions", chatReply('{"sentiment": -0.4, "intent": "purch'), chatReply(valid));
    const call = await analyseWithModel("дорого", config);
    expect(call).toMatchObject({ outcome: "ok", attempts: 2, tokensIn: 240, tokensOut: 80 });
  });

  it("records a second invalid answer as failed: out-of-range sentiment and an unknown objection class are not trusted", async () => {
    mock.script("/chat/completions", chatReply({ ...valid, sentiment: 7 }), chatReply({ ...valid, objections: [{ type: "weather", quote: "дождь" }] }));
    const call = await analyseWithModel("дорого", config);
    expect(call).toMatchObject({ outcome: "invalid", errorCode: "ai_invalid_answer", analysis: null, attempts: 2, tokensIn: 240, tokensOut: 80 });
    expect(mock.requests).toHaveLength(2);
  });

  it("records a refusal as refused", async () => {
    const refusal = chatReply("I'm sorry, but I can't help with that.", { refusal: "I'm sorry, but I can't help with that." });
    mock.script("/chat/completions", refusal, refusal);
    const call = await analyseWithModel("дорого", config);
    expect(call).toMatchObject({ outcome: "refused", errorCode: "ai_refused", analysis: null });
  });

  it("gives up at the timeout and records it", async () => {
    mock.script("/chat/completions", { ...chatReply(valid), delayMs: 3000 });
    const call = await analyseWithModel("дорого", { ...config, timeoutMs: 300 });
    expect(call).toMatchObject({ outcome: "timeout", errorCode: "ai_timeout", analysis: null });
    expect(call.latencyMs).toBeLessThan(2500);
  });

  it("records a 500 that persists as a provider error", async () => {
    const down = { status: 503, body: { error: { message: "overloaded" } }, headers: { "retry-after-ms": "10" } };
    mock.script("/chat/completions", down, down, down);
    const call = await analyseWithModel("дорого", config);
    expect(call).toMatchObject({ outcome: "provider_error", errorCode: "ai_provider_error" });
  });
});
