// The Bitrix24 client against the mock portal (e2e/mocks/bitrix24-mock.ts): batch paging,
// incremental filters, the rate limit, every fault class, OAuth renewal, and no secret in errors.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startBitrix24Mock, type Bitrix24Mock, type Bitrix24MockOptions } from "@/e2e/mocks/bitrix24-mock";
import { refusedAfter } from "@/e2e/mocks/mock-http";
import { ConnectorAuthError, ConnectorError, ConnectorForbiddenError, ConnectorPaymentError, ConnectorRedirectError, ConnectorRequestError, ConnectorUnavailableError } from "../errors";
import { resetSharedLimiters, type RateLimiter } from "../http/rate-limiter";
import { createBitrix24Client, type Bitrix24Deps } from "./client";
import type { Bitrix24Tokens } from "./types";

const fast: Bitrix24Deps = { backoff: { baseMs: 1, maxMs: 5 }, timeoutMs: 2000 };
const noLimiter: RateLimiter = { acquire: async () => undefined, penalize: () => undefined };
let mock: Bitrix24Mock | undefined;

async function start(options: Bitrix24MockOptions) {
  mock = await startBitrix24Mock(options);
  return mock;
}

async function collect<T>(pages: AsyncGenerator<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for await (const page of pages) rows.push(...page);
  return rows;
}

beforeEach(() => resetSharedLimiters());
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe("listAll: keyset pages chained in batch", () => {
  it("brings every deal exactly once, in ID order, 2,500 rows per request", async () => {
    const portal = await start({ deals: 3000, seed: 5, limits: false });
    portal.state.mutations.remove("deal", 17);
    portal.state.mutations.remove("deal", 2999);
    const client = createBitrix24Client({ webhookUrl: portal.webhookUrl }, fast);
    const pages: number[] = [];
    let total = -1;
    const ids: string[] = [];
    for await (const page of client.listAll<{ ID: string }>("crm.deal.list", { select: ["ID", "OPPORTUNITY"] }, { onTotal: (n) => (total = n) })) {
      pages.push(page.length);
      ids.push(...page.map((row) => row.ID));
    }
    const expected = portal.state.mutations.rows("deal").map((row) => row.ID);
    expect(expected.length).toBe(2998); // 3,000 generated − 2 deleted
    expect(ids).toEqual(expected); // same rows, same order, no duplicates
    expect(total).toBe(2998);
    // First request: a count plus 49 pages of 50 = 2,450 rows; second: the remaining 548.
    expect(pages).toEqual([2450, 548]);
    expect(client.stats.requests).toBe(2);
    expect(portal.state.stats.requests).toBe(2);
  });

  it("an incremental read (>DATE_MODIFY) returns only the rows changed since, in one request", async () => {
    const portal = await start({ deals: 5000, seed: 6, limits: false });
    const { mutations } = portal.state;
    const since = new Date(mutations.now() - 1000).toISOString();
    mutations.update("deal", 10, { STAGE_ID: "WON" });
    mutations.update("deal", 4000, { OPPORTUNITY: "1.00" });
    const added = mutations.add("deal", { TITLE: "Новая" });
    mutations.remove("deal", 11);
    const client = createBitrix24Client({ webhookUrl: portal.webhookUrl }, fast);
    const rows = await collect(client.listAll<{ ID: string; STAGE_ID: string }>("crm.deal.list", { filter: { ">DATE_MODIFY": since }, select: ["ID", "STAGE_ID"] }));
    expect(rows.map((row) => row.ID)).toEqual(["10", "4000", String(added.ID)]);
    expect(rows[0].STAGE_ID).toBe("WON");
    expect(client.stats.requests).toBe(1);
    // The stage change left a history row: TYPE_ID 3 = moved to a final stage.
    const history = await collect(client.listAll<Record<string, string>>("crm.stagehistory.list", { entityTypeId: 2, filter: { ">=CREATED_TIME": since } }));
    expect(history.map((h) => [h.OWNER_ID, h.STAGE_ID, h.TYPE_ID])).toEqual([["10", "WON", "3"], [String(added.ID), "NEW", "1"]]);
  });

  it("resumes after a cursor ID", async () => {
    const portal = await start({ deals: 120, limits: false });
    const client = createBitrix24Client({ webhookUrl: portal.webhookUrl }, fast);
    const rows = await collect(client.listAll<{ ID: string }>("crm.deal.list", {}, { afterId: 100 }));
    expect(rows.map((row) => Number(row.ID))).toEqual(Array.from({ length: 20 }, (_, i) => 101 + i));
  });
});

