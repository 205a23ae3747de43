// Transcription for an organisation: only once it has opted in, and every call to the endpoint logged.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aiRequests } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import type { AiConfig } from "./config";
import { transcribeForOrg } from "./service";
import { saveAiSettings } from "./settings";
import { startMockOpenAi, type MockOpenAi } from "./test/mock-openai";

let testDb: TestDb;
let mock: MockOpenAi;
let a: OrgFixture;
let config: AiConfig;

beforeAll(async () => {
  testDb = await createTestDb();
  mock = await startMockOpenAi();
  a = await createOrgFixture(testDb.db);
  config = { baseUrl: mock.baseUrl, apiKey: null, model: "m", transcribeModel: "whisper-1", redactPii: true, maxChars: 8000, timeoutMs: 2000, priceInputPerMTok: 0, priceOutputPerMTok: 0, country: "KZ" };
});
afterAll(async () => {
  await mock.close();
  await testDb.close();
});

describe("transcribeForOrg", () => {
  const recording = () => `${mock.baseUrl.replace(/\/v1$/, "")}/files/call-7.mp3`;

  it("sends no audio while the organisation has not opted in", async () => {
    expect(await transcribeForOrg(testDb.db, a.org.id, recording(), { config })).toBeNull();
    expect(mock.requests).toHaveLength(0);
  });

  it("once opted in, returns the transcript and logs the call; a failed call is logged with its code", async () => {
    await saveAiSettings(testDb.db, { orgId: a.org.id, userId: a.users.admin.id }, { isAnalysisEnabled: true, monthlyTokenBudget: 1000 });
    mock.script("/audio/transcriptions", { body: { text: "Алло, цена высокая." } }, { body: { nothing: true } });
    expect(await transcribeForOrg(testDb.db, a.org.id, recording(), { config })).toMatchObject({ text: "Алло, цена высокая." });
    await expect(transcribeForOrg(testDb.db, a.org.id, recording(), { config })).rejects.toMatchObject({ code: "ai_invalid_answer" });
    const log = await testDb.db.select().from(aiRequests).where(eq(aiRequests.orgId, a.org.id));
    expect(log.map((r) => [r.kind, r.model, r.outcome, r.errorCode]).sort()).toEqual([
      ["transcription", "whisper-1", "invalid", "ai_invalid_answer"],
      ["transcription", "whisper-1", "ok", null],
    ]);
  });
});
