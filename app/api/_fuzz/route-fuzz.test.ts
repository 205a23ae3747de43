// Property: no request makes an API route answer 5xx, and the server still answers /api/health
// after each. Every route handler on disk (./route-files.ts), every method it exports, called
// directly with random query strings, path segments, bodies, content types and callers — anonymous,
// API tokens and session cookies of each role. A fixed seed and count in CI; README "Security"
// says how to run it longer (FUZZ_RUNS, FUZZ_SEED).
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { sessionCookieFor } from "@/lib/api/test/session-cookie";
import { createApiToken } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { processorIdle } from "@/lib/ingest/process/kick";
import { shopSignature } from "@/lib/ingest/test/bodies";
import { createWebhookSources, type TestSources } from "@/lib/ingest/test/sources";
import { GET as health } from "../health/route";
import { fuzzArbitraries } from "./arbitraries";
import { listRouteFiles, METHODS, type Method, type RouteFile } from "./route-files";

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_206);
const APP = "http://localhost";

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Caller = { name: string; headers: Record<string, string> };

let testDb: TestDb;
let f: OrgFixture;
let s: TestSources;
let callers: Caller[];
let ids: string[];
const tally = { requests: 0, serverErrors: 0 };

beforeAll(async () => {
  env.ENCRYPTION_KEY = Buffer.alloc(32, 9).toString("base64");
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  s = await createWebhookSources(testDb.db, f.org.id);
  const tokenOf = async (userId: string) => (await createApiToken(testDb.db, { orgId: f.org.id, userId }, "fuzz")).token;
  const sameOrigin = { origin: APP, "sec-fetch-site": "same-origin" };
  callers = [
    { name: "anonymous", headers: {} },
    { name: "admin token", headers: { authorization: `Bearer ${await tokenOf(f.users.admin.id)}` } },
    { name: "director token", headers: { authorization: `Bearer ${await tokenOf(f.users.director.id)}` } },
    { name: "manager token", headers: { authorization: `Bearer ${await tokenOf(f.users.alice.id)}` } },
    { name: "admin cookie", headers: { cookie: await sessionCookieFor(f.users.admin.id), ...sameOrigin } },
    { name: "manager cookie", headers: { cookie: await sessionCookieFor(f.users.bob.id), ...sameOrigin } },
    { name: "admin cookie, foreign origin", headers: { cookie: await sessionCookieFor(f.users.admin.id), origin: "http://evil.example" } },
  ];
  // Real ids reach past "not found"; a token that may be revoked is not one the callers use.
  const spare = await createApiToken(testDb.db, { orgId: f.org.id, userId: f.users.admin.id }, "spare");
  ids = [f.users.admin.id, f.users.director.id, f.users.carol.id, f.departments.sales.id, f.source.id, f.pipeline.id, f.stages.WON.id, f.crmUsers.alice.id, spare.id, s.shop.id];
}, 120_000);

afterAll(async () => {
  console.info(`[fuzz] ${tally.requests} requests, ${tally.serverErrors} answered 5xx (seed ${SEED}, ${RUNS} runs per handler)`);
  await processorIdle(testDb.db);
  await testDb.close();
});

const routes = listRouteFiles();
const modules = await Promise.all(routes.map(async (route) => (await import(/* @vite-ignore */ route.file)) as Partial<Record<Method, Handler>>));
const handlers = routes.flatMap((route, i) => METHODS.filter((method) => modules[i][method]).map((method) => ({ route, method, handler: modules[i][method]! })));

describe("API route fuzz", () => {
  it("finds every route handler on disk", () => {
    expect(routes.length).toBeGreaterThanOrEqual(46);
    expect(routes.map((route) => route.pattern)).toContain("/api/users/[id]/crm-users");
  });

  it.each(handlers)("$method $route.pattern never answers 5xx", async ({ route, method, handler }) => {
    const { query, body, contentType, text, id } = fuzzArbitraries({ ids, pattern: route.pattern });
    const param = (name: string): fc.Arbitrary<string | string[]> =>
      name.startsWith("...") ? fc.array(fc.oneof(fc.constantFrom("csrf", "session", "providers", "signin", "signout", "callback", "credentials", "error"), text), { minLength: 1, maxLength: 3 }) : paramFor(route, name, id, text);
    const request = fc.record({
      // What Next hands a route is a decoded path segment: well-formed text, never a lone surrogate.
      params: fc.tuple(...route.params.map((name) => param(name).map(wellFormed))),
      query,
      body,
      contentType,
      // Admins most often: they may call every route, so their requests reach the deepest code.
      caller: fc.oneof(...callers.map((caller) => ({ weight: caller.name.startsWith("admin") && !caller.name.includes("foreign") ? 4 : 1, arbitrary: fc.constant(caller) }))),
      signed: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        const params: Record<string, string | string[]> = Object.fromEntries(route.params.map((name, i) => [name.replace(/^\.\.\./, ""), input.params[i]]));
        const path = route.pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, __, name: string) => [params[name]].flat().map(encodeURIComponent).join("/"));
        const headers: Record<string, string> = { ...input.caller.headers };
        if (input.contentType) headers["content-type"] = input.contentType;
        const hasBody = method !== "GET" && input.body !== undefined;
        if (hasBody && input.signed && route.pattern.startsWith("/api/webhooks/shop")) headers["x-voronka-signature"] = shopSignature(s.shop.webhookSecret, input.body!);
        const requestBody = hasBody && route.pattern.startsWith("/api/webhooks/bitrix24") && input.signed ? `${input.body}&auth[application_token]=${s.bitrixToken}` : input.body;
        const url = `${APP}${path}${input.query ? `?${input.query}` : ""}`;
        const response = await handler(new NextRequest(url, { method, headers, body: hasBody ? requestBody : undefined }), { params: Promise.resolve(params) });
        // A streamed answer (an export) may fail only while it is read; an event stream (GET /api/live)
        // never ends by itself, so its first event is read and the browser "goes away".
        if (response.headers.get("content-type")?.startsWith("text/event-stream")) await readFirstEventAndLeave(response);
        else await response.arrayBuffer();
        tally.requests++;
        if (response.status >= 500) tally.serverErrors++;
        expect(response.status, `${method} ${url} as ${input.caller.name}`).toBeLessThan(500);
        expect((await health()).status).toBe(200);
      }),
      { numRuns: RUNS, seed: SEED + handlers.findIndex((h) => h.handler === handler), endOnFailure: true },
    );
  }, 300_000);
});

async function readFirstEventAndLeave(response: Response): Promise<void> {
  const reader = response.body!.getReader();
  const first = await reader.read();
  expect(new TextDecoder().decode(first.value)).toContain("event: ready");
  await reader.cancel();
}

function wellFormed<T>(value: T): T {
  return (Array.isArray(value) ? value.map(wellFormed) : typeof value === "string" ? value.toWellFormed() : value) as T;
}

/** Webhook paths get their real source ids and secrets often enough to reach the receivers. */
function paramFor(route: RouteFile, name: string, id: fc.Arbitrary<string>, text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  if (!route.pattern.startsWith("/api/webhooks/")) return id;
  if (name === "sourceId") return fc.oneof(fc.constantFrom(s.bitrix.id, s.amo.id, s.shop.id), id);
  if (name === "secret") return fc.oneof(fc.constant(s.amo.webhookSecret), text);
  return id;
}
