// amoCRM's inbox leads in the canonical layer: an item adds its lead (or names the channel of one
// already known), an item that left the inbox without a deal was declined, and an accepted one is the
// same lead as its deal, keeping its channel.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deals, leads, sources } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { applyDealsAsLeads, applyUnsortedLeads, retireUnsortedLeads, type CanonicalDeal, type SourceRef } from "./index";

let testDb: TestDb;
let source: SourceRef;
const arrived = new Date("2026-03-02T05:00:00Z");

beforeAll(async () => {
  testDb = await createTestDb();
  const f = await createOrgFixture(testDb.db);
  const [row] = await testDb.db.insert(sources).values({ orgId: f.org.id, kind: "amocrm", name: "amo", webhookSecret: "s" }).returning();
  source = { id: row.id, orgId: f.org.id };
});
afterAll(() => testDb.close());

const inbox = (externalId: string, channel: string) => ({ externalId, title: `#${externalId}`, statusSemantic: "open" as const, channel, createdAt: arrived });
const deal = (externalId: string, updatedAt: Date): CanonicalDeal => ({
  externalId, title: `Сделка ${externalId}`, pipelineExternalId: "1", stageExternalId: "20", stageSemantic: "open", amount: "1000", currency: "KZT", createdAt: arrived, updatedAt,
});
async function leadOf(externalId: string) {
  const [row] = await testDb.db.select().from(leads).where(and(eq(leads.sourceId, source.id), eq(leads.externalId, externalId)));
  return row;
}

describe("amoCRM inbox leads", () => {
  it("adds an inbox lead with its channel, and retires it once it leaves the inbox without a deal", async () => {
    expect(await applyUnsortedLeads(testDb.db, source, [inbox("900", "Чат")])).toMatchObject({ inserted: 1 });
    expect(await applyUnsortedLeads(testDb.db, source, [inbox("900", "Чат")])).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect(await retireUnsortedLeads(testDb.db, source, ["900"])).toEqual([]);
    expect(await leadOf("900")).toMatchObject({ channel: "Чат", deletedAt: null });
    expect(await retireUnsortedLeads(testDb.db, source, [])).toHaveLength(1);
    expect((await leadOf("900")).deletedAt).not.toBeNull();
    // Accepted after all (its deal arrives): the same lead lives again, with its channel.
    await applyDealsAsLeads(testDb.db, source, [deal("900", new Date("2026-03-03T05:00:00Z"))]);
    expect(await leadOf("900")).toMatchObject({ channel: "Чат", deletedAt: null, title: "Сделка 900" });
  });

  it("keeps the channel of an accepted lead through its deal's writes, and never retires a lead with a deal", async () => {
    await applyUnsortedLeads(testDb.db, source, [inbox("901", "Форма")]);
    await applyDealsAsLeads(testDb.db, source, [deal("901", new Date("2026-03-03T05:00:00Z"))]);
    await applyDealsAsLeads(testDb.db, source, [deal("901", new Date("2026-03-04T05:00:00Z"))]);
    const lead = await leadOf("901");
    expect(lead).toMatchObject({ channel: "Форма", deletedAt: null });
    const [linked] = await testDb.db.select({ leadId: deals.leadId }).from(deals).where(and(eq(deals.sourceId, source.id), eq(deals.externalId, "901")));
    expect(linked.leadId).toBe(lead.id);
    expect(await retireUnsortedLeads(testDb.db, source, [])).toEqual([]);
    // A deal known before its inbox item: the item names the channel and changes nothing else.
    await applyDealsAsLeads(testDb.db, source, [deal("902", new Date("2026-03-03T05:00:00Z"))]);
    await applyUnsortedLeads(testDb.db, source, [inbox("902", "Звонок")]);
    expect(await leadOf("902")).toMatchObject({ channel: "Звонок", title: "Сделка 902", updatedAt: new Date("2026-03-03T05:00:00Z") });
  });
});
