// Write-back into the mock Bitrix24 portal: batches of 50 crm.deal.update, only changed values,
// the portal's limiter shared with a sync running at the same time, and no loop when the portal's
// webhook echoes our own write.
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startBitrix24Mock, type Bitrix24Mock } from "@/e2e/mocks/bitrix24-mock";
import { deals, trafficTeams, webhookEvents } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { hostOf } from "@/lib/connectors/errors";
import { sharedLimiter } from "@/lib/connectors/http/rate-limiter";
import { drainInbox } from "@/lib/ingest/process/drain";
import { storeInboxEvent } from "@/lib/ingest/receive/inbox";
import { bitrixEvent } from "@/lib/ingest/test/bodies";
import { runSync } from "@/lib/sync/engine";
import { dryRunWriteBack, runWriteBack } from "./manage";
import { dealsByTeam, fastDeps, outboxStatuses, setWriteBack, syncedSource, vipCustomerForFirstContact } from "./test-setup";

let testDb: TestDb;
const mocks: Bitrix24Mock[] = [];
const TEAM_FIELDS = { traffic_team: "UF_CRM_VORONKA_TEAM", traffic_confidence: "UF_CRM_VORONKA_CONFIDENCE" };

beforeAll(async () => {
  testDb = await createTestDb();
});
afterEach(async () => {
  while (mocks.length) await mocks.pop()!.close();
});
afterAll(() => testDb.close());

async function setup(deals = 120) {
  const mock = await startBitrix24Mock({ deals, seed: 3 });
  mocks.push(mock);
  const synced = await syncedSource(testDb.db, "bitrix24", mock.url, { kind: "bitrix24-webhook", webhookUrl: mock.webhookUrl });
  return { mock, ...synced, pass: () => runWriteBack(testDb.db, synced.f.org.id, synced.source.id, { deps: fastDeps }) };
}