describe("directories and single entities", () => {
  it("reads users, departments, funnels and stages; getById answers null for a deleted deal", async () => {
    const portal = await start({ deals: 10, limits: false });
    const client = createBitrix24Client({ webhookUrl: portal.webhookUrl }, fast);
    expect((await collect(client.listByOffset("user.get", {}))).length).toBe(8);
    expect((await collect(client.listByOffset("department.get", {}))).length).toBe(3);
    const funnels = await collect(client.listByOffset<{ id: number }>("crm.category.list", { entityTypeId: 2 }));
    expect(funnels.map((f) => f.id).sort()).toEqual([0, 1]);
    const stages = await collect(client.listByOffset<{ STATUS_ID: string }>("crm.status.list", { filter: { ENTITY_ID: "DEAL_STAGE_1" } }));
    expect(stages.map((s) => s.STATUS_ID)).toEqual(["C1:NEW", "C1:PREPARATION", "C1:WON", "C1:LOSE"]);
    expect(await client.getById<{ ID: string }>("deal", 3)).toMatchObject({ ID: "3" });
    portal.state.mutations.remove("deal", 3);
    expect(await client.getById("deal", 3)).toBeNull();
  });
});

describe("rate limit", () => {
  // These count requests exactly; on a loaded machine a 2 s timeout can fire and add a retry that is
  // not what is measured here, so the call timeout is out of the way.
  const patient: Bitrix24Deps = { ...fast, timeoutMs: 60_000 };
  it("the shared limiter keeps 40 concurrent calls within the portal's bucket: zero refused", async () => {
    // A short real run: burst 10, drain 20/s. The client keeps 2 in reserve and drains at 97 %.
    const portal = await start({ deals: 10, limits: { burst: 10, perSecond: 20 } });
    const limits = { burst: 10, perSecond: 20 };
    const a = createBitrix24Client({ webhookUrl: portal.webhookUrl, limits }, patient);
    const b = createBitrix24Client({ webhookUrl: portal.webhookUrl, limits }, patient); // same portal → same limiter
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).call("crm.deal.get", { id: 1 })));
    expect(portal.state.stats.requests).toBe(40);
    expect(portal.state.stats.refused).toBe(0);
    expect(a.stats.retries + b.stats.retries).toBe(0);
  });

  it("without the limiter the same load is refused (503 QUERY_LIMIT_EXCEEDED), and retries still finish it", async () => {
    const portal = await start({ deals: 10, limits: { burst: 10, perSecond: 20 } });
    const client = createBitrix24Client({ webhookUrl: portal.webhookUrl }, { ...patient, limiter: noLimiter, backoff: { baseMs: 100, maxMs: 400 }, maxAttempts: 30 });
    await Promise.all(Array.from({ length: 40 }, () => client.call("crm.deal.get", { id: 1 })));
    expect(portal.state.stats.refused).toBeGreaterThan(0);
    expect(refusedAfter(portal.state.stats, 0)).toBe(portal.state.stats.refused);
    // Every refusal cost exactly one retry: requests = 40 successes + refusals.
    expect(portal.state.stats.requests).toBe(40 + portal.state.stats.refused);
    expect(client.stats.retries).toBe(portal.state.stats.refused);
  });

  it("waits for the method's operating-time budget (OPERATION_TIME_LIMIT) and finishes the list", async () => {
    // Each 50-row page costs 0.001 + 50 × 1 s; the limit of 100 s lets 3 pages run, then blocks
    // crm.deal.list until the 1.5-second window resets.
    const portal = await start({ deals: 300, limits: false, operating: { secondsPerRow: 1, limitSeconds: 100, windowMs: 1500 } });
    const client = createBitrix24Client({ webhookUrl: portal.webhookUrl }, fast);
    const rows = await collect(client.listAll<{ ID: string }>("crm.deal.list", { select: ["ID"] }));
    expect(rows.map((row) => Number(row.ID))).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(client.stats.retries).toBeGreaterThanOrEqual(1);
  }, 20_000);
});

