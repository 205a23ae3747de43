// The routes end to end in-process: a delivery is acknowledged, then processed by the kick that
// follows it; the cron route is closed without CRON_SECRET (/api/metrics: app/api/metrics/route.test.ts).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders, webhookEvents } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { amoBody, amoLead, shopBody, shopSignature } from "@/lib/ingest/test/bodies";
import { createWebhookSources, type TestSources } from "@/lib/ingest/test/sources";
import { processorIdle } from "@/lib/ingest/process/kick";
import { isCronAuthorised } from "@/lib/ingest/with-cron";
import { GET as cron } from "../cron/webhooks/route";
import { POST as amoRoute } from "./amocrm/[sourceId]/[secret]/route";
import { POST as shopRoute } from "./shop/[sourceId]/route";
import { waitFor } from "@/lib/ingest/test/wait-for";

let testDb: TestDb;
let fixture: OrgFixture;
let s: TestSources;

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  fixture = await createOrgFixture(testDb.db);
  s = await createWebhookSources(testDb.db, fixture.org.id);
});
// The kick that follows each delivery drains in the background: let it finish before the database closes.
afterAll(async () => {
  await processorIdle(testDb.db);
  await testDb.close();
});

describe("webhook routes", () => {
  it("acknowledges a signed shop order and processes it right after, without a cron call", async () => {
    const body = shopBody("order.created", { id: "R-1", status: "completed", createdAt: "2026-11-10T10:00:00+05:00", total: "3500", customer: { phone: "+7 701 000 11 22" } });
    const request = new Request(`http://localhost/api/webhooks/shop/${s.shop.id}`, { method: "POST", body, headers: { "content-type": "application/json", "x-voronka-signature": shopSignature(s.shop.webhookSecret, body) } });
    const response = await shopRoute(request, { params: Promise.resolve({ sourceId: s.shop.id }) });
    expect(response.status).toBe(200);
    const { id } = await response.json();
    const order = await waitFor(async () => (await testDb.db.select().from(orders).where(and(eq(orders.sourceId, s.shop.id), eq(orders.externalId, "R-1"))))[0]);
    expect(order.total).toBe("3500.00");
    const [event] = await testDb.db.select().from(webhookEvents).where(eq(webhookEvents.id, id));
    expect(event.status).toBe("done");
  });

  it("answers amoCRM 200 with the secret in the path and 401 with a wrong one", async () => {
    const body = amoBody(s.amoAccount, { leads: { add: [amoLead({ id: "1", statusId: "10", pipelineId: "1", createdAt: 1_789_000_000, updatedAt: 1_789_000_000 })] } });
    const call = (secret: string) =>
      amoRoute(new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } }), { params: Promise.resolve({ sourceId: s.amo.id, secret }) });
    expect((await call(s.amo.webhookSecret)).status).toBe(200);
    expect((await call("nope")).status).toBe(401);
  });
});

describe("cron", () => {
  it("accepts only the exact bearer secret, and fails closed when none is configured", async () => {
    const secret = "a-long-cron-secret-1234";
    const request = (authorization?: string) => new Request("http://localhost/api/cron/webhooks", { headers: authorization ? { authorization } : {} });
    expect(isCronAuthorised(request(`Bearer ${secret}`), secret)).toBe(true);
    expect(isCronAuthorised(request(`Bearer ${secret}x`), secret)).toBe(false);
    expect(isCronAuthorised(request(), secret)).toBe(false);
    expect(isCronAuthorised(request(`Bearer ${secret}`), undefined)).toBe(false);
    // The test environment has no CRON_SECRET: the route refuses everyone.
    expect((await cron(request(`Bearer ${secret}`))).status).toBe(401);
  });
});
