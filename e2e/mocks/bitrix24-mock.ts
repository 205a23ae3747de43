// A mock Bitrix24 portal for tests, the sync benchmark and Playwright, written from
// docs/bitrix24-wire.md: inbound-webhook and OAuth URLs, the real envelopes, `batch`
// with `$result[...]` references, the leaky-bucket rate limit (503 QUERY_LIMIT_EXCEEDED), the
// per-method operating-time budget (429 OPERATION_TIME_LIMIT), and switchable faults.
//
//   const mock = await startBitrix24Mock({ deals: 1000, seed: 7 });
//   createBitrix24Client({ webhookUrl: mock.webhookUrl });  …  await mock.close();
import type http from "node:http";
import { parseBracketQuery } from "./bracket-query";
import { B24_T0, b24Date, createBitrix24Tables, type Bitrix24DatasetOptions } from "./bitrix24-data";
import { methodScope, runMethod, type MethodOutcome } from "./bitrix24-methods";
import { createBitrix24Mutations } from "./bitrix24-mutations";
import { createBitrix24Writes } from "./bitrix24-writes";
import { createBitrix24Sale } from "./bitrix24-sale";
import { LeakyBucket } from "@/lib/connectors/http/leaky-bucket";
import { faultPicker, newStats, readBody, sendHtml, sendJson, startServer, type MockFaults } from "./mock-http";

export type Bitrix24MockOptions = Bitrix24DatasetOptions & {
  port?: number;
  webhook?: { userId?: number; code?: string };
  oauth?: { clientId?: string; clientSecret?: string; accessToken?: string; refreshToken?: string };
  /** The portal's leaky bucket; false turns it off. Default: 50 burst, 2 per second. */
  limits?: { burst: number; perSecond: number } | false;
  /** Operating-time budget per method: seconds charged per row served, the limit and its window. */
  operating?: { secondsPerRow?: number; limitSeconds?: number; windowMs?: number };
  scopes?: string[];
  /** Whether the webhook's user is a CRM administrator (only they may add user fields). Default true. */
  isCrmAdmin?: boolean;
  faults?: MockFaults & { wrongCredentials?: boolean };
  faultSeed?: number;
  now?: () => number;
};

export type Bitrix24Mock = Awaited<ReturnType<typeof startBitrix24Mock>>;

