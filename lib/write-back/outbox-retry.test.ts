// The write-back outbox when the CRM keeps failing: retried on the backoff schedule, dead after
// MAX_ATTEMPTS with the CRM's words, replayed into one open row per record.
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startBitrix24Mock, type Bitrix24Mock } from "@/e2e/mocks/bitrix24-mock";
import { deals, writeBackOutbox } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { MAX_ATTEMPTS } from "@/lib/ingest/process/backoff";
import { drainWriteBack } from "./deliver";
import { runWriteBack } from "./manage";
import { enqueueChanges } from "./plan";
import { replayDeadWrites } from "./replay";
import { fastDeps, setWriteBack, syncedSource } from "./test-setup";

let testDb: TestDb;
const mocks: Bitrix24Mock[] = [];
const failFast = { ...fastDeps, bitrix24: { ...fastDeps.bitrix24, maxAttempts: 1 } };

beforeAll(async () => {
  testDb = await createTestDb();
});
afterEach(async () => {
  while (mocks.length) await mocks.pop()!.close();
});
afterAll(() => testDb.close());

async function setup() {
  const mock = await startBitrix24Mock({ deals: 3, seed: 5 });
  mocks.push(mock);
  const synced = await syncedSource(testDb.db, "bitrix24", mock.url, { kind: "bitrix24-webhook", webhookUrl: mock.webhookUrl });
  await setWriteBack(testDb.db, synced.source.id, { isEnabled: true, fields: { traffic_confidence: "UF_CRM_VORONKA_CONFIDENCE" } });
  const rows = () => testDb.db.select().from(writeBackOutbox).where(and(eq(writeBackOutbox.orgId, synced.f.org.id), eq(writeBackOutbox.sourceId, synced.source.id)));
  return { mock, ...synced, rows };
}

describe("write-back retries", () => {
  it("a portal that answers 500 gets each write retried on the backoff schedule, dead on attempt 10 with its words", async () => {
    const { mock, f, source, rows } = await setup();
    mock.state.faults.serverErrorRate = 1;
    let now = new Date("2027-03-01T10:00:00Z");
    const first = await runWriteBack(testDb.db, f.org.id, source.id, { deps: failFast, now: () => now });
    expect(first).toMatchObject({ queued: 3, sent: 0, failed: 3, dead: 0 });
    expect((await rows()).map((row) => [row.status, row.attempts, row.nextAttemptAt.toISOString()])).toEqual([
      ["failed", 1, "2027-03-01T10:00:30.000Z"],
      ["failed", 1, "2027-03-01T10:00:30.000Z"],
      ["failed", 1, "2027-03-01T10:00:30.000Z"],
    ]);
    // Not due yet: nothing is tried.
    expect(await drainWriteBack(testDb.db, { orgId: f.org.id, deps: failFast, now: () => now })).toMatchObject({ requests: 0 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = new Date((await rows())[0].nextAttemptAt.getTime());
      const result = await drainWriteBack(testDb.db, { orgId: f.org.id, deps: failFast, now: () => now });
      expect(result).toMatchObject(attempt < MAX_ATTEMPTS ? { failed: 3, dead: 0 } : { failed: 0, dead: 3 });
    }
    const dead = await rows();
    expect(dead.map((row) => [row.status, row.attempts])).toEqual([["dead", 10], ["dead", 10], ["dead", 10]]);
    expect(dead[0].lastError).toContain("HTTP 500");
    expect(dead[0].lastError).not.toContain("mockwebhookcode42"); // the webhook code never reaches a message

    mock.state.faults.serverErrorRate = 0;
    expect(await replayDeadWrites(testDb.db, f.org.id, source.id, now)).toBe(3);
    expect(await drainWriteBack(testDb.db, { orgId: f.org.id, deps: failFast, now: () => now })).toMatchObject({ sent: 3, requests: 1 });
    const ours = await testDb.db.select({ id: deals.externalId, confidence: deals.attributionConfidence }).from(deals).where(eq(deals.sourceId, source.id));
    const theirs = mock.state.mutations.rows("deal").map((row) => ({ id: String(row.ID), confidence: row.UF_CRM_VORONKA_CONFIDENCE }));
    expect(theirs.sort((a, b) => a.id.localeCompare(b.id))).toEqual(ours.sort((a, b) => a.id.localeCompare(b.id)));
    expect(theirs.every((row) => ["high", "medium", "low"].includes(String(row.confidence)))).toBe(true);
  });

  it("replay keeps one open row per record: a dead row's values go under the newer waiting ones", async () => {
    const { f, source, rows } = await setup();
    const now = new Date("2027-03-01T10:00:00Z");
    await enqueueChanges(testDb.db, f.org.id, source.id, [{ entity: "deal", externalId: "1", values: { UF_A: "old", UF_B: "kept" } }], now);
    await testDb.db.update(writeBackOutbox).set({ status: "dead", lastError: "Not found" }).where(eq(writeBackOutbox.sourceId, source.id));
    await enqueueChanges(testDb.db, f.org.id, source.id, [{ entity: "deal", externalId: "1", values: { UF_A: "new" } }], now);
    expect(await replayDeadWrites(testDb.db, f.org.id, source.id, now)).toBe(1);
    const after = await rows();
    expect(after.map((row) => [row.status, row.values])).toEqual([["pending", { UF_A: "new", UF_B: "kept" }]]);
  });
});
