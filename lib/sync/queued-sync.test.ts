// "Sync now" on a web instance (VORONKA_ROLE=web): the run is queued, holds its source, and is done
// exactly once by whichever worker takes it first.
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startBitrix24Mock, type Bitrix24Mock } from "@/e2e/mocks/bitrix24-mock";
import { sources, syncRuns } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { runQueuedSync } from "./engine";
import { requestSync } from "./request-sync";
import { SyncBusyError, queuedRunIds } from "./runs";
import { addCrmSource, liveDeals } from "./test-helpers";

let testDb: TestDb;
const mocks: Bitrix24Mock[] = [];
const fast = { bitrix24: { backoff: { baseMs: 5, maxMs: 50 }, timeoutMs: 2000 } };

beforeAll(async () => {
  testDb = await createTestDb();
});
afterEach(async () => {
  while (mocks.length) await mocks.pop()!.close();
});
afterAll(() => testDb.close());

async function setup() {
  const mock = await startBitrix24Mock({ deals: 30, seed: 7 });
  mocks.push(mock);
  const f = await createOrgFixture(testDb.db);
  const source = await addCrmSource(testDb.db, f.org.id, "bitrix24", mock.url, { kind: "bitrix24-webhook", webhookUrl: mock.webhookUrl });
  return { f, source };
}

describe("sync runs handed to workers", () => {
  it("a web instance queues the run and does none of it; one worker does it, a second finds nothing to do", async () => {
    const { f, source } = await setup();
    const requested = await requestSync(testDb.db, f.org.id, source.id, { mode: "full", triggeredBy: f.users.admin.id }, "web");
    expect(requested.finished).toBeNull();
    const [queued] = await testDb.db.select().from(syncRuns).where(eq(syncRuns.id, requested.runId));
    expect(queued).toMatchObject({ status: "queued", kind: "full", triggeredBy: f.users.admin.id });
    expect(await liveDeals(testDb.db, source.id)).toHaveLength(0);
    expect(await queuedRunIds(testDb.db)).toContain(requested.runId);

    // While it waits the source is held: a second "Sync now" is refused like one during a run.
    await expect(requestSync(testDb.db, f.org.id, source.id, { mode: "incremental" }, "web")).rejects.toBeInstanceOf(SyncBusyError);

    // Two workers hear the same signal at once: exactly one of them runs it.
    const [first, second] = await Promise.all([runQueuedSync(testDb.db, requested.runId, { deps: fast }), runQueuedSync(testDb.db, requested.runId, { deps: fast })]);
    const done = [first, second].filter((summary) => summary !== null);
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ runId: requested.runId, status: "succeeded" });
    expect(await liveDeals(testDb.db, source.id)).toHaveLength(30);
    const [finished] = await testDb.db.select().from(syncRuns).where(eq(syncRuns.id, requested.runId));
    expect(finished).toMatchObject({ status: "succeeded", kind: "full" });
    expect(await queuedRunIds(testDb.db)).not.toContain(requested.runId);
  });

  it("an all-in-one instance runs the sync itself, as before", async () => {
    const { f, source } = await setup();
    const requested = await requestSync(testDb.db, f.org.id, source.id, { mode: "full", deps: fast }, "all");
    expect((await requested.finished)?.status).toBe("succeeded");
    expect(await liveDeals(testDb.db, source.id)).toHaveLength(30);
  });

  it("a queued run whose source lost its credentials before a worker took it fails with the reason, and frees the source", async () => {
    const { f, source } = await setup();
    const { runId } = await requestSync(testDb.db, f.org.id, source.id, { mode: "incremental" }, "web");
    await testDb.db.update(sources).set({ credentials: null }).where(eq(sources.id, source.id));
    const summary = await runQueuedSync(testDb.db, runId, { deps: fast });
    expect(summary).toMatchObject({ runId, status: "failed" });
    const [row] = await testDb.db.select().from(syncRuns).where(eq(syncRuns.id, runId));
    expect(row.status).toBe("failed");
    expect(row.failure?.code).toBeTruthy();
  });
});
