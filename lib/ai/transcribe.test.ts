// Transcription through the mock server's /audio/transcriptions: the recording is fetched from its link
// and posted with the model; 429 is retried; an answer without text and an unset model are refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { AiConfig } from "./config";
import { chatReply, startMockOpenAi, type MockOpenAi } from "./test/mock-openai";
import { transcribe, TranscriptionError } from "./transcribe";

let mock: MockOpenAi;
let config: AiConfig;

beforeAll(async () => {
  mock = await startMockOpenAi();
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.requests.length = 0;
  config = { baseUrl: mock.baseUrl, apiKey: "sk-test", model: "m", transcribeModel: "whisper-1", redactPii: true, maxChars: 8000, timeoutMs: 5000, priceInputPerMTok: 0, priceOutputPerMTok: 0, country: "KZ" };
});

const recording = () => `${mock.baseUrl.replace(/\/v1$/, "")}/files/call-42.mp3`;

describe("transcribe", () => {
  it("fetches the recording, posts it with the model and returns the text", async () => {
    mock.script("/audio/transcriptions", { body: { text: " Алло, это Иван. Цена для нас высокая. ", language: "russian", duration: 12.5 } });
    const transcript = await transcribe(recording(), config);
    expect(transcript).toMatchObject({ text: "Алло, это Иван. Цена для нас высокая.", language: "russian", durationSeconds: 12.5 });
    const posted = mock.requests.find((r) => r.path === "/audio/transcriptions")!;
    expect(posted.headers["content-type"]).toMatch(/^multipart\/form-data/);
    expect(posted.headers.authorization).toBe("Bearer sk-test");
    expect(posted.body).toContain('name="model"\r\n\r\nwhisper-1');
    expect(posted.body).toContain('filename="call-42.mp3"');
    expect(posted.body).toContain("ID3-fake-audio");
  });

  it("retries a 429 and then returns the text", async () => {
    mock.script("/audio/transcriptions", { status: 429, body: { error: { message: "slow down" } } }, { body: { text: "Hello" } });
    expect((await transcribe(recording(), config, { backoffMs: 5 })).text).toBe("Hello");
    expect(mock.requests.filter((r) => r.path === "/audio/transcriptions")).toHaveLength(2);
  });

  it("refuses an answer without text, a recording that cannot be fetched, and a missing model", async () => {
    mock.script("/audio/transcriptions", chatReply("not a transcript"));
    await expect(transcribe(recording(), config)).rejects.toMatchObject({ code: "ai_invalid_answer" });
    await expect(transcribe(`${mock.baseUrl}/nowhere.mp3`, config)).rejects.toMatchObject({ code: "ai_recording_unavailable" });
    await expect(transcribe(recording(), { ...config, transcribeModel: null })).rejects.toBeInstanceOf(TranscriptionError);
  });

  it("gives up at the timeout", async () => {
    mock.script("/audio/transcriptions", { body: { text: "late" }, delayMs: 2000 });
    await expect(transcribe(recording(), { ...config, timeoutMs: 200 })).rejects.toMatchObject({ code: "ai_timeout" });
  });
});
