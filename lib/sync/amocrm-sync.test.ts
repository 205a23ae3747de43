// An amoCRM account (the mock, 7 requests/s enforced) synced into the canonical tables: full with a
// long-lived token, OAuth with a token that expires mid-run, incremental after changes, killed mid-run.
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startAmoMock, type AmoMock } from "@/e2e/mocks/amocrm-mock";
import { activities, sources, syncCursors } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { openCredentials, type SourceCredentials } from "@/lib/sources/credentials";
import { runSync, type RunOptions } from "./engine";
import { addCrmSource, byId, factsAndRebuild, liveDeals, liveIds, money, stageChangeIds } from "./test-helpers";

let testDb: TestDb;
const mocks: AmoMock[] = [];
const fast = { amocrm: { backoff: { baseMs: 5, maxMs: 50 }, timeoutMs: 2000 } };

beforeAll(async () => {
  testDb = await createTestDb();
});
afterEach(async () => {
  while (mocks.length) await mocks.pop()!.close();
});
afterAll(() => testDb.close());

async function setup(options: Parameters<typeof startAmoMock>[0], oauth = false) {
  const mock = await startAmoMock(options);
  mocks.push(mock);
  const f = await createOrgFixture(testDb.db);
  const a = mock.state.auth;
  const credentials: SourceCredentials = oauth
    ? { kind: "amocrm-token", accessToken: a.accessToken, refreshToken: a.refreshToken, expiresAt: Date.now() + 86_400_000, clientId: a.clientId, clientSecret: a.clientSecret, redirectUri: a.redirectUri }
    : { kind: "amocrm-token", accessToken: a.longLivedToken };
  const source = await addCrmSource(testDb.db, f.org.id, "amocrm", mock.url, credentials, { currency: "KZT" });
  const sync = (mode: RunOptions["mode"], extra: Partial<RunOptions> = {}) => runSync(testDb.db, f.org.id, source.id, { mode, deps: fast, ...extra });
  return { mock, f, source, sync };
}

const utmSource = (row: Record<string, unknown>) =>
  ((row.custom_fields_values as { field_code: string; values: { value: string }[] }[] | null) ?? []).find((f) => f.field_code === "UTM_SOURCE")?.values[0].value ?? null;

function mockDeals(mock: AmoMock) {
  return mock.state.mutations
    .rows("lead")
    .map((row) => ({ externalId: String(row.id), amount: money(row.price), stage: String(row.status_id), manager: String(row.responsible_user_id), utmSource: utmSource(row) }))
    .sort((a, b) => byId(a.externalId, b.externalId));
}

async function storedDeals(sourceId: string) {
  return (await liveDeals(testDb.db, sourceId))
    .map(({ externalId, amount, stage, manager, utmSource }) => ({ externalId, amount, stage, manager, utmSource }))
    .sort((a, b) => byId(a.externalId, b.externalId));
}

