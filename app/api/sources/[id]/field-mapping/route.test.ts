// PUT/GET /api/sources/:id/field-mapping as a script calls them: bad input is a 400 with its code and
// field and stores nothing; a busy source is a 409; a good mapping starts a full re-read (202).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { amoCustomFields } from "@/e2e/mocks/amocrm-data";
import { startAmoMock, type AmoMock } from "@/e2e/mocks/amocrm-mock";
import { sources, syncRuns } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { addCrmSource } from "@/lib/sync/test-helpers";
import * as route from "./route";

let testDb: TestDb;
let a: OrgFixture;
let mock: AmoMock;
let amoId: string;
const token: Record<string, string> = {};
const SEED = 9;
const utmSourceField = amoCustomFields(SEED).leads.find((f) => f.code === "UTM_SOURCE")!.id;

const put = (id: string, body: unknown, who = "admin") => callRoute(route.PUT, `/api/sources/${id}/field-mapping`, { as: { token: token[who] }, method: "PUT", body, params: { id } });
const get = (id: string, who = "admin") => callRoute(route.GET, `/api/sources/${id}/field-mapping`, { as: { token: token[who] }, params: { id } });
const settingsOf = async (id: string) => (await testDb.db.select({ settings: sources.settings }).from(sources).where(eq(sources.id, id)))[0].settings;

async function finished(runId: string) {
  for (let i = 0; i < 400; i++) {
    const [run] = await testDb.db.select().from(syncRuns).where(eq(syncRuns.id, runId));
    if (run.status !== "running") return run;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the re-read did not finish");
}

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  const b = await createOrgFixture(testDb.db);
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, adminB: b.users.admin })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
  mock = await startAmoMock({ leads: 3, seed: SEED, perSecond: false });
  amoId = (await addCrmSource(testDb.db, a.org.id, "amocrm", mock.url, { kind: "amocrm-token", accessToken: mock.state.auth.longLivedToken }, { currency: "KZT" })).id;
});
afterAll(async () => {
  await mock.close();
  await testDb.close();
});

describe("PUT /api/sources/:id/field-mapping", () => {
  it("refuses bad input with a code and the field at fault, and stores nothing", async () => {
    const before = await settingsOf(amoId);
    const cases: [unknown, string, string][] = [
      [{ mapping: { utm_foo: [1] } }, "field_mapping_key_unknown", "mapping.utm_foo"],
      [{ mapping: { gclid: ["abc"] } }, "field_mapping_ids_invalid", "mapping.gclid"],
      [{ mapping: { gclid: [5, 5] } }, "field_mapping_ids_invalid", "mapping.gclid"],
      [{ mapping: { utm_term: [-3] } }, "field_mapping_ids_invalid", "mapping.utm_term"],
      [{ mapping: { utm_source: Array.from({ length: 11 }, (_, i) => i + 1) } }, "field_mapping_ids_invalid", "mapping.utm_source"],
      [{ mapping: "utm_source" }, "validation_error", "mapping"],
    ];
    for (const [body, code, field] of cases) {
      const answer = await put(amoId, body);
      expect({ status: answer.status, code: answer.body.error.code, field: answer.body.error.field }).toEqual({ status: 400, code, field });
    }
    expect(await settingsOf(amoId)).toEqual(before);
    expect(await testDb.db.select().from(syncRuns).where(eq(syncRuns.sourceId, amoId))).toHaveLength(0);
  });

  it("is amoCRM's alone, an admin's alone, and another organisation's source is not found", async () => {
    const bitrix = await put(a.source.id, { mapping: { utm_source: [1] } });
    expect([bitrix.status, bitrix.body.error.code, bitrix.body.error.field]).toEqual([400, "field_mapping_amocrm_only", "mapping"]);
    expect((await get(a.source.id)).body.error.code).toBe("field_mapping_amocrm_only");
    expect((await put(amoId, { mapping: {} }, "director")).status).toBe(403);
    const other = await put(amoId, { mapping: {} }, "adminB");
    expect([other.status, other.body.error.code]).toEqual([404, "source_not_found"]);
  });

  it("while a sync of the source runs: 409 sync_busy and the mapping stays as it was", async () => {
    const before = await settingsOf(amoId);
    const [busy] = await testDb.db.insert(syncRuns).values({ orgId: a.org.id, sourceId: amoId, kind: "incremental", status: "running", startedAt: new Date(), heartbeatAt: new Date(), progress: {}, stats: {} }).returning();
    const answer = await put(amoId, { mapping: { utm_source: [utmSourceField] } });
    expect([answer.status, answer.body.error.code]).toEqual([409, "sync_busy"]);
    expect(await settingsOf(amoId)).toEqual(before);
    await testDb.db.delete(syncRuns).where(eq(syncRuns.id, busy.id));
  });

  it("a good mapping answers 202 with the run that re-reads the account; GET then shows it", async () => {
    const answer = await put(amoId, { mapping: { utm_source: [utmSourceField + 509, utmSourceField], gclid: [] } });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ mapping: { utm_source: [utmSourceField + 509, utmSourceField] }, runId: expect.any(String) });
    expect(await finished(answer.body.runId)).toMatchObject({ kind: "full", status: "succeeded" });
    const view = await get(amoId);
    expect(view.status).toBe(200);
    expect(view.body.mapping.utm_source).toEqual([utmSourceField + 509, utmSourceField]);
    expect(view.body.fields.find((f: { id: number }) => f.id === utmSourceField + 509)).toEqual({ id: utmSourceField + 509, name: "utm_source (старое поле)", code: null, type: "text" });
  });
});
