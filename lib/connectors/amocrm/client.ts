// amoCRM API v4 client: a long-lived token or OAuth 2.0 with refresh, a 7 requests/s limiter
// per account shared in the process, retries with backoff, HAL paging that ends on 204
// (docs/amocrm-wire.md, "Hosts and authentication", "Lists", "Limits").
import { ConnectorAuthError, ConnectorProtocolError, ConnectorRateLimitError, ConnectorRequestError, hostOf } from "../errors";
import { realSleep, type BackoffOptions } from "../http/backoff";
import { fetchJson } from "../http/fetch-json";
import { toBracketQuery, type QueryValue } from "../http/query-string";
import { sharedLimiter, type RateLimiter } from "../http/rate-limiter";
import { withRetries } from "../http/retry";
import { SlidingWindowLimiter } from "../http/sliding-window";
import { classifyAmoError } from "./classify";
import { refreshAmoTokens } from "./oauth";
import { testAmoConnection, type AmoConnectionResult } from "./test-connection";
import type { AmoOAuth, AmoPage, AmoTokens } from "./types";

export type { AmoConnectionResult } from "./test-connection";

export type AmoOptions = ({ baseUrl: string; accessToken: string } | { baseUrl: string; oauth: AmoOAuth; onTokens: (tokens: AmoTokens) => Promise<void> }) & {
  /** Requests per second per integration and account; 7 unless a paid package raised it. */
  perSecond?: number;
};

export type AmoDeps = {
  fetch?: typeof fetch;
  limiter?: RateLimiter;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
  maxAttempts?: number;
  backoff?: BackoffOptions;
};

export type AmoStats = { requests: number; retries: number; refreshes: number; rateLimited: number };

/** Renew a little before expiry so a request never leaves with a token that dies on the way. */
const EXPIRY_MARGIN_MS = 60_000;
/** Network jitter between our clock and amoCRM's 1-second window: 7 per 1.075 s never trips 7 per 1 s. */
const WINDOW_MARGIN_MS = 75;

export type AmoClient = ReturnType<typeof createAmoClient>;
type Write = { method: "PATCH" | "POST"; body: unknown };