describe("faults", () => {
  it("retries 5xx pages and truncated JSON, and still brings every row once", async () => {
    const portal = await start({ deals: 6000, limits: false, faults: { serverErrorRate: 0.3, truncateRate: 0.2 }, faultSeed: 3 });
    const client = createBitrix24Client({ webhookUrl: portal.webhookUrl }, { ...fast, maxAttempts: 20 });
    const rows = await collect(client.listAll<{ ID: string }>("crm.deal.list", { select: ["ID"] }));
    expect(rows.length).toBe(6000);
    expect(new Set(rows.map((row) => row.ID)).size).toBe(6000);
    const { serverError, truncated } = portal.state.stats.injected;
    expect(serverError + truncated).toBeGreaterThan(0);
    expect(client.stats.retries).toBe(serverError + truncated);
  });

  it("times out a hanging request and retries it", async () => {
    const portal = await start({ deals: 10, limits: false, faults: { hangRate: 1 } });
    const client = createBitrix24Client({ webhookUrl: portal.webhookUrl }, { ...fast, timeoutMs: 150 });
    const pending = client.call("crm.deal.get", { id: 1 });
    setTimeout(() => (portal.state.faults.hangRate = 0), 400);
    await expect(pending).resolves.toMatchObject({ ID: "1" });
    expect(portal.state.stats.injected.hang).toBeGreaterThanOrEqual(1);
    expect(client.stats.retries).toBe(portal.state.stats.injected.hang);
  });

  it("rides out a rate-limit storm", async () => {
    const portal = await start({ deals: 10, limits: false, faults: { rateLimitStorm: 4 } });
    // A fast limiter: each refusal also holds the portal's limiter back a second at its rate.
    const client = createBitrix24Client({ webhookUrl: portal.webhookUrl, limits: { burst: 50, perSecond: 100 } }, fast);
    await expect(client.call("crm.deal.get", { id: 2 })).resolves.toMatchObject({ ID: "2" });
    expect(client.stats.retries).toBe(4);
    expect(client.stats.rateLimited).toBe(4);
  });

  it("stops at once on a wrong webhook code, a ban and an ended subscription", async () => {
    const portal = await start({ deals: 10, limits: false });
    const wrong = createBitrix24Client({ webhookUrl: `${portal.url}/rest/1/not-the-code/` }, fast);
    await expect(wrong.call("crm.deal.get", { id: 1 })).rejects.toBeInstanceOf(ConnectorAuthError);
    expect(wrong.stats.requests).toBe(1);

    const client = createBitrix24Client({ webhookUrl: portal.webhookUrl }, fast);
    portal.state.faults.banned = true;
    await expect(client.call("profile")).rejects.toBeInstanceOf(ConnectorForbiddenError);
    portal.state.faults.banned = false;
    portal.state.faults.paymentRequired = true;
    await expect(client.call("profile")).rejects.toBeInstanceOf(ConnectorPaymentError);
    expect(client.stats.requests).toBe(2);
    expect(client.stats.retries).toBe(0);
  });

  it("does not retry a request Bitrix24 rejects (bad parameters)", async () => {
    const portal = await start({ deals: 10, limits: false });
    const client = createBitrix24Client({ webhookUrl: portal.webhookUrl }, fast);
    await expect(client.call("crm.deal.list", { filter: "nonsense" })).rejects.toBeInstanceOf(ConnectorRequestError);
    expect(client.stats.requests).toBe(1);
  });
});

describe("testConnection", () => {
  it("names the user, or says precisely what is wrong", async () => {
    const portal = await start({ deals: 1, limits: false });
    const ok = await createBitrix24Client({ webhookUrl: portal.webhookUrl }, fast).testConnection();
    expect(ok).toMatchObject({ ok: true, user: { id: "1", name: "Айгерим Садыкова", isAdmin: true } });

    const bad = await createBitrix24Client({ webhookUrl: `${portal.url}/rest/1/wrong/` }, fast).testConnection();
    expect(bad).toEqual({ ok: false, reason: "bad_credentials", params: { host: new URL(portal.url).host }, crmWords: "NO_AUTH_FOUND: Wrong authorization data" });

    portal.state.scopes = ["crm"];
    const scoped = await createBitrix24Client({ webhookUrl: portal.webhookUrl }, fast).testConnection();
    expect(scoped).toEqual({ ok: false, reason: "missing_scope", params: { host: new URL(portal.url).host, scopes: "user, department" } });

    const url = portal.webhookUrl;
    await portal.close();
    mock = undefined;
    const down = await createBitrix24Client({ webhookUrl: url }, fast).testConnection();
    expect(down).toMatchObject({ ok: false, reason: "connection_refused" });
  });

  it("rejects a webhook URL of the wrong shape without echoing it", () => {
    expect(() => createBitrix24Client({ webhookUrl: "https://portal.bitrix24.ru/secret-thing" })).toThrow(/portal\.bitrix24\.ru\/rest\/<user id>\/<code>/);
  });
});

