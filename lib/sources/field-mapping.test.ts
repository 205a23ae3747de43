// amoCRM field mapping against the mock account: the account's fields by name, duplicate UTM fields
// (first non-empty wins), click ids and the referrer stored on leads and deals, a click-id rule, and
// a changed mapping re-read in the background that moves leads into a traffic team.
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { amoCustomFields } from "@/e2e/mocks/amocrm-data";
import { startAmoMock, type AmoMock } from "@/e2e/mocks/amocrm-mock";
import { attributionRules, deals, leads, syncRuns, trafficTeams } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { runSync } from "@/lib/sync/engine";
import { addCrmSource } from "@/lib/sync/test-helpers";
import { getFieldMapping, saveFieldMapping } from "./field-mapping";

let testDb: TestDb;
const mocks: AmoMock[] = [];
const deps = { amocrm: { backoff: { baseMs: 5, maxMs: 50 }, timeoutMs: 2000 } };
const SEED = 5;
const fieldsOfAccount = amoCustomFields(SEED).leads;
const idOf = (name: string) => fieldsOfAccount.find((f) => f.code === name || f.name === name)!.id;
const OLD_SOURCE = "utm_source (старое поле)";

beforeAll(async () => {
  testDb = await createTestDb();
});
afterEach(async () => {
  while (mocks.length) await mocks.pop()!.close();
});
afterAll(() => testDb.close());

/** A custom field value as amoCRM's API returns it; tracking fields carry their code, the old text field none. */
function value(name: string, text: string) {
  const field = fieldsOfAccount.find((f) => f.code === name || f.name === name)!;
  return { field_id: field.id, field_name: field.name, field_code: field.code, field_type: field.type, values: [{ value: text }] };
}

async function setup() {
  const mock = await startAmoMock({ leads: 2, seed: SEED, perSecond: false });
  mocks.push(mock);
  const f = await createOrgFixture(testDb.db);
  const source = await addCrmSource(testDb.db, f.org.id, "amocrm", mock.url, { kind: "amocrm-token", accessToken: mock.state.auth.longLivedToken }, { currency: "KZT" });
  const [facebook] = await testDb.db.insert(trafficTeams).values({ orgId: f.org.id, name: "Facebook" }).returning();
  const [google] = await testDb.db.insert(trafficTeams).values({ orgId: f.org.id, name: "Google Ads" }).returning();
  await testDb.db.insert(attributionRules).values([
    { orgId: f.org.id, teamId: facebook.id, field: "utm_source", match: "equals", pattern: "fb_ads", priority: 0 },
    // Any gclid at all: the visitor came through Google Ads, whatever the UTM tags say.
    { orgId: f.org.id, teamId: google.id, field: "gclid", match: "regex", pattern: ".", priority: 0 },
  ]);
  const add = (name: string, custom: ReturnType<typeof value>[]) => String(mock.state.mutations.add("lead", { name, custom_fields_values: custom }).id);
  const ids = {
    both: add("Both fields", [value("UTM_SOURCE", "google"), value(OLD_SOURCE, "fb_ads")]),
    oldOnly: add("Old field only", [value(OLD_SOURCE, "fb_ads")]),
    oldEmpty: add("Old field empty", [value(OLD_SOURCE, ""), value("UTM_SOURCE", "yandex")]),
    clicked: add("Clicked an ad", [value("GCLID", "Cj0KCQiA-AbC"), value("YCLID", "7204611"), value("UTM_REFERRER", "https://ya.ru/")]),
  };
  const admin = { orgId: f.org.id, userId: f.users.admin.id };
  return { mock, f, source, ids, admin };
}

