// The amoCRM client against the mock account (e2e/mocks/amocrm-mock.ts): HAL paging that ends on
// 204, the 7 requests/s limit, every fault class, single-flight OAuth refresh, no secret in errors.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startAmoMock, type AmoMock, type AmoMockOptions } from "@/e2e/mocks/amocrm-mock";
import { ConnectorAuthError, ConnectorError, ConnectorForbiddenError, ConnectorPaymentError } from "../errors";
import { resetSharedLimiters, type RateLimiter } from "../http/rate-limiter";
import { createAmoClient, type AmoDeps } from "./client";
import type { AmoTokens } from "./types";

const fast: AmoDeps = { backoff: { baseMs: 1, maxMs: 5 }, timeoutMs: 2000 };
const noLimiter: RateLimiter = { acquire: async () => undefined, penalize: () => undefined };
let mock: AmoMock | undefined;

async function start(options: AmoMockOptions) {
  mock = await startAmoMock(options);
  return mock;
}

async function collect<T>(pages: AsyncGenerator<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for await (const page of pages) rows.push(...page);
  return rows;
}

function oauthClient(account: AmoMock, onTokens: (t: AmoTokens) => Promise<void>, expiresAt = Date.now() + 3_600_000, deps: AmoDeps = fast) {
  const { auth } = account.state;
  return createAmoClient(
    { baseUrl: account.url, oauth: { clientId: auth.clientId, clientSecret: auth.clientSecret, redirectUri: auth.redirectUri, accessToken: auth.accessToken, refreshToken: auth.refreshToken, expiresAt }, onTokens },
    deps,
  );
}

beforeEach(() => resetSharedLimiters());
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe("pages", () => {
  it("walks 250-row pages and ends on the 204 after the last full page", async () => {
    const account = await start({ leads: 500, perSecond: false });
    const client = createAmoClient({ baseUrl: account.url, accessToken: account.state.auth.longLivedToken }, fast);
    const sizes: number[] = [];
    const ids: number[] = [];
    for await (const page of client.pages<{ id: number }>("/api/v4/leads", { order: { id: "asc" } }, "leads")) {
      sizes.push(page.length);
      ids.push(...page.map((lead) => lead.id));
    }
    expect(sizes).toEqual([250, 250]);
    expect(ids).toEqual(account.state.mutations.rows("lead").map((lead) => lead.id));
    // Pages 1 and 2 link a next page; page 3 answers 204 No Content: 3 requests, 500 rows served.
    expect(account.state.stats.byMethod["/api/v4/leads"]).toBe(3);
    expect(account.state.stats.rowsServed.leads).toBe(500);
  });

  it("stops without a 204 when the last page is short (no next link)", async () => {
    const account = await start({ leads: 520, perSecond: false });
    const client = createAmoClient({ baseUrl: account.url, accessToken: account.state.auth.longLivedToken }, fast);
    const rows = await collect(client.pages<{ id: number }>("/api/v4/leads", {}, "leads"));
    expect(rows.length).toBe(520); // 250 + 250 + 20
    expect(account.state.stats.byMethod["/api/v4/leads"]).toBe(3);
  });

  it("reads only what changed since a time, by updated_at, and 204 when nothing did", async () => {
    const account = await start({ leads: 1000, perSecond: false });
    const { mutations } = account.state;
    const client = createAmoClient({ baseUrl: account.url, accessToken: account.state.auth.longLivedToken }, fast);
    const since = mutations.now();
    expect(await collect(client.pages("/api/v4/leads", { filter: { updated_at: { from: since } } }, "leads"))).toEqual([]);
    const wonOrLost = mutations.get("lead", 30_000_007)?.status_id === 142 ? 143 : 142; // a real change of status
    mutations.update("lead", 30_000_007, { status_id: wonOrLost });
    const added = mutations.add("lead", { name: "Новая" });
    mutations.remove("lead", 30_000_008);
    const rows = await collect(client.pages<{ id: number; status_id: number; closed_at: number | null }>("/api/v4/leads", { filter: { updated_at: { from: since } }, order: { updated_at: "asc" } }, "leads"));
    expect(rows.map((lead) => lead.id)).toEqual([30_000_007, added.id]);
    expect(rows[0]).toMatchObject({ status_id: wonOrLost, closed_at: expect.any(Number) });
    const events = await collect(client.pages<{ type: string; entity_id: number }>("/api/v4/events", { limit: 100, filter: { type: ["lead_status_changed"], created_at: { from: since } } }, "events"));
    expect(events.map((e) => [e.type, e.entity_id])).toEqual([["lead_status_changed", 30_000_007]]);
    expect(await client.get("/api/v4/leads/30000008")).toBeNull(); // deleted → 204
  });

  it("finds the UTM tracking fields by code, whatever their ids in this account", async () => {
    const account = await start({ leads: 10, perSecond: false, seed: 42 });
    const client = createAmoClient({ baseUrl: account.url, accessToken: account.state.auth.longLivedToken }, fast);
    const fields = await collect(client.pages<{ id: number; code: string | null; type: string }>("/api/v4/leads/custom_fields", {}, "custom_fields"));
    const utmSource = fields.find((f) => f.code === "UTM_SOURCE");
    expect(utmSource).toMatchObject({ type: "tracking_data" });
    const pipelines = await client.get<{ _embedded: { pipelines: { _embedded: { statuses: { id: number }[] } }[] } }>("/api/v4/leads/pipelines");
    for (const pipeline of pipelines!._embedded.pipelines) expect(pipeline._embedded.statuses.map((s) => s.id)).toEqual(expect.arrayContaining([142, 143]));
  });
});

