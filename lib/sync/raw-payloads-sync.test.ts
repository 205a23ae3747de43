// "Keep what the CRM sent" (issue 19): after a sync from the mock CRMs every deal, lead, contact,
// company and activity has its raw payload in crm_payloads, equal to what the mock answered, and a
// re-sync replaces it with the CRM's newer version.
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startAmoMock, type AmoMock } from "@/e2e/mocks/amocrm-mock";
import { startBitrix24Mock, type Bitrix24Mock } from "@/e2e/mocks/bitrix24-mock";
import { crmPayloads } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import type { PayloadEntity } from "@/lib/canonical/raw-payloads";
import { runSync, type RunOptions } from "./engine";
import { addCrmSource } from "./test-helpers";

let testDb: TestDb;
const closers: { close: () => Promise<void> }[] = [];
const fast = { bitrix24: { backoff: { baseMs: 5, maxMs: 50 }, timeoutMs: 2000 }, amocrm: { backoff: { baseMs: 5, maxMs: 50 }, timeoutMs: 2000 } };

beforeAll(async () => {
  testDb = await createTestDb();
});
afterEach(async () => {
  while (closers.length) await closers.pop()!.close();
});
afterAll(() => testDb.close());

type Row = Record<string, unknown>;

/** The stored payloads of one source and entity, by the CRM's id. */
async function payloadsOf(orgId: string, sourceId: string, entity: PayloadEntity) {
  const rows = await testDb.db
    .select()
    .from(crmPayloads)
    .where(and(eq(crmPayloads.orgId, orgId), eq(crmPayloads.sourceId, sourceId), eq(crmPayloads.entity, entity)));
  return new Map(rows.map((row) => [row.externalId, row]));
}

/** The mock's rows as JSON carries them (what went over the wire), by id. */
function sent(rows: Row[], idOf: (row: Row) => string, project: (row: Row) => Row = (row) => row) {
  return new Map(rows.map((row) => [idOf(row), JSON.parse(JSON.stringify(project(row))) as Row]));
}

function expectSame(stored: Map<string, { payload: Row; origin: string }>, expected: Map<string, Row>) {
  expect([...stored.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [id, row] of expected) expect(stored.get(id), `payload of ${id}`).toMatchObject({ origin: "rest", payload: row });
  for (const [id, row] of expected) expect(stored.get(id)!.payload, `payload of ${id}`).toEqual(row);
}

describe("raw CRM payloads from a sync", () => {
  it("Bitrix24: every deal, lead, contact, company and counted activity keeps the portal's record; a re-sync takes the newer one", async () => {
    const mock: Bitrix24Mock = await startBitrix24Mock({ deals: 40, seed: 31 });
    closers.push(mock);
    const f = await createOrgFixture(testDb.db);
    const source = await addCrmSource(testDb.db, f.org.id, "bitrix24", mock.url, { kind: "bitrix24-webhook", webhookUrl: mock.webhookUrl });
    const sync = (mode: RunOptions["mode"]) => runSync(testDb.db, f.org.id, source.id, { mode, deps: fast });
    expect((await sync("full")).status).toBe("succeeded");

    const m = mock.state.mutations;
    const id = (row: Row) => String(row.ID);
    // Deals and leads are listed with select *, UF_*: Bitrix24 then sends no multifield (a lead's
    // PHONE stays behind); contacts and companies name PHONE and EMAIL, so only WEB and IM stay behind.
    const without = (...keys: string[]) => (row: Row) => Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key)));
    expectSame(await payloadsOf(f.org.id, source.id, "deal"), sent(m.rows("deal"), id, without("PHONE", "EMAIL", "WEB", "IM")));
    expect((await payloadsOf(f.org.id, source.id, "deal")).size).toBe(40);
    expectSame(await payloadsOf(f.org.id, source.id, "lead"), sent(m.rows("lead"), id, without("PHONE", "EMAIL", "WEB", "IM")));
    expectSame(await payloadsOf(f.org.id, source.id, "contact"), sent(m.rows("contact"), id, without("WEB", "IM")));
    expectSame(await payloadsOf(f.org.id, source.id, "company"), sent(m.rows("company"), id, without("WEB", "IM")));
    const counted = m.rows("activity").filter((row) => ["1", "2", "3", "4"].includes(String(row.TYPE_ID)));
    expectSame(await payloadsOf(f.org.id, source.id, "activity"), sent(counted, id));

    // A field nobody maps changes in the CRM: the next sync keeps the new value.
    const deal = m.rows("deal")[3];
    const changed = m.update("deal", Number(deal.ID), { UF_CRM_DELIVERY_SLOT: "вечер 18–21", COMMENTS: "позвонить после обеда" });
    expect((await sync("incremental")).status).toBe("succeeded");
    const after = (await payloadsOf(f.org.id, source.id, "deal")).get(String(deal.ID))!;
    expect(after.payload).toEqual(JSON.parse(JSON.stringify(changed)));
    expect(after.payload.UF_CRM_DELIVERY_SLOT).toBe("вечер 18–21");
  });

  it("amoCRM: every lead (a deal), contact and company keeps the account's record; a re-sync takes the newer one", async () => {
    const mock: AmoMock = await startAmoMock({ leads: 30, seed: 32 });
    closers.push(mock);
    const f = await createOrgFixture(testDb.db);
    const a = mock.state.auth;
    const source = await addCrmSource(testDb.db, f.org.id, "amocrm", mock.url, { kind: "amocrm-token", accessToken: a.longLivedToken }, { currency: "KZT" });
    const sync = (mode: RunOptions["mode"]) => runSync(testDb.db, f.org.id, source.id, { mode, deps: fast });
    expect((await sync("full")).status).toBe("succeeded");

    const m = mock.state.mutations;
    const id = (row: Row) => String(row.id);
    const deals = await payloadsOf(f.org.id, source.id, "deal");
    expect(deals.size).toBe(30);
    expectSame(deals, sent(m.rows("lead"), id));
    expectSame(await payloadsOf(f.org.id, source.id, "contact"), sent(m.rows("contact"), id));
    expectSame(await payloadsOf(f.org.id, source.id, "company"), sent(m.rows("company"), id));
    // amoCRM's lead is kept once, as the deal it is (its lead row is derived from the deal).
    expect((await payloadsOf(f.org.id, source.id, "lead")).size).toBe(0);

    const lead = m.rows("lead")[5];
    const changed = m.update("lead", Number(lead.id), { name: "Переименована в CRM" });
    expect((await sync("incremental")).status).toBe("succeeded");
    const after = (await payloadsOf(f.org.id, source.id, "deal")).get(String(lead.id))!;
    expect(after.payload).toEqual(JSON.parse(JSON.stringify(changed)));
    expect(after.payload.name).toBe("Переименована в CRM");
  });
});