export function createAmoClient(options: AmoOptions, deps: AmoDeps = {}) {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? realSleep;
  const timeoutMs = deps.timeoutMs ?? 30_000;
  const maxAttempts = deps.maxAttempts ?? 8;
  const stats: AmoStats = { requests: 0, retries: 0, refreshes: 0, rateLimited: 0 };
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const host = hostOf(baseUrl);
  let oauth = "oauth" in options ? { ...options.oauth } : undefined;
  const onTokens = "oauth" in options ? options.onTokens : undefined;
  let accessToken = "oauth" in options ? options.oauth.accessToken : options.accessToken;
  const perSecond = options.perSecond ?? 7;
  const limiter =
    deps.limiter ??
    sharedLimiter(`amocrm:${host}`, () => new SlidingWindowLimiter({ limit: perSecond, windowMs: 1000 + WINDOW_MARGIN_MS, minSpacingMs: (1000 + WINDOW_MARGIN_MS) / perSecond }));

  async function renew(): Promise<void> {
    if (!oauth || !onTokens) return;
    const tokens = await refreshAmoTokens(baseUrl, oauth, onTokens, { fetch: deps.fetch, timeoutMs, now });
    stats.refreshes++;
    oauth = { ...oauth, ...tokens };
    accessToken = tokens.accessToken;
  }

  async function send(path: string, query: Record<string, QueryValue> | undefined, write?: Write): Promise<unknown> {
    const qs = query ? toBracketQuery(query) : "";
    await limiter.acquire();
    stats.requests++;
    const headers: Record<string, string> = { Authorization: `Bearer ${accessToken}`, Accept: "application/hal+json, application/json", "User-Agent": "voronka/1.0" };
    // Writes are PATCHes (values) or POSTs (a new field) with a JSON body (docs/amocrm-wire.md, "Writing values"); they share the account's limiter with every read.
    const init: RequestInit = write ? { method: write.method, headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(write.body) } : { method: "GET", headers };
    const response = await fetchJson(
      `${baseUrl}${path}${qs ? `?${qs}` : ""}`,
      init,
      { fetch: deps.fetch, timeoutMs, host, crmName: "amoCRM account" },
    );
    if (response.status === 204) return null;
    if (response.status >= 200 && response.status < 300 && !response.isBroken && !response.isEmpty) return response.json;
    const error = classifyAmoError(host, response.status, response.json, path);
    if (error instanceof ConnectorRateLimitError) {
      stats.rateLimited++;
      limiter.penalize(1000); // no Retry-After exists (docs/amocrm-wire.md, "Limits"): hold the whole account back a second
    }
    throw error;
  }

  async function request(path: string, query: Record<string, QueryValue> | undefined, attempts = maxAttempts, write?: Write): Promise<unknown> {
    if (oauth && oauth.expiresAt - EXPIRY_MARGIN_MS <= now()) await renew();
    const tokenUsed = accessToken;
    const attempt = () =>
      withRetries(() => send(path, query, write), { maxAttempts: attempts, backoff: deps.backoff, sleep, onRetry: () => void stats.retries++ });
    try {
      return await attempt();
    } catch (error) {
      // A token that expired early or was revoked: renew once (unless another call already did), then stop on a second 401.
      if (!(error instanceof ConnectorAuthError) || !oauth) throw error;
      if (accessToken === tokenUsed) await renew();
      return attempt();
    }
  }

  const client = {
    host,
    stats,
    /** GET a path such as "/api/v4/account"; null on 204 (nothing there). */
    async get<T>(path: string, query?: Record<string, QueryValue>, opts: { maxAttempts?: number } = {}): Promise<T | null> {
      return (await request(path, query, opts.maxAttempts)) as T | null;
    },
    /** PATCH a JSON body (an array of objects to update), through the same limiter and retries as reads. */
    async patch<T>(path: string, body: unknown, opts: { maxAttempts?: number } = {}): Promise<T | null> {
      return (await request(path, undefined, opts.maxAttempts, { method: "PATCH", body })) as T | null;
    },
    /** POST a JSON body (new custom fields), through the same limiter; pass maxAttempts 1 where a repeat would create twice. */
    async post<T>(path: string, body: unknown, opts: { maxAttempts?: number } = {}): Promise<T | null> {
      return (await request(path, undefined, opts.maxAttempts, { method: "POST", body })) as T | null;
    },
    /**
     * Every page of a HAL list: `limit` (default 250; events take 100) and `page` = 1, 2, …, the
     * rows of `_embedded[key]` per page. Ends on 204 or when `_links.next` is missing; not on a short
     * page, because an endpoint may clamp `limit` below what we asked.
     */
    async *pages<T>(path: string, query: Record<string, QueryValue> = {}, key: string): AsyncGenerator<T[]> {
      const limit = query.limit ?? 250;
      let previous = "";
      for (let page = Number(query.page ?? 1); ; page++) {
        const body = (await request(path, { ...query, limit, page })) as AmoPage<string, T> | null;
        if (body === null) return;
        const rows = body._embedded?.[key] ?? [];
        // The same rows again means the endpoint ignores `page`: stop rather than loop forever.
        // (Unsorted items are keyed by `uid`, not `id`.)
        const rowKey = (row: T) => (row as { id?: unknown }).id ?? (row as { uid?: unknown }).uid;
        const signature = rows.length ? JSON.stringify([rowKey(rows[0]), rowKey(rows[rows.length - 1]), rows.length]) : "";
        if (signature && signature === previous) throw new ConnectorProtocolError(`amoCRM account ${host}: ${path} returned the same page twice; it ignores paging`, { retryable: false });
        previous = signature;
        if (rows.length > 0) yield rows;
        if (!body._links?.next || rows.length === 0) return;
      }
    },
    testConnection(): Promise<AmoConnectionResult> {
      return testAmoConnection(client);
    },
  };
  return client;
}

/** "https://example.amocrm.ru/" → "https://example.amocrm.ru"; only the origin is kept. */
function normaliseBaseUrl(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    throw new ConnectorRequestError("The amoCRM address is not a URL; it looks like https://<subdomain>.amocrm.ru");
  }
}
