// A Bitrix24 portal (the mock, with its real rate limits) synced into the canonical tables: full,
// incremental after a handful of changes, under injected faults, and killed mid-run.
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startBitrix24Mock, type Bitrix24Mock } from "@/e2e/mocks/bitrix24-mock";
import { activities, contacts, syncCursors, syncRuns } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { resolvePeriod } from "@/lib/reports/filters";
import { getSalesByMonth } from "@/lib/reports/sales-by-month";
import { runSync, startSync, type RunOptions } from "./engine";
import { addCrmSource, byId, deferredFactsMarker, factsAndRebuild, leadStatusChangeIds, liveDeals, liveIds, money, stageChangeIds } from "./test-helpers";

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

async function setup(options: Parameters<typeof startBitrix24Mock>[0]) {
  const mock = await startBitrix24Mock(options);
  mocks.push(mock);
  const f = await createOrgFixture(testDb.db);
  const source = await addCrmSource(testDb.db, f.org.id, "bitrix24", mock.url, { kind: "bitrix24-webhook", webhookUrl: mock.webhookUrl });
  const sync = (mode: RunOptions["mode"], extra: Partial<RunOptions> = {}) => runSync(testDb.db, f.org.id, source.id, { mode, deps: fast, ...extra });
  return { mock, f, source, sync };
}

/** The mock's live deals in the shape liveDeals() reads them back. */
function mockDeals(mock: Bitrix24Mock) {
  return mock.state.mutations
    .rows("deal")
    .map((row) => ({ externalId: String(row.ID), amount: money(row.OPPORTUNITY), stage: String(row.STAGE_ID), manager: String(row.ASSIGNED_BY_ID), utmSource: (row.UTM_SOURCE as string | null) ?? null }))
    .sort((a, b) => byId(a.externalId, b.externalId));
}

async function storedDeals(sourceId: string) {
  return (await liveDeals(testDb.db, sourceId))
    .map(({ externalId, amount, stage, manager, utmSource }) => ({ externalId, amount, stage, manager, utmSource }))
    .sort((a, b) => byId(a.externalId, b.externalId));
}

async function wonCount2025(f: OrgFixture) {
  const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };
  const range = { from: "2025-01-01", to: "2026-12-31" };
  const admin = f.users.admin;
  const now = new Date("2027-01-01T00:00:00Z");
  const report = await getSalesByMonth({ db: testDb.db, scope: scopeOf({ ...admin, userId: admin.id }), org, filters: range, period: resolvePeriod(range, org.timezone, now), now });
  return report.totals.wonCount;
}