async function stored(table: typeof leads | typeof deals, sourceId: string, externalId: string) {
  const [row] = await testDb.db
    .select({ utmSource: table.utmSource, referrer: table.referrer, gclid: table.gclid, yclid: table.yclid, fbclid: table.fbclid, team: trafficTeams.name })
    .from(table)
    .leftJoin(trafficTeams, eq(trafficTeams.id, table.trafficTeamId))
    .where(and(eq(table.sourceId, sourceId), eq(table.externalId, externalId)));
  return row;
}

describe("amoCRM field mapping", () => {
  it("reads the tracking fields by default, stores click ids and the referrer, and a gclid rule puts the lead in its team", async () => {
    const { f, source, ids } = await setup();
    expect((await runSync(testDb.db, f.org.id, source.id, { mode: "full", deps })).status).toBe("succeeded");
    for (const table of [leads, deals]) {
      expect(await stored(table, source.id, ids.both)).toMatchObject({ utmSource: "google", team: null });
      expect(await stored(table, source.id, ids.oldOnly)).toMatchObject({ utmSource: null, team: null });
      expect(await stored(table, source.id, ids.oldEmpty)).toMatchObject({ utmSource: "yandex", team: null });
      // The click id is stored as amoCRM sent it, case and all.
      expect(await stored(table, source.id, ids.clicked)).toEqual({ utmSource: null, referrer: "https://ya.ru/", gclid: "Cj0KCQiA-AbC", yclid: "7204611", fbclid: null, team: "Google Ads" });
    }
  });

  it("lists the account's text fields by name, with each key on its tracking field until the admin maps it", async () => {
    const { f, source } = await setup();
    const view = await getFieldMapping(testDb.db, f.org.id, source.id, deps);
    const names = view.fields.map((field) => field.name);
    expect(names).toContain(OLD_SOURCE);
    expect(names).toContain("utm_source");
    expect(names).not.toContain("Дата звонка"); // a date field cannot hold a tag
    expect(view.mapping.utm_source).toEqual([idOf("UTM_SOURCE")]);
    expect(view.mapping.referrer).toEqual([idOf("UTM_REFERRER")]);
    expect(view.mapping.fbclid).toEqual([]); // this account has no FBCLID field
    expect(view.defaultKeys).toHaveLength(9);
  });

  it("a changed mapping re-reads the account in a full run: the old field first, the tracking field when it is empty, and the leads move into the team", async () => {
    const { f, source, ids, admin } = await setup();
    await runSync(testDb.db, f.org.id, source.id, { mode: "full", deps });
    const saved = await saveFieldMapping(testDb.db, admin, source.id, { utm_source: [idOf(OLD_SOURCE), idOf("UTM_SOURCE")] }, deps);
    const run = await saved.finished;
    expect(run?.status).toBe("succeeded");
    const [row] = await testDb.db.select().from(syncRuns).where(eq(syncRuns.id, saved.runId));
    // The re-read is an ordinary sync run: full, started by the admin, its bars filled like any run's.
    expect(row).toMatchObject({ kind: "full", status: "succeeded", triggeredBy: admin.userId });
    expect(row.progress.deals).toMatchObject({ finished: true });
    for (const table of [leads, deals]) {
      expect(await stored(table, source.id, ids.both)).toMatchObject({ utmSource: "fb_ads", team: "Facebook" }); // both filled: the first listed wins
      expect(await stored(table, source.id, ids.oldOnly)).toMatchObject({ utmSource: "fb_ads", team: "Facebook" });
      expect(await stored(table, source.id, ids.oldEmpty)).toMatchObject({ utmSource: "yandex", team: null }); // the old one empty: the next one
      expect(await stored(table, source.id, ids.clicked)).toMatchObject({ gclid: "Cj0KCQiA-AbC", team: "Google Ads" }); // unmapped keys keep their default
    }
    const view = await getFieldMapping(testDb.db, f.org.id, source.id, deps);
    expect(view.mapping.utm_source).toEqual([idOf(OLD_SOURCE), idOf("UTM_SOURCE")]);
    expect(view.defaultKeys).not.toContain("utm_source");
  });
});