describe("OAuth", () => {
  it("renews an expired token once mid-run, stores the new pair, and finishes the list", async () => {
    const portal = await start({ deals: 6000, limits: false, faults: { expireTokenAfter: 1 } });
    const stored: Bitrix24Tokens[] = [];
    const { oauth } = portal.state;
    const client = createBitrix24Client(
      {
        portalUrl: portal.url,
        accessToken: oauth.accessToken,
        refresh: { clientId: oauth.clientId, clientSecret: oauth.clientSecret, refreshToken: oauth.refreshToken, oauthServer: portal.oauthServer, onTokens: async (t) => void stored.push(t) },
      },
      fast,
    );
    const rows = await collect(client.listAll<{ ID: string }>("crm.deal.list", { select: ["ID"] }));
    expect(rows.length).toBe(6000);
    expect(portal.state.stats.refreshes).toBe(1);
    expect(stored).toEqual([expect.objectContaining({ accessToken: oauth.accessToken, refreshToken: oauth.refreshToken })]);
    expect(oauth.accessToken).toMatch(/-2$/); // the mock's second generation of tokens
  });

  it("two concurrent calls that hit the expired token share one renewal", async () => {
    const portal = await start({ deals: 10, limits: false });
    const { oauth } = portal.state;
    let stores = 0;
    const client = createBitrix24Client(
      {
        portalUrl: portal.url,
        accessToken: oauth.accessToken,
        refresh: { clientId: oauth.clientId, clientSecret: oauth.clientSecret, refreshToken: oauth.refreshToken, oauthServer: portal.oauthServer, onTokens: async () => void stores++ },
      },
      fast,
    );
    oauth.expiredTokens.add(oauth.accessToken);
    const [a, b] = await Promise.all([client.call("crm.deal.get", { id: 1 }), client.call("crm.deal.get", { id: 2 })]);
    expect([a, b]).toMatchObject([{ ID: "1" }, { ID: "2" }]);
    expect(portal.state.stats.refreshes).toBe(1);
    expect(stores).toBe(1);
  });
});

describe("secrets", () => {
  it("no thrown message contains the webhook code, a token or the client secret", async () => {
    const portal = await start({ deals: 10, limits: false });
    const secrets = [portal.state.webhook.code, "wrong-code-123", portal.state.oauth.accessToken, portal.state.oauth.refreshToken, portal.state.oauth.clientSecret];
    const messages: string[] = [];
    const record = async (promise: Promise<unknown>) => {
      try {
        await promise;
      } catch (error) {
        expect(error).toBeInstanceOf(ConnectorError);
        messages.push((error as Error).message, String(error));
      }
    };
    await record(createBitrix24Client({ webhookUrl: `${portal.url}/rest/1/wrong-code-123/` }, fast).call("profile"));
    const oauthClient = createBitrix24Client(
      {
        portalUrl: portal.url,
        accessToken: portal.state.oauth.accessToken,
        refresh: { clientId: "x", clientSecret: portal.state.oauth.clientSecret, refreshToken: portal.state.oauth.refreshToken, oauthServer: portal.oauthServer, onTokens: async () => undefined },
      },
      fast,
    );
    portal.state.oauth.expiredTokens.add(portal.state.oauth.accessToken);
    await record(oauthClient.call("profile")); // renewal refused: wrong client id
    portal.state.faults.banned = true;
    await record(createBitrix24Client({ webhookUrl: portal.webhookUrl }, fast).call("profile"));
    portal.state.faults.banned = false;
    portal.state.faults.serverErrorRate = 1;
    await record(createBitrix24Client({ webhookUrl: portal.webhookUrl }, { ...fast, maxAttempts: 2 }).call("profile"));
    const url = portal.webhookUrl;
    await portal.close();
    mock = undefined;
    await record(createBitrix24Client({ webhookUrl: url }, { ...fast, maxAttempts: 1 }).call("profile"));
    expect(messages.length).toBe(10);
    for (const message of messages) for (const secret of secrets) expect(message).not.toContain(secret);
    expect(messages.some((m) => m.includes("cannot be reached"))).toBe(true);
  });
});