describe("Bitrix24 write-back", () => {
  it("writes 120 deals in batches of 50 + 50 + 20, then only what changed", async () => {
    const { mock, f, source, google, pass } = await setup(120);
    const teams = await dealsByTeam(testDb.db, f.org.id, source.id);
    const [onGoogle, onYandex, onNone] = [teams["Google Ads"], teams["Яндекс Директ"], teams[""]];
    expect(onGoogle + onYandex + onNone).toBe(120);
    expect(onGoogle).toBeGreaterThan(0);
    await setWriteBack(testDb.db, source.id, { isEnabled: true, fields: TEAM_FIELDS });
    // Every deal has a confidence (high, medium or low); a team only when one matched: nothing is written to clear a field never written.
    expect(await dryRunWriteBack(testDb.db, f.org.id, source.id)).toEqual({ deals: 120, contacts: 0, leads: 0, values: 120 + onGoogle + onYandex });

    const first = await pass();
    expect(first).toMatchObject({ queued: 120, sent: 120, failed: 0, dead: 0, requests: 3 });
    expect(mock.writeBatches).toEqual([50, 50, 20]);
    const googleDeal = Number(mock.state.mutations.rows("deal").find((row) => row.UTM_SOURCE === "google")!.ID);
    const plainDeal = Number(mock.state.mutations.rows("deal").find((row) => !row.UTM_SOURCE)!.ID);
    expect(mock.state.mutations.get("deal", googleDeal)).toMatchObject({ UF_CRM_VORONKA_TEAM: "Google Ads", UF_CRM_VORONKA_CONFIDENCE: "high" });
    expect(mock.state.mutations.get("deal", plainDeal)).toMatchObject({ UF_CRM_VORONKA_CONFIDENCE: "low" });
    expect(mock.state.mutations.get("deal", plainDeal)).not.toHaveProperty("UF_CRM_VORONKA_TEAM");
    expect(await outboxStatuses(testDb.db, f.org.id, source.id)).toEqual({ sent: 120 });

    // Nothing changed: the dry run finds nothing and a pass sends nothing.
    expect(await dryRunWriteBack(testDb.db, f.org.id, source.id)).toEqual({ deals: 0, contacts: 0, leads: 0, values: 0 });
    expect(await pass()).toMatchObject({ queued: 0, sent: 0, requests: 0 });
    expect(mock.writeBatches).toEqual([50, 50, 20]);

    // The team is renamed: exactly its deals change, one value each (the confidence stays).
    await testDb.db.update(trafficTeams).set({ name: "Google" }).where(eq(trafficTeams.id, google.id));
    expect(await dryRunWriteBack(testDb.db, f.org.id, source.id)).toEqual({ deals: onGoogle, contacts: 0, leads: 0, values: onGoogle });
    expect(await pass()).toMatchObject({ queued: onGoogle, sent: onGoogle });
    expect(mock.writeBatches.slice(3).reduce((sum, size) => sum + size, 0)).toBe(onGoogle);
    expect(mock.state.mutations.get("deal", googleDeal)).toMatchObject({ UF_CRM_VORONKA_TEAM: "Google", UF_CRM_VORONKA_CONFIDENCE: "high" });
  });

  it("writes the customer's category and LTV on the contact, and nothing on contacts without a customer", async () => {
    const { mock, f, source, pass } = await setup(20);
    const contactId = await vipCustomerForFirstContact(testDb.db, f.org.id, source.id);
    await setWriteBack(testDb.db, source.id, { isEnabled: true, fields: { customer_category: "UF_CRM_VORONKA_CATEGORY", customer_ltv: "UF_CRM_VORONKA_LTV" } });
    expect(await dryRunWriteBack(testDb.db, f.org.id, source.id)).toEqual({ deals: 0, contacts: 1, leads: 0, values: 2 });
    expect(await pass()).toMatchObject({ queued: 1, sent: 1 });
    expect(mock.state.mutations.get("contact", Number(contactId))).toMatchObject({ UF_CRM_VORONKA_CATEGORY: "vip", UF_CRM_VORONKA_LTV: "250000.00" });
  });

  it("a dry run with writing off counts the changes and writes nothing", async () => {
    const { mock, f, source, pass } = await setup(30);
    await setWriteBack(testDb.db, source.id, { isEnabled: false, fields: TEAM_FIELDS });
    const teams = await dealsByTeam(testDb.db, f.org.id, source.id);
    expect(await dryRunWriteBack(testDb.db, f.org.id, source.id)).toEqual({ deals: 30, contacts: 0, leads: 0, values: 30 + 30 - teams[""] });
    expect(await pass()).toMatchObject({ queued: 0, sent: 0, requests: 0 });
    expect(mock.writeBatches).toEqual([]);
  });

  it("writes and a sync running at the same time share the portal's one limiter: every request passes it, none is refused", async () => {
    const { mock, f, source, pass } = await setup(150);
    await setWriteBack(testDb.db, source.id, { isEnabled: true, fields: TEAM_FIELDS });
    // The limiter the clients of this portal take from the process-wide registry, counted.
    const inner = sharedLimiter(`bitrix24:${hostOf(mock.url)}`, () => {
      throw new Error("the sync should have made the portal's limiter already");
    });
    let acquired = 0;
    const acquire = inner.acquire.bind(inner);
    inner.acquire = () => {
      acquired++;
      return acquire();
    };
    const before = mock.state.stats.requests;
    const [sync, written] = await Promise.all([runSync(testDb.db, f.org.id, source.id, { mode: "full", deps: fastDeps }), pass()]);
    expect(sync.status).toBe("succeeded");
    expect(written).toMatchObject({ sent: 150, requests: 3 });
    expect(mock.writeBatches).toEqual([50, 50, 50]);
    expect(acquired).toBeGreaterThan(3); // the sync's reads as well as the writes
    expect(acquired).toBe(mock.state.stats.requests - before);
    expect(mock.state.stats.refused).toBe(0);
  });

  it("the portal's webhook echoing our own write changes nothing and starts no new write", async () => {
    const { mock, f, source, pass } = await setup(10);
    await setWriteBack(testDb.db, source.id, { isEnabled: true, fields: { ...TEAM_FIELDS, utm_source: "UTM_SOURCE" } });
    expect(await pass()).toMatchObject({ sent: 10 });
    // Deal 4 changes in the portal only through our write (the UTM value written is the one read).
    const written = mock.writeBatches.length;
    const deal = () => testDb.db.select().from(deals).where(and(eq(deals.sourceId, source.id), eq(deals.externalId, "4")));
    const [before] = await deal();

    // ONCRMDEALUPDATE for deal 4, which our write caused: the processor reads the deal back from the portal.
    await storeInboxEvent(testDb.db, {
      orgId: f.org.id, sourceId: source.id, eventType: "ONCRMDEALUPDATE", contentType: "application/x-www-form-urlencoded", headers: {},
      body: bitrixEvent("ONCRMDEALUPDATE", "4", { token: "***" }), status: "pending",
    });
    await drainInbox(testDb.db, { orgId: f.org.id });
    const [event] = await testDb.db.select({ status: webhookEvents.status }).from(webhookEvents).where(eq(webhookEvents.sourceId, source.id));
    expect(event.status).toBe("done");
    const [after] = await deal();
    expect({ team: after.trafficTeamId, confidence: after.attributionConfidence, utm: after.utmSource }).toEqual({ team: before.trafficTeamId, confidence: before.attributionConfidence, utm: before.utmSource });

    expect(await dryRunWriteBack(testDb.db, f.org.id, source.id)).toEqual({ deals: 0, contacts: 0, leads: 0, values: 0 });
    expect(await pass()).toMatchObject({ queued: 0, sent: 0, requests: 0 });
    expect(mock.writeBatches.length).toBe(written);
  });
});
