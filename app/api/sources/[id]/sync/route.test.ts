import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBitrix24Mock, type Bitrix24Mock } from "@/e2e/mocks/bitrix24-mock";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { sources } from "@/db/schema";
import { createApiToken } from "@/lib/auth/tokens";
import { encryptText } from "@/lib/sources/crypto";
import { addCrmSource } from "@/lib/sync/test-helpers";
import { GET as freshness } from "../../freshness/route";
import { GET as runs } from "../runs/route";
import { POST as syncNow } from "./route";
import { callRoute } from "@/db/test/call-route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
let mock: Bitrix24Mock;
let sourceId: string;
const token: Record<string, string> = {};

function call(handler: Parameters<typeof callRoute>[0], who: string, init: { body?: unknown; id?: string; query?: string } = {}) {
  const params = init.id ? { id: init.id } : undefined;
  return callRoute(handler, `http://voronka.test/api/sources/x${init.query ?? ""}`, { as: { token: token[who] }, method: init.body === undefined ? "GET" : "POST", body: init.body, params });
}

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  b = await createOrgFixture(testDb.db);
  for (const [who, user] of Object.entries({ admin: a.users.admin, bob: a.users.bob, adminB: b.users.admin })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
  mock = await startBitrix24Mock({ deals: 40, seed: 31 });
  sourceId = (await addCrmSource(testDb.db, a.org.id, "bitrix24", mock.url, { kind: "bitrix24-webhook", webhookUrl: mock.webhookUrl })).id;
});
afterAll(async () => {
  await mock.close();
  await testDb.close();
});

async function waitForRun(runId: string) {
  for (let i = 0; i < 200; i++) {
    const { body } = await call(runs, "admin", { id: sourceId });
    const run = body.runs.find((r: { id: string }) => r.id === runId);
    if (run && run.status !== "running") return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the run did not finish");
}

describe("Sync now, run history and freshness", () => {
  it("starts a run (202), refuses a second while it runs (409), and the history shows its progress and rate", async () => {
    expect((await call(freshness, "bob")).body.sources.find((s: { sourceId: string }) => s.sourceId === sourceId)).toMatchObject({ lastSyncedAt: null });
    const started = await call(syncNow, "admin", { id: sourceId, body: { mode: "full" } });
    expect(started.status).toBe(202);
    const second = await call(syncNow, "admin", { id: sourceId, body: {} });
    expect(second).toEqual({ status: 409, body: { error: { code: "sync_busy", message: "A sync of this source is already running; wait for it to finish" } } });
    const run = await waitForRun(started.body.runId);
    expect(run).toMatchObject({ mode: "full", status: "succeeded", error: null, failure: null });
    expect(run.progress.deals).toMatchObject({ done: 40, total: 40, finished: true });
    expect(run.rowsPerSecond).toBeGreaterThan(0);
    const fresh = (await call(freshness, "bob")).body.sources.find((s: { sourceId: string }) => s.sourceId === sourceId);
    expect(fresh.lastSyncedAt).toBe(run.finishedAt);
  });

  it("is for admins of the source's organisation, and checks its input", async () => {
    expect((await call(syncNow, "bob", { id: sourceId, body: {} })).status).toBe(403);
    expect((await call(syncNow, "adminB", { id: sourceId, body: {} })).status).toBe(404);
    expect((await call(runs, "adminB", { id: sourceId })).status).toBe(404);
    expect((await call(syncNow, "admin", { id: sourceId, body: { mode: "everything" } })).status).toBe(400);
    expect((await call(freshness, "adminB")).body.sources.map((s: { sourceId: string }) => s.sourceId)).not.toContain(sourceId);
  });

  it("says by code why a source cannot sync: a shop, no stored credentials, credentials sealed with another key", async () => {
    const add = async (values: { kind: "bitrix24" | "shop"; credentials: string | null }) =>
      (await testDb.db.insert(sources).values({ orgId: a.org.id, name: `no sync ${values.kind}`, baseUrl: mock.url, webhookSecret: "s", settings: {}, ...values }).returning())[0].id;
    const shop = await add({ kind: "shop", credentials: null });
    const bare = await add({ kind: "bitrix24", credentials: null });
    const otherKey = await add({ kind: "bitrix24", credentials: encryptText('{"kind":"bitrix24-webhook","webhookUrl":"https://x/rest/1/y/"}', randomBytes(32)) });
    expect((await call(syncNow, "admin", { id: shop, body: {} })).body.error).toMatchObject({ code: "shop_has_no_crm" });
    expect(await call(syncNow, "admin", { id: bare, body: {} })).toEqual({
      status: 400,
      body: { error: { code: "source_no_credentials", message: "This source has no stored credentials; add it again with its webhook URL, OAuth tokens or token" } },
    });
    expect(await call(syncNow, "admin", { id: otherKey, body: {} })).toMatchObject({ status: 422, body: { error: { code: "credentials_unreadable" } } });
    // Nothing was started for any of them.
    for (const id of [shop, bare, otherKey]) expect((await call(runs, "admin", { id })).body.runs).toEqual([]);
  });
});