describe("Bitrix24 sync", () => {
  it("a full sync ends with exactly the portal's data: same ids, amounts, stages, managers, UTM tags", async () => {
    const { mock, f, source, sync } = await setup({ deals: 120, seed: 11 });
    const run = await sync("full");
    expect(run.status).toBe("succeeded");

    expect(await storedDeals(source.id)).toEqual(mockDeals(mock));
    const mockContacts = mock.state.mutations.rows("contact").map((row) => String(row.ID)).sort();
    expect(await liveIds(testDb.db, contacts, source.id)).toEqual(mockContacts);
    // Activities of types we count (meeting, call, task, e-mail) are all there.
    const countable = mock.state.mutations.rows("activity").filter((row) => ["1", "2", "3", "4"].includes(String(row.TYPE_ID)));
    expect(await liveIds(testDb.db, activities, source.id)).toEqual(countable.map((row) => String(row.ID)).sort());
    // Every history row of the portal's deals became a stage change, with the portal's ids.
    expect(await stageChangeIds(testDb.db, source.id)).toEqual(mock.state.mutations.rows("dealHistory").map((row) => String(row.ID)).sort());
    // And every history row of its leads (crm.stagehistory.list, entityTypeId 1) a lead status change.
    expect(await leadStatusChangeIds(testDb.db, source.id)).toEqual(mock.state.mutations.rows("leadHistory").map((row) => String(row.ID)).sort());
    // Call talk time came from voximplant.statistic.get: one call checked against the portal's own statistics.
    const call = countable.find((row) => row.TYPE_ID === "2")!;
    const [stored] = await testDb.db.select().from(activities).where(and(eq(activities.sourceId, source.id), eq(activities.externalId, String(call.ID))));
    expect(stored.durationSeconds).toBe((Date.parse(String(call.END_TIME)) - Date.parse(String(call.START_TIME))) / 1000);

    expect(run.progress.deals).toMatchObject({ done: 120, total: 120, inserted: 120, updated: 0, deleted: 0, finished: true });
    expect(run.stats.requests).toBeGreaterThan(0);
    // A first sync leaves the report facts to its end, shown as one more bar over the source's
    // deals, leads and activities, full once they are settled: the portal's 120 deals, its leads
    // and the activities of the types we count.
    expect(run.stats.entities).toEqual(["users", "pipelines", "companies", "contacts", "leads", "deals", "activities", "calls", "stage_history", "lead_status_history", "activity_texts", "call_records", "comments", "report_facts"]);
    const settled = 120 + mock.state.mutations.rows("lead").length + countable.length;
    expect(run.progress.report_facts).toEqual({ done: settled, total: settled, fetched: 0, inserted: 0, updated: 0, deleted: 0, finished: true });
    const [row] = await testDb.db.select().from(syncRuns).where(eq(syncRuns.id, run.runId));
    expect(row).toMatchObject({ status: "succeeded", kind: "full" });
    // Won deals in the reports are the portal's won deals (semantic S).
    const won = mock.state.mutations.rows("deal").filter((d) => d.STAGE_SEMANTIC_ID === "S").length;
    expect(await wonCount2025(f)).toBe(won);
    // A first sync leaves the report facts to its end and refreshes the source once, set-based:
    // every fact and rollup row is what a rebuild from scratch makes, and nothing is owed.
    expect(run.timings.report_facts).toBeDefined();
    expect(await deferredFactsMarker(testDb.db, source.id)).toBeNull();
    const { written, rebuilt } = await factsAndRebuild(testDb.db, f.org.id);
    expect(written.report_deal_facts).toHaveLength(120);
    expect(written).toEqual(rebuilt);
  });

  it("an incremental sync after a handful of changes fetches only those (and the re-read window); a full one then finds the deletion", async () => {
    const { mock, f, source, sync } = await setup({ deals: 150, seed: 12 });
    await sync("full");
    const [cursor] = await testDb.db.select().from(syncCursors).where(and(eq(syncCursors.sourceId, source.id), eq(syncCursors.entity, "deals")));
    const windowStart = cursor.modifiedAt!.getTime() - 10 * 60_000;

    const m = mock.state.mutations;
    const added = m.add("deal", { OPPORTUNITY: "777.77", ASSIGNED_BY_ID: "3", UTM_SOURCE: "instagram" });
    const openDeal = m.rows("deal").find((d) => d.STAGE_SEMANTIC_ID === "P" && d.ID !== added.ID)!;
    m.update("deal", Number(openDeal.ID), { STAGE_ID: openDeal.CATEGORY_ID === "1" ? "C1:WON" : "WON" });
    const other = m.rows("deal").find((d) => d.ID !== openDeal.ID && d.ID !== added.ID && d.STAGE_SEMANTIC_ID === "S")!;
    m.update("deal", Number(other.ID), { OPPORTUNITY: "123456.00" });
    const victim = m.rows("deal").find((d) => ![added.ID, openDeal.ID, other.ID].includes(d.ID))!;
    m.remove("deal", Number(victim.ID));

    const run = await sync("incremental");
    expect(run.status).toBe("succeeded");
    // A handful of changes: their facts were refreshed with each page, nothing left to the end.
    expect(run.timings.report_facts).toBeUndefined();
    // The 3 changed deals (1 new, 1 moved, 1 re-priced; all modified after the watermark) plus the
    // untouched deals the portal had modified inside the 10-minute re-read window before it.
    const changedIds = new Set([added.ID, openDeal.ID, other.ID]);
    const untouchedInWindow = m.rows("deal").filter((d) => !changedIds.has(d.ID) && Date.parse(String(d.DATE_MODIFY)) >= windowStart).length;
    expect(untouchedInWindow).toBeGreaterThanOrEqual(1); // the newest deal of the first sync sits at the watermark
    expect(untouchedInWindow).toBeLessThan(5);
    expect(run.progress.deals.fetched).toBe(3 + untouchedInWindow);
    const stored = await storedDeals(source.id);
    expect(stored.find((d) => d.externalId === added.ID)).toMatchObject({ amount: "777.77", manager: "3", utmSource: "instagram" });
    expect(stored.find((d) => d.externalId === other.ID)?.amount).toBe("123456.00");
    // The move was read from the portal's stage history, not derived a second time.
    const history = await stageChangeIds(testDb.db, source.id);
    expect(history).toEqual(m.rows("dealHistory").map((row) => String(row.ID)).sort());

    // An incremental read cannot see a deletion; the full pass does, and reports drop the deal.
    const full = await sync("full");
    expect(full.progress.deals.deleted).toBe(1);
    expect(await storedDeals(source.id)).toEqual(mockDeals(mock));
    // Won deals in the reports: the portal's live won deals — the moved one in, the deleted one out.
    expect(await wonCount2025(f)).toBe(m.rows("deal").filter((d) => d.STAGE_SEMANTIC_ID === "S").length);
    // A full pass over a synced source changes little: it refreshes as it goes, like webhooks do.
    expect(full.timings.report_facts).toBeUndefined();
    const { written, rebuilt } = await factsAndRebuild(testDb.db, f.org.id);
    expect(written).toEqual(rebuilt);
  });

  it("still ends with the right data under 5xx, timeouts, truncated JSON and a rate-limit storm", async () => {
    const { mock, source, sync } = await setup({ deals: 80, seed: 13, faults: { serverErrorRate: 0.15, truncateRate: 0.1, hangRate: 0.05, rateLimitStorm: 4 }, faultSeed: 5 });
    const run = await sync("full", { deps: { bitrix24: { backoff: { baseMs: 5, maxMs: 50 }, timeoutMs: 500, maxAttempts: 12 } } });
    expect(run.status).toBe("succeeded");
    const injected = mock.state.stats.injected;
    // The faults really happened: at least one of each kind was served.
    expect(injected.serverError + injected.truncated + injected.hang + injected.storm).toBeGreaterThan(4);
    expect(run.stats.retries).toBeGreaterThan(0);
    expect(await storedDeals(source.id)).toEqual(mockDeals(mock));
  });

  it("a run killed mid-way resumes from the cursor: nothing lost, nothing duplicated, earlier pages not read again", async () => {
    const { mock, source, sync } = await setup({ deals: 300, seed: 14 });
    const tuning = { bitrix24CommandsPerRequest: 2 }; // 2 × 50 = 100 deals per page
    const killed = await sync("full", {
      tuning,
      afterPage: (entity, page) => {
        if (entity === "deals" && page === 2) throw new Error("process killed");
      },
    });
    expect(killed.status).toBe("failed");
    // Not a CRM's refusal and not the admin's doing: logged, and shown only as its code.
    expect(killed.failure).toEqual({ code: "sync_unexpected_error" });
    const [cursor] = await testDb.db.select().from(syncCursors).where(and(eq(syncCursors.sourceId, source.id), eq(syncCursors.entity, "deals")));
    // Two pages of 100 committed: the cursor sits after the 200th deal, mid-pass.
    expect(cursor).toMatchObject({ lastExternalId: "200", rowsSeen: 200, passKind: "full" });
    expect((await liveDeals(testDb.db, source.id)).length).toBe(200);

    const servedBefore = mock.state.stats.rowsServed.deal ?? 0;
    const resumed = await sync("incremental", { tuning });
    expect(resumed.status).toBe("succeeded");
    // Only deals 201–300 were read again: 300 − 200 = 100 rows; the portal also served one
    // 50-row page to the COUNT sub-call that gives the progress bar its total: 100 + 50 = 150.
    // The comments step, never run before, then walks all 300 deals' ids for their timeline
    // comments, with its own 50-row COUNT page: 150 + 300 + 50 = 500 deal rows served in all.
    expect(resumed.progress.deals.fetched).toBe(100);
    expect(resumed.progress.comments).toMatchObject({ done: 300, total: 300, finished: true });
    expect((mock.state.stats.rowsServed.deal ?? 0) - servedBefore).toBe(150 + 300 + 50);
    expect(resumed.progress.deals).toMatchObject({ done: 300, total: 300 });
    expect(await storedDeals(source.id)).toEqual(mockDeals(mock));
    const [after] = await testDb.db.select().from(syncCursors).where(and(eq(syncCursors.sourceId, source.id), eq(syncCursors.entity, "deals")));
    expect(after).toMatchObject({ lastExternalId: null, passKind: null });
  });

  it("a run whose process dies mid-way leaves its report facts owed; the run that takes over resumes and ends with the right facts", async () => {
    const { mock, f, source } = await setup({ deals: 300, seed: 18 });
    const tuning = { bitrix24CommandsPerRequest: 2 }; // 100 deals per page
    let died!: () => void;
    const dead = new Promise<void>((resolve) => (died = resolve));
    // The process dies after the second deals page committed: the run never goes further.
    await startSync(testDb.db, f.org.id, source.id, {
      mode: "full",
      deps: fast,
      tuning,
      afterPage: (entity, page) => {
        if (entity !== "deals" || page < 2) return;
        died();
        return new Promise<void>(() => {});
      },
    });
    await dead;
    expect((await liveDeals(testDb.db, source.id)).length).toBe(200);
    // What a viewer sees meanwhile: the synced rows are there, the reports do not count them yet.
    expect(await deferredFactsMarker(testDb.db, source.id)).toMatchObject({ passKind: "deferred" });
    expect(await wonCount2025(f)).toBe(0);

    // Five minutes without a heartbeat: the next run takes over and resumes after deal 200.
    await testDb.db.update(syncRuns).set({ heartbeatAt: new Date(Date.now() - 6 * 60_000) }).where(eq(syncRuns.sourceId, source.id));
    const resumed = await runSync(testDb.db, f.org.id, source.id, { mode: "incremental", deps: fast, tuning });
    expect(resumed.status).toBe("succeeded");
    expect(resumed.progress.deals.fetched).toBe(100);
    expect(await storedDeals(source.id)).toEqual(mockDeals(mock));
    expect(await deferredFactsMarker(testDb.db, source.id)).toBeNull();
    expect(await wonCount2025(f)).toBe(mock.state.mutations.rows("deal").filter((d) => d.STAGE_SEMANTIC_ID === "S").length);
    const { written, rebuilt } = await factsAndRebuild(testDb.db, f.org.id);
    expect(written.report_deal_facts).toHaveLength(300);
    expect(written).toEqual(rebuilt);
  });

  it("stops cleanly at its time budget and the next run continues where it stopped", async () => {
    const { mock, source, sync } = await setup({ deals: 200, seed: 16 });
    const budget = new AbortController();
    const stopped = await sync("full", {
      tuning: { bitrix24CommandsPerRequest: 1 }, // 50 deals per page
      signal: budget.signal,
      afterPage: (entity) => {
        if (entity === "deals") budget.abort(); // the budget runs out during the first deals page
      },
    });
    expect(stopped.status).toBe("cancelled");
    expect(stopped.error).toContain("time budget");
    expect(stopped.failure).toEqual({ code: "sync_time_budget" });
    expect(stopped.progress.deals).toMatchObject({ done: 50, total: 200 });
    const next = await sync("incremental", { tuning: { bitrix24CommandsPerRequest: 1 } });
    expect(next.status).toBe("succeeded");
    // 200 − 50 = 150 deals read by the second run
    expect(next.progress.deals.fetched).toBe(150);
    expect(await storedDeals(source.id)).toEqual(mockDeals(mock));
  });

  it("takes over a source whose running run has not beaten for 5 minutes (its process died)", async () => {
    const { f, source, sync } = await setup({ deals: 10, seed: 17 });
    const longAgo = new Date(Date.now() - 6 * 60_000);
    const [dead] = await testDb.db
      .insert(syncRuns)
      .values({ orgId: f.org.id, sourceId: source.id, kind: "incremental", status: "running", startedAt: longAgo, heartbeatAt: longAgo })
      .returning();
    const run = await sync("incremental");
    expect(run.status).toBe("succeeded");
    const [after] = await testDb.db.select().from(syncRuns).where(eq(syncRuns.id, dead.id));
    expect(after.status).toBe("failed");
    expect(after.error).toContain("Abandoned");
    expect(after.failure).toEqual({ code: "sync_abandoned" });
  });

  it("runs once per source at a time: a second start is refused while the first runs", async () => {
    const { sync } = await setup({ deals: 20, seed: 15 });
    let second: Promise<unknown> | undefined;
    const first = await sync("full", {
      afterPage: (entity) => {
        if (entity === "companies" && !second) second = sync("incremental").catch((error: Error) => error);
      },
    });
    expect(first.status).toBe("succeeded");
    const refused = await second;
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toContain("already running");
    expect(refused).toMatchObject({ status: 409, code: "sync_busy" });
  });

  it("a portal that refuses the webhook code fails the run with the reason's code, and the portal's words as details", async () => {
    const mock = await startBitrix24Mock({ deals: 5, seed: 18 });
    mocks.push(mock);
    const f = await createOrgFixture(testDb.db);
    const wrongCode = mock.webhookUrl.replace("mockwebhookcode42", "wrongcode000");
    const source = await addCrmSource(testDb.db, f.org.id, "bitrix24", mock.url, { kind: "bitrix24-webhook", webhookUrl: wrongCode });
    const run = await runSync(testDb.db, f.org.id, source.id, { mode: "full", deps: fast });
    expect(run.status).toBe("failed");
    // The portal's own words, not our English sentence (that stays in `error`, for API users).
    expect(run.failure).toEqual({ code: "crm_bad_token", details: "NO_AUTH_FOUND: Wrong authorization data" });
    expect(run.error).toContain(new URL(mock.url).host);
    expect(run.error).not.toContain("wrongcode000");
    const [stored] = await testDb.db.select().from(syncRuns).where(eq(syncRuns.id, run.runId));
    expect(stored.failure).toEqual(run.failure);
  });
});
