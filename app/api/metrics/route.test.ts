// /api/metrics: an admin sees their own organisation's figures and nothing of another's; the
// process-wide counters (every organisation's webhooks) need the operator's METRICS_TOKEN.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { deliveryFromRequest } from "@/lib/ingest/receive/delivery";
import { receiveWebhook } from "@/lib/ingest/receive/receive-webhook";
import { shopBody, shopSignature } from "@/lib/ingest/test/bodies";
import { createWebhookSources, type TestSources } from "@/lib/ingest/test/sources";
import { syncRuns } from "@/db/schema";
import { GET } from "./route";

const METRICS_TOKEN = vi.hoisted(() => {
  process.env.METRICS_TOKEN = "metrics-token-for-this-test-only";
  return process.env.METRICS_TOKEN;
});

let testDb: TestDb;
let a: OrgFixture & { sources: TestSources };
let b: OrgFixture & { sources: TestSources };
const token: Record<string, string> = {};

async function deliverShopOrders(sources: TestSources, count: number) {
  for (let i = 0; i < count; i++) {
    const body = shopBody("order.created", { id: `M-${i}`, status: "new", createdAt: "2026-11-10T10:00:00+05:00", total: "1000", customer: { phone: "+7 701 000 11 22" } });
    const headers = { "content-type": "application/json", "x-voronka-signature": shopSignature(sources.shop.webhookSecret, body) };
    const request = new Request("http://localhost/api/webhooks/shop", { method: "POST", body, headers });
    expect((await receiveWebhook(testDb.db, { kind: "shop", sourceId: sources.shop.id }, deliveryFromRequest(request))).status).toBe(200);
  }
}

const scrape = async (bearer?: string) => {
  const response = await GET(new Request("http://localhost/api/metrics", { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} }));
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
};

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  for (const which of ["a", "b"] as const) {
    const fixture = await createOrgFixture(testDb.db);
    const org = { ...fixture, sources: await createWebhookSources(testDb.db, fixture.org.id) };
    if (which === "a") a = org;
    else b = org;
    token[`admin-${which}`] = (await createApiToken(testDb.db, { orgId: org.org.id, userId: org.users.admin.id }, "metrics")).token;
  }
  token.manager = (await createApiToken(testDb.db, { orgId: a.org.id, userId: a.users.alice.id }, "metrics")).token;
  // Processing is not started here: every delivery stays pending.
  await deliverShopOrders(a.sources, 2);
  await deliverShopOrders(b.sources, 3);
  // A's portal: a run that succeeded 10 minutes ago after 90 s, one that failed an hour ago, one two
  // days ago (outside the 24 hours). B's portal: one run of its own.
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
  const run = (source: { id: string; orgId: string }, status: "succeeded" | "failed", endedMinutesAgo: number, seconds: number, done: Record<string, number>, requests: number, retries: number) => ({
    orgId: source.orgId,
    sourceId: source.id,
    kind: "incremental" as const,
    status,
    startedAt: new Date(minutesAgo(endedMinutesAgo).getTime() - seconds * 1000),
    finishedAt: minutesAgo(endedMinutesAgo),
    progress: Object.fromEntries(Object.entries(done).map(([entity, count]) => [entity, { done: count }])),
    stats: { requests, retries },
  });
  await testDb.db.insert(syncRuns).values([
    run(a.sources.bitrix, "succeeded", 10, 90, { deals: 1200, leads: 300 }, 40, 2),
    run(a.sources.bitrix, "failed", 60, 30, { deals: 100 }, 5, 3),
    run(a.sources.bitrix, "succeeded", 2 * 24 * 60, 50, { deals: 9999 }, 999, 99),
    run(b.sources.bitrix, "succeeded", 5, 20, { deals: 7 }, 1, 0),
  ]);
});
afterAll(() => testDb.close());

