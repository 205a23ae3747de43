// Bitrix24 REST client: inbound webhook or OAuth app, one rate limiter per portal shared in the
// process, retries with backoff, the per-method operating-time budget, and keyset paging through
// `batch` (docs/bitrix24-wire.md). Every method is a POST with a JSON body.
import { ConnectorAuthError, ConnectorError, ConnectorProtocolError, ConnectorRateLimitError, ConnectorRequestError, hostOf } from "../errors";
import { realSleep, type BackoffOptions } from "../http/backoff";
import { fetchJson } from "../http/fetch-json";
import { sharedLimiter, type RateLimiter } from "../http/rate-limiter";
import { withRetries } from "../http/retry";
import { TokenBucket } from "../http/token-bucket";
import { classifyBitrix24Error, classifyBitrix24Unreadable } from "./classify";
import { listAllByBatch, listByOffset, type ListAllOptions, type ListParams } from "./list";
import { refreshBitrix24Tokens, type Bitrix24RefreshOptions } from "./oauth";
import { testBitrix24Connection, type Bitrix24ConnectionResult } from "./test-connection";
import { BITRIX24_PLAN_LIMITS, type B24BatchResult, type B24Entity, type B24Envelope, type B24ErrorBody, type B24Time, type Bitrix24Limits } from "./types";

export type { Bitrix24RefreshOptions } from "./oauth";
export type { Bitrix24ConnectionResult } from "./test-connection";
export type { ListAllOptions, ListParams } from "./list";

export type Bitrix24Options =
  | { webhookUrl: string; limits?: Bitrix24Limits }
  | { portalUrl: string; accessToken: string; refresh?: Bitrix24RefreshOptions; limits?: Bitrix24Limits };

export type Bitrix24Deps = {
  fetch?: typeof fetch;
  /** Defaults to the process-wide limiter of the portal's host. */
  limiter?: RateLimiter;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Per request; Bitrix24 itself cuts requests at 60 s. */
  timeoutMs?: number;
  maxAttempts?: number;
  backoff?: BackoffOptions;
};

export type ConnectorStats = { requests: number; retries: number; refreshes: number; rateLimited: number };

/** Bitrix24 refuses above the burst; we keep two requests and a little drain rate in reserve. */
const SAFETY = { burstReserve: 2, rateShare: 0.97 };
const MAX_OPERATING_WAIT_MS = 11 * 60_000;

export type Bitrix24Client = ReturnType<typeof createBitrix24Client>;