describe("amoCRM sync", () => {
  it("a full sync ends with exactly the account's data: leads as deals, 142/143 per pipeline, tasks, call notes, status events", async () => {
    const { mock, f, source, sync } = await setup({ leads: 90, seed: 21 });
    const run = await sync("full");
    expect(run.status).toBe("succeeded");
    expect(await storedDeals(source.id)).toEqual(mockDeals(mock));
    const tasks = mock.state.mutations.rows("task").map((t) => `task:${t.id}`);
    const calls = mock.state.mutations.rows("note").filter((n) => n.note_type === "call_in" || n.note_type === "call_out").map((n) => `note:${n.id}`);
    expect(await liveIds(testDb.db, activities, source.id)).toEqual([...tasks, ...calls].sort());
    const statusEvents = mock.state.mutations.rows("event").filter((e) => e.type === "lead_status_changed").map((e) => String(e.id));
    expect(await stageChangeIds(testDb.db, source.id)).toEqual(statusEvents.sort());
    // A call note's talk time arrives as the note's duration.
    const note = mock.state.mutations.rows("note").find((n) => n.note_type === "call_out")!;
    const [stored] = await testDb.db.select().from(activities).where(and(eq(activities.sourceId, source.id), eq(activities.externalId, `note:${note.id}`)));
    expect(stored.durationSeconds).toBe(Number((note.params as { duration: number }).duration));
    expect(run.progress.deals).toMatchObject({ done: 90, inserted: 90, finished: true });
    // The sync learnt which account this is, as amoCRM reports it (the mock's address, 127.0.0.1, says nothing).
    const [row] = await testDb.db.select().from(sources).where(eq(sources.id, source.id));
    expect(row).toMatchObject({ crmAccountId: "29978305", crmAccountDomain: "mock" });
    // The account's limiter never had to refuse us after the first second.
    expect(mock.state.stats.refusedAt.filter((at) => at > 1000)).toEqual([]);
    // The report facts, refreshed once at the end of this first sync, are what a rebuild makes.
    expect(run.timings.report_facts).toBeDefined();
    const { written, rebuilt } = await factsAndRebuild(testDb.db, f.org.id);
    expect(written.report_deal_facts).toHaveLength(90);
    expect(written).toEqual(rebuilt);
  });

  it("refreshes an OAuth token that expires mid-run once, stores the new pair encrypted, and finishes", async () => {
    const { mock, source, sync } = await setup({ leads: 40, seed: 22, faults: { expireTokenAfter: 4 } }, true);
    const run = await sync("full");
    expect(run.status).toBe("succeeded");
    expect(mock.state.stats.refreshes).toBe(1);
    const [row] = await testDb.db.select().from(sources).where(eq(sources.id, source.id));
    const saved = openCredentials(row.credentials);
    expect(saved).toMatchObject({ accessToken: mock.state.auth.accessToken, refreshToken: mock.state.auth.refreshToken });
    expect(row.credentials).not.toContain(mock.state.auth.accessToken);
    expect(await storedDeals(source.id)).toEqual(mockDeals(mock));
  });

  it("still ends with the right data under 5xx, truncated JSON, hangs and a 429 storm", async () => {
    const { mock, source, sync } = await setup({ leads: 60, seed: 25, faults: { serverErrorRate: 0.15, truncateRate: 0.1, hangRate: 0.05, rateLimitStorm: 3 }, faultSeed: 9 });
    const run = await sync("full", { deps: { amocrm: { backoff: { baseMs: 5, maxMs: 50 }, timeoutMs: 500, maxAttempts: 12 } } });
    expect(run.status).toBe("succeeded");
    const injected = mock.state.stats.injected;
    expect(injected.serverError + injected.truncated + injected.hang + injected.storm).toBeGreaterThan(3);
    expect(run.stats.retries).toBeGreaterThan(0);
    expect(await storedDeals(source.id)).toEqual(mockDeals(mock));
  });

  it("an incremental sync fetches the changed leads; the full pass finds the deleted one", async () => {
    const { mock, source, sync } = await setup({ leads: 60, seed: 23 });
    await sync("full");
    const m = mock.state.mutations;
    const open = m.rows("lead").find((l) => l.status_id !== 142 && l.status_id !== 143)!;
    m.update("lead", Number(open.id), { status_id: 142 });
    const added = m.add("lead", { price: 4321 });
    const victim = m.rows("lead").find((l) => l.id !== open.id && l.id !== added.id)!;
    m.remove("lead", Number(victim.id));
    const [cursor] = await testDb.db.select().from(syncCursors).where(and(eq(syncCursors.sourceId, source.id), eq(syncCursors.entity, "deals")));
    const windowStart = cursor.modifiedAt!.getTime() / 1000 - 600;
    const untouchedInWindow = m.rows("lead").filter((l) => l.id !== open.id && l.id !== added.id && Number(l.updated_at) >= windowStart).length;

    const run = await sync("incremental");
    // 2 changed leads (1 won, 1 new) + untouched leads inside the 10-minute re-read window
    expect(run.progress.deals.fetched).toBe(2 + untouchedInWindow);
    const stored = await storedDeals(source.id);
    expect(stored.find((d) => d.externalId === String(open.id))?.stage).toBe("142");
    expect(stored.find((d) => d.externalId === String(added.id))?.amount).toBe("4321.00");
    expect(stored.some((d) => d.externalId === String(victim.id))).toBe(true); // not yet seen as deleted

    const full = await sync("full");
    expect(full.progress.deals.deleted).toBe(1);
    expect(await storedDeals(source.id)).toEqual(mockDeals(mock));
  });

  it("a run killed after two pages resumes from the cursor without losing or duplicating leads", async () => {
    const { mock, source, sync } = await setup({ leads: 100, seed: 24 });
    const tuning = { amocrmPageSize: 25 };
    const killed = await sync("full", {
      tuning,
      afterPage: (entity, page) => {
        if (entity === "deals" && page === 2) throw new Error("process killed");
      },
    });
    expect(killed.status).toBe("failed");
    expect((await liveDeals(testDb.db, source.id)).length).toBe(50); // 2 pages × 25
    const resumed = await sync("incremental", { tuning });
    expect(resumed.status).toBe("succeeded");
    // Resumes at page 2 (the last committed page is read again, in case deletions shifted pages):
    // 100 − 25 = 75 leads read, not 100.
    expect(resumed.progress.deals.fetched).toBe(75);
    expect(await storedDeals(source.id)).toEqual(mockDeals(mock));
  });
});