it("reports a renamed portal's 302 with the new host and never follows it: the webhook code goes nowhere unchecked", async () => {
  const portal = await start({ deals: 5, limits: false });
  const seen: string[] = [];
  const movingFetch: typeof fetch = async (input, init) => {
    const url = String(input);
    seen.push(new URL(url).host);
    if (url.startsWith("http://old-name.invalid/")) {
      return new Response(null, { status: 302, headers: { location: `${portal.webhookUrl}${url.split("/").pop()}` } });
    }
    return fetch(input, init);
  };
  const client = createBitrix24Client({ webhookUrl: `http://old-name.invalid/rest/1/${portal.state.webhook.code}/` }, { ...fast, fetch: movingFetch });
  const error = await client.call("crm.deal.get", { id: 4 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectorRedirectError);
  expect(error).toMatchObject({ kind: "redirected", host: "old-name.invalid", targetHost: new URL(portal.url).host });
  expect((error as Error).message).not.toContain(portal.state.webhook.code);
  // One request, to the old address only: a redirect is not retried either.
  expect(seen).toEqual(["old-name.invalid"]);
  expect(portal.state.stats.requests).toBe(0);
});

it("classifies an unreachable host as ConnectorUnavailableError", async () => {
  const client = createBitrix24Client({ webhookUrl: "http://127.0.0.1:1/rest/1/abc/" }, { ...fast, maxAttempts: 1 });
  const error = await client.call("profile").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConnectorUnavailableError);
  expect((error as ConnectorError).kind).toBe("unreachable");
});

describe("classifying Bitrix24's error answers", () => {
  it("an empty error code with 'Access denied.' is a permission problem, not a bad request", async () => {
    const answers: Record<string, Response> = {};
    const fakeFetch: typeof fetch = async (input) => {
      const method = String(input).split("/").pop()!;
      return answers[method] ?? Response.json({ error: "", error_description: "Access denied." }, { status: 400 });
    };
    const client = createBitrix24Client({ webhookUrl: "https://portal.bitrix24.ru/rest/1/abc/" }, { ...fast, fetch: fakeFetch });
    const error = await client.call("crm.deal.list").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorForbiddenError);
    expect((error as ConnectorError).kind).toBe("forbidden");
    expect(client.stats.requests).toBe(1);
  });

  it("an HTML gateway page with 502 is retried; with 200 it is a truncated answer, also retried", async () => {
    let calls = 0;
    const fakeFetch: typeof fetch = async () => {
      calls++;
      if (calls === 1) return new Response("<html>502 Bad Gateway</html>", { status: 502, headers: { "content-type": "text/html" } });
      if (calls === 2) return new Response('{"result":[{"ID":"1"', { status: 200 });
      return Response.json({ result: { ID: "7" }, time: { start: 1, finish: 1, duration: 0, processing: 0, date_start: "", date_finish: "" } });
    };
    const client = createBitrix24Client({ webhookUrl: "https://portal.bitrix24.ru/rest/1/abc/" }, { ...fast, fetch: fakeFetch });
    await expect(client.call("crm.deal.get", { id: 7 })).resolves.toEqual({ ID: "7" });
    expect(client.stats).toMatchObject({ requests: 3, retries: 2 });
  });
});

it("reads call talk time from voximplant.statistic.get (FILTER / SORT / ORDER) for every call activity", async () => {
  const portal = await start({ deals: 300, limits: false });
  const client = createBitrix24Client({ webhookUrl: portal.webhookUrl }, fast);
  const records = await collect(client.listAll<{ CRM_ACTIVITY_ID: string; CALL_DURATION: string }>("voximplant.statistic.get", {}));
  const calls = portal.state.mutations.rows("activity").filter((a) => a.TYPE_ID === "2");
  expect(calls.length).toBeGreaterThan(0);
  expect(records.map((r) => r.CRM_ACTIVITY_ID)).toEqual(calls.map((a) => a.ID));
  // Talk time = END_TIME − START_TIME of the mock's call, in seconds.
  const first = calls[0];
  expect(Number(records[0].CALL_DURATION)).toBe((Date.parse(String(first.END_TIME)) - Date.parse(String(first.START_TIME))) / 1000);
});

it("stops with a protocol error instead of looping when a method ignores the >ID filter", async () => {
  const page = Array.from({ length: 50 }, (_, i) => ({ ID: String(i + 1) }));
  const ignoring: typeof fetch = async () =>
    Response.json({ result: { result: Object.fromEntries(Array.from({ length: 50 }, (_, k) => [`page_${k}`, page])), result_error: [], result_total: [], result_next: [], result_time: [] } });
  const client = createBitrix24Client({ webhookUrl: "https://portal.bitrix24.ru/rest/1/abc/" }, { ...fast, fetch: ignoring });
  const seen: number[] = [];
  const error = await (async () => {
    for await (const rows of client.listAll<{ ID: string }>("crm.deal.list")) seen.push(rows.length);
  })().catch((e: unknown) => e);
  expect(seen).toEqual([50]); // the first request's 50 distinct rows; every later page repeats them
  expect(error).toBeInstanceOf(ConnectorError);
  expect((error as ConnectorError).kind).toBe("protocol");
  expect(client.stats.requests).toBe(2);
});