describe("GET /api/metrics", () => {
  it("shows an admin their own organisation's webhooks and nothing of another's", async () => {
    const forA = await scrape(token["admin-a"]);
    expect(forA.status).toBe(200);
    expect(forA.type).toContain("text/plain");
    // A received 2 orders, B 3: A's admin sees 2, never 5 and never 3.
    expect(forA.text).toContain('voronka_webhook_events{kind="shop",status="pending"} 2');
    expect(forA.text).toContain('voronka_webhook_inbox_depth{kind="shop"} 2');
    // The process counters mix both organisations: not for an organisation's admin.
    expect(forA.text).not.toContain("voronka_webhooks_received_total");
    expect(forA.text).not.toContain("voronka_webhook_ack_latency_seconds");

    // A's syncs of the last 24 hours: 1 succeeded + 1 failed run, 1 300 deals, 300 leads, 45 requests, 5 retries.
    expect(forA.text).toContain('voronka_sync_runs_24h{source_kind="bitrix24",run_kind="incremental",status="succeeded"} 1');
    expect(forA.text).toContain('voronka_sync_runs_24h{source_kind="bitrix24",run_kind="incremental",status="failed"} 1');
    expect(forA.text).toContain('voronka_sync_rows_24h{source_kind="bitrix24",entity="deals"} 1300');
    expect(forA.text).toContain('voronka_sync_rows_24h{source_kind="bitrix24",entity="leads"} 300');
    expect(forA.text).toContain('voronka_sync_requests_24h{source_kind="bitrix24"} 45');
    expect(forA.text).toContain('voronka_sync_retries_24h{source_kind="bitrix24"} 5');
    // The last finished run took 90 s; the last success was 10 minutes (600 s, give or take the test's run) ago.
    const at = `org="${a.org.id}",source="${a.sources.bitrix.id}",source_kind="bitrix24"`;
    expect(forA.text).toContain(`voronka_sync_last_run_duration_seconds{${at}} 90`);
    const lag = Number(new RegExp(`^voronka_sync_lag_seconds\\{${at}\\} ([\\d.]+)$`, "m").exec(forA.text)![1]);
    expect(lag).toBeGreaterThanOrEqual(600);
    expect(lag).toBeLessThan(720);
    // The amoCRM source never synced: no lag to report; and nothing of B's portal.
    expect(forA.text).not.toContain(`source="${a.sources.amo.id}"`);
    expect(forA.text).not.toContain(b.sources.bitrix.id);

    const forB = await scrape(token["admin-b"]);
    expect(forB.text).toContain('voronka_sync_rows_24h{source_kind="bitrix24",entity="deals"} 7');
    expect(forB.text).toContain('voronka_webhook_events{kind="shop",status="pending"} 3');
    expect(forB.text).toContain('voronka_webhook_inbox_depth{kind="shop"} 3');
  });

  it("gives the operator's METRICS_TOKEN the process's counters and every organisation's inbox", async () => {
    const operator = await scrape(METRICS_TOKEN);
    expect(operator.status).toBe(200);
    // 2 + 3 deliveries into this process, counted together (the database may hold other files' too).
    expect(operator.text).toContain('voronka_webhooks_received_total{kind="shop",outcome="pending"} 5');
    expect(operator.text).toContain("voronka_webhook_ack_latency_seconds_bucket");
    expect(operator.text).toMatch(/^voronka_webhook_inbox_depth\{kind="shop"\} (\d+)$/m);
    expect(Number(/^voronka_webhook_inbox_depth\{kind="shop"\} (\d+)$/m.exec(operator.text)![1])).toBeGreaterThanOrEqual(5);
  });

  it("serves every metric the Grafana dashboard in docs/grafana reads", async () => {
    const dashboard = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../../docs/grafana/voronka-dashboard.json"), "utf8")) as { panels: { targets: { expr: string }[] }[] };
    const read = new Set(dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => [...target.expr.matchAll(/\b(voronka_\w+?)(?:_bucket)?\b/g)].map((m) => m[1]))));
    expect(read.size).toBe(12);
    const served = new Set([...(await scrape(METRICS_TOKEN)).text.matchAll(/^# TYPE (\w+) /gm)].map((m) => m[1]));
    expect([...read].filter((name) => !served.has(name))).toEqual([]);
  });

  it("refuses a manager, a stranger and a wrong token", async () => {
    expect((await scrape(token.manager)).status).toBe(403);
    expect((await scrape()).status).toBe(401);
    expect((await scrape(`${METRICS_TOKEN}x`)).status).toBe(401);
  });
});