export function createBitrix24Client(options: Bitrix24Options, deps: Bitrix24Deps = {}) {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? realSleep;
  const timeoutMs = deps.timeoutMs ?? 65_000;
  const maxAttempts = deps.maxAttempts ?? 8;
  const stats: ConnectorStats = { requests: 0, retries: 0, refreshes: 0, rateLimited: 0 };

  const isWebhook = "webhookUrl" in options;
  const baseUrl = isWebhook ? webhookBase(options.webhookUrl) : `${new URL(options.portalUrl).origin}/rest/`;
  const host = hostOf(baseUrl);
  let accessToken = isWebhook ? undefined : options.accessToken;
  let refresh = isWebhook ? undefined : options.refresh;

  const limits = options.limits ?? BITRIX24_PLAN_LIMITS.standard;
  const limiter =
    deps.limiter ??
    sharedLimiter(`bitrix24:${host}`, () =>
      new TokenBucket({ capacity: Math.max(1, limits.burst - SAFETY.burstReserve), refillPerSecond: limits.perSecond * SAFETY.rateShare }),
    );

  // Per method: when its operating-time window next loses a bucket, and until when it is blocked.
  const operatingResetAt = new Map<string, number>();
  const blockedUntil = new Map<string, number>();

  async function send(method: string, params: object): Promise<B24Envelope<unknown>> {
    const wait = (blockedUntil.get(method) ?? 0) - now();
    if (wait > 0) await sleep(wait);
    await limiter.acquire();
    stats.requests++;
    const body = accessToken ? { ...params, auth: accessToken } : params;
    const response = await fetchJson(
      `${baseUrl}${method}`,
      {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json", "User-Agent": "voronka/1.0" },
        body: JSON.stringify(body),
      },
      // A renamed portal answers 302 (docs/bitrix24-wire.md, "Addresses and authentication"): fetchJson reports it with the new host and
      // follows nothing, so the webhook code never travels to an address nobody checked.
      { fetch: deps.fetch, timeoutMs, host, crmName: "Bitrix24 portal" },
    );
    const json = response.json as Partial<B24Envelope<unknown> & B24ErrorBody> | undefined;
    if (response.isBroken || response.isEmpty || !json || typeof json !== "object") {
      throw noteRateLimit(classifyBitrix24Unreadable(host, response.status, method));
    }
    // The `sale` methods answer a number for `error` (200540400001 "order does not exist", 0 "other errors").
    const rawCode: unknown = json.error;
    const code = typeof rawCode === "number" ? String(rawCode) : rawCode;
    if (typeof code === "string") {
      const error = classifyBitrix24Error(host, response.status, code, json.error_description ?? "", method);
      if (code === "OPERATION_TIME_LIMIT") throw operatingBlock(method, json.time, error);
      throw noteRateLimit(error);
    }
    if (!("result" in json)) throw new ConnectorProtocolError(`Bitrix24 portal ${host} answered ${method} without a result`, { status: response.status });
    rememberOperating(method, json.time);
    return json as B24Envelope<unknown>;
  }

  function noteRateLimit(error: ConnectorError): ConnectorError {
    if (error instanceof ConnectorRateLimitError) {
      stats.rateLimited++;
      limiter.penalize(2000 / limits.perSecond); // the portal's bucket is fuller than ours thinks: wait two drains
    }
    return error;
  }

  function rememberOperating(method: string, time: B24Time | undefined) {
    const resetAt = parseResetAt(time?.operating_reset_at);
    if (resetAt) operatingResetAt.set(method, resetAt);
  }

  /** The method's budget is used up: wait until its oldest minute leaves the window (docs/bitrix24-wire.md, "Limits"). */
  function operatingBlock(method: string, time: B24Time | undefined, error: ConnectorError): ConnectorError {
    stats.rateLimited++;
    const resetAt = parseResetAt(time?.operating_reset_at) ?? operatingResetAt.get(method) ?? now() + 60_000;
    const waitMs = Math.min(MAX_OPERATING_WAIT_MS, Math.max(1000, resetAt - now()));
    blockedUntil.set(method, now() + waitMs);
    return new ConnectorRateLimitError(error.message, { ...error.details, waitMs });
  }

  async function request(method: string, params: object = {}, attempts = maxAttempts): Promise<B24Envelope<unknown>> {
    const tokenUsed = accessToken;
    const attempt = () =>
      withRetries(() => send(method, params), {
        maxAttempts: attempts,
        backoff: deps.backoff,
        sleep,
        onRetry: () => void stats.retries++,
      });
    try {
      return await attempt();
    } catch (error) {
      // An OAuth token lives one hour: renew it once, then repeat the call (docs/bitrix24-wire.md, "Addresses and authentication").
      const code = error instanceof ConnectorAuthError ? error.details.code : undefined;
      if (!refresh || (code !== "expired_token" && code !== "invalid_token")) throw error;
      if (accessToken !== tokenUsed) return attempt(); // another call renewed it meanwhile
      const tokens = await refreshBitrix24Tokens(refresh, host, { fetch: deps.fetch, timeoutMs });
      stats.refreshes++;
      accessToken = tokens.accessToken;
      refresh = { ...refresh, refreshToken: tokens.refreshToken };
      return attempt();
    }
  }

  const client = {
    host,
    stats,
    /** One method; resolves to its `result`. */
    async call<T>(method: string, params: object = {}, opts: { maxAttempts?: number } = {}): Promise<T> {
      return (await request(method, params, opts.maxAttempts)).result as T;
    },
    /** One method with the whole envelope (`total`, `next`, `time`). */
    callEnvelope<T>(method: string, params: object = {}): Promise<B24Envelope<T>> {
      return request(method, params) as Promise<B24Envelope<T>>;
    },
    /** Up to 50 commands ("method?query") in one request; empty PHP arrays become objects. */
    async batch(commands: Record<string, string>, options: { halt?: boolean } = {}): Promise<B24BatchResult & { time?: B24Time }> {
      const count = Object.keys(commands).length;
      if (count === 0 || count > 50) throw new ConnectorRequestError(`A Bitrix24 batch takes 1 to 50 commands, not ${count}`);
      const envelope = await request("batch", { halt: options.halt ? 1 : 0, cmd: commands });
      const inner = (envelope.result ?? {}) as Partial<Record<keyof B24BatchResult, unknown>>;
      const batch = {
        result: asRecord(inner.result) as Record<string, unknown>,
        result_error: asRecord(inner.result_error) as Record<string, B24ErrorBody>,
        result_total: asRecord(inner.result_total) as Record<string, number>,
        result_next: asRecord(inner.result_next) as Record<string, number>,
        result_time: asRecord(inner.result_time) as Record<string, B24Time>,
        time: envelope.time,
      };
      // Every sub-call counts against its own method's budget (docs/bitrix24-wire.md, "batch"): remember when each resets.
      const methodOf = (key: string) => String(commands[key] ?? "").split("?")[0];
      for (const [key, time] of Object.entries(batch.result_time)) rememberOperating(methodOf(key), time);
      for (const [key, error] of Object.entries(batch.result_error)) {
        if (error.error === "OPERATION_TIME_LIMIT" && !operatingResetAt.has(methodOf(key))) rememberOperating(methodOf(key), envelope.time);
      }
      return batch;
    },
    /** Every row matching `filter`, in ID order, up to 2,500 rows per request (batch of 50 keyset pages). */
    listAll<T>(method: string, params: ListParams = {}, opts: ListAllOptions = {}): AsyncGenerator<T[]> {
      return listAllByBatch<T>(client, method, params, opts, { sleep, now, maxAttempts, operatingWait: (m) => operatingWaitMs(m) });
    },
    /** Small directories (user.get, department.get, crm.status.list, crm.category.list): offset pages via `next`. */
    listByOffset<T>(method: string, params: object = {}, opts: { itemsKey?: string } = {}): AsyncGenerator<T[]> {
      return listByOffset<T>(client, method, params, opts);
    },
    /** crm.<entity>.get; null when the entity does not exist (deleted). */
    async getById<T = Record<string, unknown>>(entity: B24Entity, id: string | number): Promise<T | null> {
      try {
        return await client.call<T>(`crm.${entity}.get`, { id: String(id) });
      } catch (error) {
        if (error instanceof ConnectorRequestError && error.details.code === "NOT_FOUND") return null;
        throw error;
      }
    },
    testConnection(): Promise<Bitrix24ConnectionResult> {
      return testBitrix24Connection(client);
    },
  };

  function operatingWaitMs(method: string): number {
    const blocked = (blockedUntil.get(method) ?? 0) - now();
    if (blocked > 0) return blocked;
    const resetAt = operatingResetAt.get(method) ?? now() + 60_000;
    const waitMs = Math.min(MAX_OPERATING_WAIT_MS, Math.max(1000, resetAt - now()));
    blockedUntil.set(method, now() + waitMs);
    return waitMs;
  }

  return client;
}

/** "https://x.bitrix24.ru/rest/1/abc/" (with or without the trailing slash or a method). */
function webhookBase(webhookUrl: string): string {
  let url: URL;
  try {
    url = new URL(webhookUrl);
  } catch {
    throw new ConnectorRequestError("The Bitrix24 webhook URL is not a URL; it looks like https://portal.bitrix24.ru/rest/1/<code>/");
  }
  const match = url.pathname.match(/^(\/rest\/\d+\/[^/]+)(\/.*)?$/);
  if (!match) throw new ConnectorRequestError(`The Bitrix24 webhook URL for ${url.host} must look like https://${url.host}/rest/<user id>/<code>/`);
  return `${url.origin}${match[1]}/`;
}

function parseResetAt(value: number | string | undefined): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value * 1000;
  if (typeof value === "string") {
    const parsed = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** PHP serialises an empty map as [] and a numerically keyed one as an array. */
function asRecord(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== "object") return {};
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, index) => [String(index), item]));
  return value as Record<string, unknown>;
}