describe("rate limit", () => {
  it("the shared 7/s limiter keeps two clients of one account at zero refusals", async () => {
    const account = await start({ leads: 10 });
    const token = account.state.auth.longLivedToken;
    const a = createAmoClient({ baseUrl: account.url, accessToken: token }, fast);
    const b = createAmoClient({ baseUrl: account.url, accessToken: token }, fast);
    await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).get("/api/v4/account")));
    expect(account.state.stats.requests).toBe(16);
    expect(account.state.stats.refused).toBe(0);
  });

  it("without it amoCRM answers 429 (HTML), which is retried until every call succeeds", async () => {
    const account = await start({ leads: 10 });
    const client = createAmoClient({ baseUrl: account.url, accessToken: account.state.auth.longLivedToken }, { ...fast, limiter: noLimiter, backoff: { baseMs: 200, maxMs: 800 }, maxAttempts: 30 });
    const answers = await Promise.all(Array.from({ length: 16 }, () => client.get<{ id: number }>("/api/v4/account")));
    expect(answers.every((a) => a?.id === 29978305)).toBe(true);
    expect(account.state.stats.refused).toBeGreaterThan(0);
    expect(client.stats.retries).toBe(account.state.stats.refused);
  });

  it("stops on 403 once amoCRM blocks the account after repeated excess", async () => {
    const account = await start({ leads: 10, blockAfterRefusals: 1 });
    const client = createAmoClient({ baseUrl: account.url, accessToken: account.state.auth.longLivedToken }, { ...fast, limiter: noLimiter });
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => client.get("/api/v4/account")));
    const errors = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error).toBeInstanceOf(ConnectorForbiddenError);
  });
});

describe("faults", () => {
  it("retries 5xx, truncated bodies and hangs, and still reads every lead once", async () => {
    const account = await start({ leads: 2000, perSecond: false, faults: { serverErrorRate: 0.2, truncateRate: 0.2, hangRate: 0.1 }, faultSeed: 5 });
    const client = createAmoClient({ baseUrl: account.url, accessToken: account.state.auth.longLivedToken }, { ...fast, timeoutMs: 200, maxAttempts: 20 });
    const rows = await collect(client.pages<{ id: number }>("/api/v4/leads", { order: { id: "asc" } }, "leads"));
    expect(rows.length).toBe(2000);
    expect(new Set(rows.map((r) => r.id)).size).toBe(2000);
    const { serverError, truncated, hang } = account.state.stats.injected;
    expect(serverError + truncated + hang).toBeGreaterThan(0);
    expect(client.stats.retries).toBe(serverError + truncated + hang);
  });

  it("rides out a rate-limit storm", async () => {
    const account = await start({ leads: 10, perSecond: false, faults: { rateLimitStorm: 3 } });
    const client = createAmoClient({ baseUrl: account.url, accessToken: account.state.auth.longLivedToken, perSecond: 100 }, fast);
    await expect(client.get("/api/v4/account")).resolves.toMatchObject({ subdomain: "mock" });
    expect(client.stats.retries).toBe(3);
  });

  it("stops at once on a bad long-lived token (401), 402 and 403", async () => {
    const account = await start({ leads: 10, perSecond: false });
    const bad = createAmoClient({ baseUrl: account.url, accessToken: "not-a-token" }, fast);
    await expect(bad.get("/api/v4/account")).rejects.toBeInstanceOf(ConnectorAuthError);
    expect(bad.stats.requests).toBe(1);
    const client = createAmoClient({ baseUrl: account.url, accessToken: account.state.auth.longLivedToken }, fast);
    account.state.faults.paymentRequired = true;
    await expect(client.get("/api/v4/account")).rejects.toBeInstanceOf(ConnectorPaymentError);
    account.state.faults.paymentRequired = false;
    account.state.faults.banned = true;
    await expect(client.get("/api/v4/account")).rejects.toBeInstanceOf(ConnectorForbiddenError);
    expect(client.stats.requests).toBe(2);
  });

  it("testConnection says what is wrong", async () => {
    const account = await start({ leads: 1, perSecond: false });
    expect(await createAmoClient({ baseUrl: account.url, accessToken: account.state.auth.longLivedToken }, fast).testConnection()).toMatchObject({
      ok: true,
      account: { id: "29978305", subdomain: "mock" },
      user: { id: "7902115", name: "Администратор" },
    });
    expect(await createAmoClient({ baseUrl: account.url, accessToken: "wrong" }, fast).testConnection()).toMatchObject({ ok: false, reason: "bad_credentials" });
    const url = account.url;
    await account.close();
    mock = undefined;
    expect(await createAmoClient({ baseUrl: url, accessToken: "x" }, fast).testConnection()).toMatchObject({ ok: false, reason: "connection_refused" });
  });
});

