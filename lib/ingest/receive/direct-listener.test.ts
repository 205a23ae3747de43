// The direct listener on a real Node HTTP server, as scripts/serve.mjs runs it: webhook deliveries
// are answered by it (stored, acknowledged, then processed); everything else falls through to the
// next handler, which stands in for Next here and answers 299.
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { orders, sources, webhookEvents } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { processorIdle } from "../process/kick";
import { amoBody, amoLead, shopBody, shopSignature } from "../test/bodies";
import { createWebhookSources, type TestSources } from "../test/sources";
import { serveWebhookDirectly, webhookTargetOf } from "./direct-listener";
import { MAX_WEBHOOK_BYTES } from "@/lib/api/read-body";
import { waitFor } from "../test/wait-for";

let testDb: TestDb;
let s: TestSources;
let server: Server;
let origin: string;
const FELL_THROUGH = 299;

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  const fixture = await createOrgFixture(testDb.db);
  s = await createWebhookSources(testDb.db, fixture.org.id);
  server = createServer((req, res) => {
    if (serveWebhookDirectly(req, res)) return;
    req.resume();
    res.writeHead(FELL_THROUGH).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await processorIdle(testDb.db);
  await testDb.close();
});

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A raw request, so that chunked bodies and odd paths reach the server exactly as written. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; chunks?: (string | Buffer)[] } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { method: options.method ?? "POST", headers: options.headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    // A server that answers before the whole body is sent may close the socket under us.
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}

function signedOrder(id: string, total: string) {
  const body = shopBody("order.created", { id, status: "completed", createdAt: "2026-11-10T10:00:00+05:00", total, customer: { phone: "+7 701 000 33 44" } });
  return { headers: { "content-type": "application/json", "x-voronka-signature": shopSignature(s.shop.webhookSecret, body) }, chunks: [body] };
}

describe("webhook paths", () => {
  it("reads the four senders' paths as the route files do, and nothing else", () => {
    expect(webhookTargetOf("/api/webhooks/shop/abc")).toEqual({ kind: "shop", sourceId: "abc" });
    expect(webhookTargetOf("/api/webhooks/bitrix24/abc?x=1")).toEqual({ kind: "bitrix24", sourceId: "abc" });
    expect(webhookTargetOf("/api/webhooks/amocrm/abc/s%2Fcret")).toEqual({ kind: "amocrm", sourceId: "abc", urlSecret: "s/cret" });
    expect(webhookTargetOf("/api/webhooks/form/abc/secret")).toEqual({ kind: "form", sourceId: "abc", urlSecret: "secret" });
    for (const other of ["/api/webhooks/amocrm/abc", "/api/webhooks/form/abc", "/api/webhooks/shop/abc/", "/api/webhooks/shop/abc/extra", "/api/webhooks/fax/abc", "/api/webhooks/shop/%E0%A4%A", "/api/cron/webhooks", "/"]) {
      expect(webhookTargetOf(other)).toBeNull();
    }
  });
});