export async function startBitrix24Mock(options: Bitrix24MockOptions = {}) {
  const now = options.now ?? Date.now;
  // Tokens differ per mock instance, so a token from one test never works against another.
  const nonce = Math.random().toString(36).slice(2, 8);
  const tables = createBitrix24Tables(options);
  const limits = options.limits === undefined ? { burst: 50, perSecond: 2 } : options.limits;
  const operating = { secondsPerRow: 0.0001, limitSeconds: 480, windowMs: 600_000, ...options.operating };
  const webhook = { userId: options.webhook?.userId ?? 1, code: options.webhook?.code ?? "mockwebhookcode42" };
  const state = {
    tables,
    stats: newStats(),
    faults: { ...options.faults } as MockFaults & { wrongCredentials?: boolean },
    scopes: options.scopes ?? ["crm", "user", "department", "telephony"],
    isCrmAdmin: options.isCrmAdmin ?? true,
    webhook,
    oauth: {
      clientId: options.oauth?.clientId ?? "local.mock.app",
      clientSecret: options.oauth?.clientSecret ?? "mock-client-secret",
      accessToken: options.oauth?.accessToken ?? `mock-access-${nonce}-1`,
      refreshToken: options.oauth?.refreshToken ?? `mock-refresh-${nonce}-1`,
      expiredTokens: new Set<string>(),
      generation: 1,
    },
    limits,
    operating,
    ...createBitrix24Mutations(tables, B24_T0 + 366 * 86_400_000),
  };
  const writes = createBitrix24Writes(state.mutations, () => state.isCrmAdmin);
  const sale = createBitrix24Sale(now);
  const pickFault = faultPicker(options.faultSeed ?? 99);
  const bucket = limits ? new LeakyBucket({ capacity: limits.burst, drainPerSecond: limits.perSecond, now }) : undefined;
  const operatingLog = new Map<string, { key: number; seconds: number }[]>();

  /** The portal's leaky bucket (docs/bitrix24-wire.md, "Limits"): +1 per request, drains Y per second, refuses above X. */
  const admit = () => bucket?.tryAdd() ?? true;

  /** Ten buckets per window, as the portal keeps them ("Limits"): seconds used and when the oldest leaves. */
  function operatingOf(method: string) {
    const bucketMs = operating.windowMs / 10;
    const current = Math.floor(now() / bucketMs);
    const buckets = (operatingLog.get(method) ?? []).filter((bucket) => bucket.key > current - 10);
    operatingLog.set(method, buckets);
    const used = buckets.reduce((sum, bucket) => sum + bucket.seconds, 0);
    const resetAt = buckets.length ? (buckets[0].key + 10) * bucketMs : now();
    return { used, resetAt };
  }

  function chargeOperating(method: string, seconds: number) {
    const key = Math.floor(now() / (operating.windowMs / 10));
    const buckets = operatingLog.get(method) ?? operatingLog.set(method, []).get(method)!;
    const last = buckets[buckets.length - 1];
    if (last?.key === key) last.seconds += seconds;
    else buckets.push({ key, seconds });
  }

  function timeOf(method: string, started: number) {
    const finish = now();
    const { used, resetAt } = operatingOf(method);
    return {
      start: started / 1000, finish: finish / 1000, duration: (finish - started) / 1000, processing: (finish - started) / 1000,
      date_start: b24Date(started), date_finish: b24Date(finish), operating_reset_at: Math.ceil(resetAt / 1000), operating: used,
    };
  }

  /** One method call with its operating-time check (the call that crosses the limit still runs). */
  function call(method: string, params: Record<string, unknown>): MethodOutcome & { method: string } {
    const scope = methodScope(method);
    if (scope && !state.scopes.includes(scope) && !(scope === "user" && state.scopes.some((s) => s.startsWith("user_")))) {
      return { method, status: 403, error: "insufficient_scope", error_description: "The request requires higher privileges than provided by the webhook token" };
    }
    if (operatingOf(method).used > operating.limitSeconds) {
      return { method, status: 429, error: "OPERATION_TIME_LIMIT", error_description: "Method is blocked due to operation time limit." };
    }
    const outcome = writes.run(method, params) ?? sale.run(method, params) ?? runMethod(method, params, tables, String(webhook.userId), state.scopes, now());
    if ("result" in outcome) {
      const entity = method.replace(/^crm\./, "").replace(/\.(list|get)$/, "");
      state.stats.rowsServed[entity] = (state.stats.rowsServed[entity] ?? 0) + outcome.rows;
      chargeOperating(method, 0.001 + outcome.rows * operating.secondsPerRow);
    }
    return { method, ...outcome };
  }

  function runBatch(params: Record<string, unknown>): MethodOutcome {
    const cmd = params.cmd as Record<string, string> | string[] | undefined;
    const entries = cmd && typeof cmd === "object" ? Object.entries(cmd) : [];
    if (entries.length > 50) return { status: 400, error: "ERROR_BATCH_LENGTH_EXCEEDED", error_description: "Max batch length exceeded" };
    const halt = String(params.halt ?? "0") === "1" || params.halt === true;
    const results: Record<string, unknown> = {};
    const errors: Record<string, unknown> = {};
    const totals: Record<string, number> = {};
    const nexts: Record<string, number> = {};
    const times: Record<string, unknown> = {};
    const updates = entries.filter(([, command]) => /^crm\.\w+\.update\?/.test(String(command))).length;
    if (updates > 0) writes.batches.push(updates);
    for (const [key, command] of entries) {
      const started = now();
      const [method, query = ""] = String(command).split("?", 2);
      state.stats.byMethod[method] = (state.stats.byMethod[method] ?? 0) + 1;
      const resolved = resolveReferences(parseBracketQuery(query), results);
      const outcome: MethodOutcome =
        method === "batch"
          ? { status: 405, error: "ERROR_BATCH_METHOD_NOT_ALLOWED", error_description: "Method is not allowed for batch usage" }
          : "missing" in resolved
            ? { status: 400, error: "", error_description: `Could not find value for parameter ${resolved.missing}` }
            : call(method, resolved.params);
      if ("error" in outcome) {
        errors[key] = { error: outcome.error, error_description: outcome.error_description };
        if (halt) break;
        continue;
      }
      results[key] = outcome.result;
      if (outcome.total !== undefined) totals[key] = outcome.total;
      if (outcome.next !== undefined) nexts[key] = outcome.next;
      times[key] = timeOf(method, started);
    }
    const phpMap = (record: Record<string, unknown>) => (Object.keys(record).length ? record : []);
    return {
      result: { result: phpMap(results), result_error: phpMap(errors), result_total: phpMap(totals), result_next: phpMap(nexts), result_time: phpMap(times) },
      rows: 0,
    };
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://mock");
    if (url.pathname === "/oauth/token/") return refreshToken(url, res);
    const route = url.pathname.match(/^\/rest\/(?:(\d+)\/([^/]+)\/)?([A-Za-z0-9_.]+?)(?:\.json)?\/?$/);
    if (!route) return sendHtml(res, 404, "Not Found");
    const started = now();
    const stats = state.stats;
    stats.requests++;
    stats.firstRequestAt ??= started;
    const method = route[3];
    if (!admit()) {
      stats.refused++;
      stats.refusedAt.push(started - stats.firstRequestAt);
      return sendJson(res, 503, { error: "QUERY_LIMIT_EXCEEDED", error_description: "Too many requests" });
    }
    const fault = pickFault(state.faults, stats);
    if (fault === "storm") return sendJson(res, 503, { error: "QUERY_LIMIT_EXCEEDED", error_description: "Too many requests" });
    if (fault === "server_error") return sendHtml(res, 500, "Internal Server Error");
    if (fault === "hang") return; // never answered; close() drops the socket
    if (state.faults.banned) return sendHtml(res, 403, "Forbidden");
    if (state.faults.paymentRequired) return sendJson(res, 402, { error: "PAYMENT_REQUIRED", error_description: "Payment required" });

    const raw = await readBody(req);
    const isJson = (req.headers["content-type"] ?? "").includes("json");
    let params: Record<string, unknown>;
    try {
      params = { ...parseBracketQuery(url.search.slice(1)), ...(raw ? (isJson ? JSON.parse(raw) : parseBracketQuery(raw)) : {}) };
    } catch {
      return sendJson(res, 400, { error: "INVALID_REQUEST", error_description: "Invalid JSON" });
    }
    const authError = checkAuth(route[1], route[2], params);
    if (authError) return sendJson(res, 401, authError);
    delete params.auth;

    stats.byMethod[method] = (stats.byMethod[method] ?? 0) + 1;
    const outcome = method === "batch" ? runBatch(params) : call(method, params);
    if ("error" in outcome) return sendJson(res, outcome.status, { error: outcome.error, error_description: outcome.error_description });
    const body: Record<string, unknown> = { result: outcome.result };
    if (outcome.next !== undefined) body.next = outcome.next;
    if (outcome.total !== undefined) body.total = outcome.total;
    body.time = timeOf(method, started);
    sendJson(res, 200, body, { truncate: fault === "truncate" });
  }

  function checkAuth(userId: string | undefined, code: string | undefined, params: Record<string, unknown>) {
    const wrong = { error: "NO_AUTH_FOUND", error_description: "Wrong authorization data" };
    if (state.faults.wrongCredentials) return wrong;
    if (userId !== undefined) return userId === String(webhook.userId) && code === webhook.code ? null : wrong;
    const token = String(params.auth ?? "");
    if (state.faults.expireTokenAfter !== undefined && --state.faults.expireTokenAfter < 0) {
      state.faults.expireTokenAfter = undefined;
      state.oauth.expiredTokens.add(state.oauth.accessToken);
      state.stats.injected.expired++;
    }
    if (state.oauth.expiredTokens.has(token)) return { error: "expired_token", error_description: "The access token provided has expired." };
    return token === state.oauth.accessToken ? null : { error: "invalid_token", error_description: "The access token provided is invalid." };
  }

  function refreshToken(url: URL, res: http.ServerResponse) {
    const q = url.searchParams;
    const oauth = state.oauth;
    if (q.get("grant_type") !== "refresh_token" || q.get("client_id") !== oauth.clientId || q.get("client_secret") !== oauth.clientSecret) {
      return sendJson(res, 400, { error: "invalid_client", error_description: "Invalid client" });
    }
    if (q.get("refresh_token") !== oauth.refreshToken) return sendJson(res, 400, { error: "invalid_grant", error_description: "Invalid refresh token" });
    state.stats.refreshes++;
    oauth.expiredTokens.add(oauth.accessToken);
    oauth.generation++;
    oauth.accessToken = `mock-access-${nonce}-${oauth.generation}`;
    oauth.refreshToken = `mock-refresh-${nonce}-${oauth.generation}`;
    sendJson(res, 200, {
      access_token: oauth.accessToken, refresh_token: oauth.refreshToken, expires_in: 3600, expires: Math.floor(now() / 1000) + 3600,
      client_endpoint: `${server.url}/rest/`, server_endpoint: `${server.url}/rest/`, domain: "oauth.bitrix.info", member_id: "mockmemberid0000000000000000000001",
      scope: state.scopes.join(","), status: "L", user_id: webhook.userId,
    });
  }

  const server = await startServer(handle, options.port);
  return {
    url: server.url,
    /** The inbound webhook URL: `${url}/rest/1/<code>/`. */
    webhookUrl: `${server.url}/rest/${webhook.userId}/${webhook.code}/`,
    /** The OAuth server for the client's `oauthServer` option. */
    oauthServer: `${server.url}/`,
    state,
    /** Per batch request that carried updates: how many update commands it had. */
    writeBatches: writes.batches,
    /** The online store (scope `sale`): its orders and statuses, and the status changes made. */
    store: sale.state,
    /** The portal's user fields, with any added through crm.{deal,contact,lead}.userfield.add. */
    userFields: writes.userFields,
    close: server.close,
  };
}

/** Replaces "$result[key][49][ID]" values with what earlier commands returned (docs/bitrix24-wire.md, "batch"). */
function resolveReferences(params: Record<string, unknown>, results: Record<string, unknown>): { params: Record<string, unknown> } | { missing: string } {
  let missing: string | undefined;
  const walk = (value: unknown): unknown => {
    if (typeof value === "string" && value.startsWith("$result[")) {
      const path = [...value.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
      let node: unknown = results;
      for (const step of path) node = node && typeof node === "object" ? (node as Record<string, unknown>)[step] : undefined;
      if (node === undefined || node === null || typeof node === "object") missing ??= value;
      return node;
    }
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  const resolved = walk(params) as Record<string, unknown>;
  return missing ? { missing } : { params: resolved };
}