describe("OAuth", () => {
  it("two concurrent calls that meet an expired token share one refresh, stored once", async () => {
    const account = await start({ leads: 10, perSecond: false });
    const stored: AmoTokens[] = [];
    const client = oauthClient(account, async (t) => void stored.push(t));
    account.state.faults.expireTokenAfter = 0; // the token dies before the next request
    const [a, b] = await Promise.all([client.get<{ id: number }>("/api/v4/leads/30000001"), client.get<{ id: number }>("/api/v4/leads/30000002")]);
    expect([a?.id, b?.id]).toEqual([30_000_001, 30_000_002]);
    expect(account.state.stats.refreshes).toBe(1);
    expect(stored).toEqual([expect.objectContaining({ accessToken: account.state.auth.accessToken, refreshToken: account.state.auth.refreshToken })]);
  });

  it("a token past its expiry is refreshed once before the calls, even by two clients", async () => {
    const account = await start({ leads: 10, perSecond: false });
    let stores = 0;
    const expired = Date.now() - 1000;
    const one = oauthClient(account, async () => void stores++, expired);
    const two = oauthClient(account, async () => void stores++, expired);
    await Promise.all([one.get("/api/v4/account"), two.get("/api/v4/account"), one.get("/api/v4/users")]);
    expect(account.state.stats.refreshes).toBe(1);
    expect(stores).toBe(1);
  });

  it("stops with ConnectorAuthError when the refresh token was revoked, without leaking it", async () => {
    const account = await start({ leads: 10, perSecond: false });
    const client = oauthClient(account, async () => undefined);
    const { auth } = account.state;
    const secrets = [auth.refreshToken, auth.accessToken, auth.clientSecret, auth.longLivedToken];
    auth.refreshToken = "rotated-by-someone-else";
    auth.expiredTokens.add(auth.accessToken);
    const error = await client.get("/api/v4/account").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorAuthError);
    expect((error as Error).message).toContain("Token has been revoked");
    for (const secret of secrets) expect(String(error)).not.toContain(secret);
  });
});

it("no thrown message contains a token", async () => {
  const account = await start({ leads: 10, perSecond: false });
  const token = account.state.auth.longLivedToken;
  const messages: string[] = [];
  const record = (p: Promise<unknown>) => p.catch((e: unknown) => void messages.push(String(e), (e as ConnectorError).message));
  await record(createAmoClient({ baseUrl: account.url, accessToken: "secret-wrong-token" }, fast).get("/api/v4/account"));
  account.state.faults.serverErrorRate = 1;
  await record(createAmoClient({ baseUrl: account.url, accessToken: token }, { ...fast, maxAttempts: 2 }).get("/api/v4/account"));
  account.state.faults.serverErrorRate = 0;
  await record(createAmoClient({ baseUrl: account.url, accessToken: token }, fast).get("/api/v4/nope"));
  expect(messages.length).toBe(6);
  for (const m of messages) for (const secret of [token, "secret-wrong-token"]) expect(m).not.toContain(secret);
});

it("stops with a protocol error when an endpoint ignores `page` and repeats itself", async () => {
  const same: typeof fetch = async () =>
    Response.json({ _page: 1, _links: { next: { href: "x" } }, _embedded: { leads: Array.from({ length: 250 }, (_, i) => ({ id: i + 1 })) } });
  const client = createAmoClient({ baseUrl: "https://example.amocrm.ru", accessToken: "t" }, { ...fast, fetch: same });
  const sizes: number[] = [];
  const error = await (async () => {
    for await (const rows of client.pages("/api/v4/leads", {}, "leads")) sizes.push(rows.length);
  })().catch((e: unknown) => e);
  expect(sizes).toEqual([250]);
  expect((error as ConnectorError).kind).toBe("protocol");
  expect(client.stats.requests).toBe(2);
});