describe("the direct listener", () => {
  it("stores and acknowledges a signed shop order, which is then processed into an order of 4,250", async () => {
    const answer = await send(`/api/webhooks/shop/${s.shop.id}`, signedOrder("D-1", "4250"));
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/json");
    const { id, status } = JSON.parse(answer.body);
    expect(status).toBe("pending");
    const order = await waitFor(async () => (await testDb.db.select().from(orders).where(and(eq(orders.sourceId, s.shop.id), eq(orders.externalId, "D-1"))))[0]);
    expect(order.total).toBe("4250.00");
    await waitFor(async () => ((await testDb.db.select().from(webhookEvents).where(eq(webhookEvents.id, id)))[0]?.status === "done" ? true : undefined));
  });

  it("answers amoCRM 200 with the secret in the path, 401 with a wrong one, and stores only the first", async () => {
    const body = amoBody(s.amoAccount, { leads: { add: [amoLead({ id: "77", statusId: "10", pipelineId: "1", createdAt: 1_789_000_000, updatedAt: 1_789_000_000 })] } });
    const headers = { "content-type": "application/x-www-form-urlencoded" };
    const good = await send(`/api/webhooks/amocrm/${s.amo.id}/${s.amo.webhookSecret}`, { headers, chunks: [body] });
    const bad = await send(`/api/webhooks/amocrm/${s.amo.id}/wrong-secret`, { headers, chunks: [body] });
    expect(good.status).toBe(200);
    expect(bad.status).toBe(401);
    expect(JSON.parse(bad.body).error.code).toBe("unauthorized");
    const stored = await testDb.db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.sourceId, s.amo.id));
    expect(stored.map((row) => row.id)).toEqual([JSON.parse(good.body).id]);
  });

  it("answers Tilda's connection check (test=test) with a plain-text ok, as Tilda expects", async () => {
    const [form] = await testDb.db.insert(sources).values({ orgId: s.shop.orgId, kind: "form", name: "Landing", webhookSecret: "form-secret-0123456789" }).returning();
    const answer = await send(`/api/webhooks/form/${form.id}/form-secret-0123456789`, { headers: { "content-type": "application/x-www-form-urlencoded" }, chunks: ["test=test"] });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(answer.body).toBe("ok");
  });

  it("refuses a body over 1 MiB with 413 whether its length is declared or chunked, stores nothing and closes the connection", async () => {
    const before = (await testDb.db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.sourceId, s.shop.id))).length;
    const big = Buffer.alloc(MAX_WEBHOOK_BYTES + 1, "a");
    const declared = await send(`/api/webhooks/shop/${s.shop.id}`, { headers: { "content-type": "application/json", "content-length": String(big.length) }, chunks: [big] });
    // No Content-Length: the limit is counted as the chunks arrive.
    const chunked = await send(`/api/webhooks/shop/${s.shop.id}`, { headers: { "content-type": "application/json" }, chunks: [big.subarray(0, 600_000), big.subarray(600_000)] });
    for (const answer of [declared, chunked]) {
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body).error.code).toBe("payload_too_large");
      expect(answer.headers.connection).toBe("close");
    }
    const after = (await testDb.db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.sourceId, s.shop.id))).length;
    expect(after).toBe(before);
  });

  it("gives up on a sender that hangs up in the middle of the body, stores nothing, and goes on serving", async () => {
    const before = (await testDb.db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.sourceId, s.shop.id))).length;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${origin}/api/webhooks/shop/${s.shop.id}`, { method: "POST", agent: false, headers: { "content-type": "application/json", "content-length": "1000" } });
      req.on("error", () => resolve());
      req.write('{"event":"order.created","order":{"id":"CUT"');
      setTimeout(() => req.destroy(), 100);
    });
    // The delivery is settled, not left waiting for a body that never comes.
    await waitFor(async () => (errors.mock.calls.some((call) => String(call[0]).includes("receiving failed")) ? true : undefined));
    errors.mockRestore();
    expect((await send(`/api/webhooks/shop/${s.shop.id}`, signedOrder("D-3", "10"))).status).toBe(200);
    const after = (await testDb.db.select({ id: webhookEvents.id }).from(webhookEvents).where(eq(webhookEvents.sourceId, s.shop.id))).length;
    expect(after).toBe(before + 1);
  });

  it("answers 404 for an unknown source id", async () => {
    const answer = await send("/api/webhooks/shop/00000000-0000-4000-8000-000000000000", signedOrder("D-2", "1"));
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body).error.code).toBe("not_found");
  });

  it("leaves every other request to Next: other methods, other paths, paths Next would redirect", async () => {
    const paths = [
      ["GET", `/api/webhooks/shop/${s.shop.id}`],
      ["POST", `/api/webhooks/shop/${s.shop.id}/`],
      ["POST", "/api/cron/webhooks"],
      ["POST", "/api/sources"],
    ];
    for (const [method, path] of paths) expect((await send(path, { method })).status, `${method} ${path}`).toBe(FELL_THROUGH);
  });
});
