// amoCRM hooks through the inbox and the processor: the lead a hook creates is a lead for the lead
// reports from its creation, converts when it reaches the qualified stage (won by default), and goes
// with its deal when deleted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { resolvePeriod } from "@/lib/reports/filters";
import { getLeadConversion } from "@/lib/reports/lead-conversion";
import { storeInboxEvent } from "../receive/inbox";
import { amoBody, amoLead } from "../test/bodies";
import { createWebhookSources, type TestSources } from "../test/sources";
import { drainInbox } from "./drain";

let testDb: TestDb;
let f: OrgFixture;
let s: TestSources;
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };
const t0 = 1_789_000_000; // 10 September 2026, 00:26:40 UTC
const lead = (statusId: string, updatedAt: number) =>
  amoLead({ id: "30307415", statusId, pipelineId: "4542166", price: "150000", createdAt: t0, updatedAt, modifiedUserId: "8421298", utm: { source: "yandex" } });

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  s = await createWebhookSources(testDb.db, f.org.id);
});
afterAll(() => testDb.close());

async function deliver(events: Parameters<typeof amoBody>[1]) {
  await storeInboxEvent(testDb.db, { orgId: f.org.id, sourceId: s.amo.id, eventType: "amo", contentType: "application/x-www-form-urlencoded", headers: {}, body: amoBody(s.amoAccount, events), status: "pending" });
  await drainInbox(testDb.db, { orgId: f.org.id });
}

async function september() {
  const user = f.users.admin;
  const scope = scopeOf({ orgId: user.orgId, role: user.role, userId: user.id, departmentId: user.departmentId });
  const filters = { from: "2026-09-01", to: "2026-09-30", sourceId: s.amo.id };
  const now = new Date("2026-10-01T00:00:00Z");
  return (await getLeadConversion({ db: testDb.db, scope, org, filters, period: resolvePeriod(filters, org.timezone, now), now })).totals;
}

describe("amoCRM lead hooks", () => {
  it("counts a hook's lead from its creation, converts it when it is won, and drops it with its deal", async () => {
    await deliver({ leads: { add: [lead("41893093", t0)] } });
    expect(await september()).toMatchObject({ leads: 1, converted: 0, conversionRate: 0 });
    // Won 1.5 days later: converted, 1.5 days to conversion.
    await deliver({ leads: { status: [{ ...lead("142", t0 + 129_600), old_status_id: "41893093" }] } });
    expect(await september()).toMatchObject({ leads: 1, converted: 1, conversionRate: 1, medianDaysToConvert: 1.5 });
    await deliver({ leads: { delete: [{ id: "30307415" }] } });
    expect(await september()).toMatchObject({ leads: 0, converted: 0 });
  });
});
