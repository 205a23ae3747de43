// A mock amoCRM account for tests, the sync benchmark and Playwright, written from
// docs/amocrm-wire.md: Bearer tokens (long-lived or OAuth with single-use refresh
// tokens), HAL lists that end on 204, 7 requests per second per account (429 beyond, as an
// nginx HTML page), and switchable faults.
//
//   const mock = await startAmoMock({ leads: 1000 });
//   createAmoClient({ baseUrl: mock.url, accessToken: mock.state.auth.longLivedToken });
import type http from "node:http";
import { parseBracketQuery, type Nested } from "./bracket-query";
import { AMO_ACCOUNT_ID, AMO_GROUPS, AMO_ID_OFFSET, AMO_PIPELINES, AMO_USERS, createAmoTables, type AmoDatasetOptions } from "./amocrm-data";
import { listPage, type ListSpec } from "./amocrm-lists";
import { createAmoMutations } from "./amocrm-mutations";
import { createAmoUnsorted } from "./amocrm-unsorted";
import { createAmoWrites } from "./amocrm-writes";
import { faultPicker, newStats, readBody, sendHtml, sendJson, startServer, type MockFaults } from "./mock-http";

export type AmoMockOptions = AmoDatasetOptions & {
  port?: number;
  /** Requests per second per account; false turns the limiter off. */
  perSecond?: number | false;
  /** After this many refusals the account's API is blocked (403), as amoCRM does on repeated excess. */
  blockAfterRefusals?: number;
  longLivedToken?: string;
  oauth?: { clientId?: string; clientSecret?: string; redirectUri?: string; accessToken?: string; refreshToken?: string };
  faults?: MockFaults & { wrongCredentials?: boolean };
  faultSeed?: number;
  now?: () => number;
};

export type AmoMock = Awaited<ReturnType<typeof startAmoMock>>;
const PROBLEM = "application/problem+json";

export async function startAmoMock(options: AmoMockOptions = {}) {
  const now = options.now ?? Date.now;
  // Tokens differ per mock instance, so a token from one test never works against another.
  const nonce = Math.random().toString(36).slice(2, 8);
  let baseUrl = "";
  const tables = createAmoTables(() => baseUrl, options);
  const perSecond = options.perSecond === undefined ? 7 : options.perSecond;
  const mutable = createAmoMutations(tables);
  const state = {
    tables,
    stats: newStats(),
    faults: { ...options.faults } as MockFaults & { wrongCredentials?: boolean },
    auth: {
      longLivedToken: options.longLivedToken ?? `mock-long-lived-${nonce}`,
      clientId: options.oauth?.clientId ?? "f0e1d2c3-0000-4000-8000-abcdefabcdef",
      clientSecret: options.oauth?.clientSecret ?? "mock-client-secret",
      redirectUri: options.oauth?.redirectUri ?? "https://voronka.example/amo/callback",
      accessToken: options.oauth?.accessToken ?? `mock-oauth-access-${nonce}-1`,
      refreshToken: options.oauth?.refreshToken ?? `mock-oauth-refresh-${nonce}-1`,
      generation: 1,
      expiredTokens: new Set<string>(),
    },
    isBlocked: false,
    /** Whether the token's user may manage custom fields (an account administrator); false → 403 on POST …/custom_fields. */
    canManageFields: true,
    ...mutable,
    unsorted: createAmoUnsorted(mutable.mutations),
    writes: createAmoWrites(tables, mutable.mutations),
  };
  const pickFault = faultPicker(options.faultSeed ?? 77);
  const recent: number[] = []; // arrival times inside the last second

  /** At most `perSecond` requests in any one-second window (docs/amocrm-wire.md, "Limits"). */
  function admit(): boolean {
    if (!perSecond) return true;
    const t = now();
    while (recent.length && recent[0] <= t - 1000) recent.shift();
    if (recent.length >= perSecond) return false;
    recent.push(t);
    return true;
  }

  const lists: Record<string, ListSpec> = {
    "/api/v4/leads": { table: tables.lead, key: "leads", path: "/api/v4/leads", embedContacts: true },
    "/api/v4/contacts": { table: tables.contact, key: "contacts", path: "/api/v4/contacts" },
    "/api/v4/companies": { table: tables.company, key: "companies", path: "/api/v4/companies" },
    "/api/v4/tasks": { table: tables.task, key: "tasks", path: "/api/v4/tasks" },
    "/api/v4/leads/notes": { table: tables.note, key: "notes", path: "/api/v4/leads/notes" },
    "/api/v4/contacts/notes": { table: tables.contactNote, key: "notes", path: "/api/v4/contacts/notes" },
    "/api/v4/companies/notes": { table: tables.companyNote, key: "notes", path: "/api/v4/companies/notes" },
    "/api/v4/events": { table: tables.event, key: "events", path: "/api/v4/events", maxLimit: 100, timeField: "created_at" },
  };
  const single: Record<string, { table: (typeof tables)["lead"]; offset: number }> = {
    leads: { table: tables.lead, offset: AMO_ID_OFFSET.lead },
    contacts: { table: tables.contact, offset: AMO_ID_OFFSET.contact },
    companies: { table: tables.company, offset: AMO_ID_OFFSET.company },
    tasks: { table: tables.task, offset: AMO_ID_OFFSET.task },
  };

  function route(path: string, query: Nested): { status: number; body?: unknown; rows?: number; entity?: string } {
    const list = lists[path];
    if (list) {
      const answer = listPage(list, query, baseUrl);
      return answer.status === 204 ? { status: 204 } : { status: 200, body: answer.body, rows: answer.rows, entity: list.key };
    }
    if (path === "/api/v4/leads/unsorted") {
      const answer = state.unsorted.list(query, baseUrl);
      return answer.status === 204 ? { status: 204 } : { status: 200, body: answer.body, rows: answer.rows, entity: "unsorted" };
    }
    const one = path.match(/^\/api\/v4\/(leads|contacts|companies|tasks)\/(\d+)$/);
    if (one) {
      const target = single[one[1]];
      const row = target.table.get(Number(one[2]) - target.offset);
      return row ? { status: 200, body: row, rows: 1 } : { status: 204 };
    }
    const fields = path.match(/^\/api\/v4\/(leads|contacts|companies)\/custom_fields$/);
    if (fields) {
      const all = tables.fields[fields[1] as "leads" | "contacts" | "companies"];
      const page = Math.max(1, Number(query.page ?? 1));
      const slice = all.slice((page - 1) * 50, page * 50);
      if (slice.length === 0) return { status: 204 };
      return { status: 200, body: { _total_items: all.length, _page: page, _page_count: 1, _links: { self: { href: `${baseUrl}${path}` } }, _embedded: { custom_fields: slice } } };
    }
    switch (path) {
      case "/api/v4/account":
        return {
          status: 200,
          body: {
            id: AMO_ACCOUNT_ID, name: "Voronka Mock", subdomain: "mock", current_user_id: 7902115, country: "KZ", currency: "KZT", currency_symbol: "₸",
            customers_mode: "disabled", is_unsorted_on: true, is_loss_reason_enabled: true, is_helpbot_enabled: false, is_technical_account: false,
            contact_name_display_order: 1, version: 16, _links: { self: { href: `${baseUrl}/api/v4/account` } },
            _embedded: {
              users_groups: AMO_GROUPS,
              task_types: [{ id: 1, name: "Связаться", color: null, icon_id: null, code: "FOLLOW_UP" }, { id: 2, name: "Встреча", color: null, icon_id: null, code: "MEETING" }],
              datetime_settings: { date_pattern: "d.m.Y H:i", short_date_pattern: "d.m.Y", short_time_pattern: "H:i", date_formant: "d.m.Y", time_format: "H:i:s", timezone: "Asia/Almaty", timezone_offset: "+05:00" },
            },
          },
        };
      case "/api/v4/users": {
        const limit = Math.min(250, Number(query.limit ?? 50) || 50);
        const page = Math.max(1, Number(query.page ?? 1));
        const slice = AMO_USERS.slice((page - 1) * limit, page * limit);
        if (slice.length === 0) return { status: 204 };
        return {
          status: 200,
          body: { _total_items: AMO_USERS.length, _page: page, _page_count: Math.ceil(AMO_USERS.length / limit), _links: { self: { href: `${baseUrl}/api/v4/users?page=${page}&limit=${limit}` } }, _embedded: { users: slice } },
        };
      }
      case "/api/v4/leads/pipelines":
        return {
          status: 200,
          body: {
            _total_items: AMO_PIPELINES.length, _links: { self: { href: `${baseUrl}/api/v4/leads/pipelines` } },
            _embedded: {
              pipelines: AMO_PIPELINES.map(({ statuses, ...p }) => ({
                ...p, is_unsorted_on: true, is_archive: false, account_id: AMO_ACCOUNT_ID, _links: { self: { href: `${baseUrl}/api/v4/leads/pipelines/${p.id}` } },
                _embedded: { statuses: statuses.map((s) => ({ ...s, pipeline_id: p.id, account_id: AMO_ACCOUNT_ID, _links: { self: { href: `${baseUrl}/api/v4/leads/pipelines/${p.id}/statuses/${s.id}` } } })) },
              })),
            },
          },
        };
    }
    const user = path.match(/^\/api\/v4\/users\/(\d+)$/);
    if (user) {
      const found = AMO_USERS.find((u) => u.id === Number(user[1]));
      return found ? { status: 200, body: found } : { status: 204 };
    }
    return { status: 404, body: { title: "Not Found", type: "https://httpstatus.es/404", status: 404, detail: "Not Found" } };
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://mock");
    if (url.pathname === "/oauth2/access_token" && req.method === "POST") return refresh(await readBody(req), res);
    const stats = state.stats;
    const started = now();
    stats.requests++;
    stats.firstRequestAt ??= started;
    if (state.isBlocked || state.faults.banned) return sendHtml(res, 403, "Forbidden");
    if (!admit()) {
      stats.refused++;
      stats.refusedAt.push(started - stats.firstRequestAt);
      if (options.blockAfterRefusals !== undefined && stats.refused >= options.blockAfterRefusals) state.isBlocked = true;
      return sendHtml(res, 429, "Too Many Requests");
    }
    const fault = pickFault(state.faults, stats);
    if (fault === "storm") return sendHtml(res, 429, "Too Many Requests");
    if (fault === "server_error") return sendHtml(res, 502, "Bad Gateway");
    if (fault === "hang") return;
    if (!authorised(req.headers.authorization)) {
      return sendJson(res, 401, { title: "Unauthorized", type: "https://httpstatus.es/401", status: 401, detail: "Неверный логин или пароль" }, { contentType: PROBLEM });
    }
    if (state.faults.paymentRequired) return sendJson(res, 402, { title: "Payment Required", type: "https://httpstatus.es/402", status: 402, detail: "Account is not paid" }, { contentType: PROBLEM });
    if (req.method === "PATCH") {
      stats.byMethod[`PATCH ${url.pathname}`] = (stats.byMethod[`PATCH ${url.pathname}`] ?? 0) + 1;
      const written = state.writes.patch(url.pathname, await readBody(req));
      if (written) return sendJson(res, written.status, written.body, { contentType: written.status === 200 ? "application/hal+json" : PROBLEM });
    }
    if (req.method === "POST") {
      stats.byMethod[`POST ${url.pathname}`] = (stats.byMethod[`POST ${url.pathname}`] ?? 0) + 1;
      const created = state.writes.createFields(url.pathname, await readBody(req), state.canManageFields);
      if (created) return sendJson(res, created.status, created.body, { contentType: created.status === 200 ? "application/hal+json" : PROBLEM });
    }
    if (req.method !== "GET") return sendJson(res, 405, { title: "Method Not Allowed", status: 405 }, { contentType: PROBLEM });
    stats.byMethod[url.pathname] = (stats.byMethod[url.pathname] ?? 0) + 1;
    const answer = route(url.pathname, parseBracketQuery(url.search.slice(1)));
    if (answer.entity) stats.rowsServed[answer.entity] = (stats.rowsServed[answer.entity] ?? 0) + (answer.rows ?? 0);
    if (answer.status === 204) {
      res.writeHead(204);
      res.end();
      return;
    }
    sendJson(res, answer.status, answer.body, { truncate: fault === "truncate", contentType: answer.status === 200 ? "application/hal+json" : PROBLEM });
  }

  function authorised(header: string | undefined): boolean {
    if (state.faults.wrongCredentials) return false;
    const token = header?.startsWith("Bearer ") ? header.slice(7) : "";
    if (state.faults.expireTokenAfter !== undefined && --state.faults.expireTokenAfter < 0) {
      state.faults.expireTokenAfter = undefined;
      state.auth.expiredTokens.add(state.auth.accessToken);
      state.stats.injected.expired++;
    }
    if (state.auth.expiredTokens.has(token)) return false;
    return token === state.auth.longLivedToken || token === state.auth.accessToken;
  }

  function refresh(raw: string, res: http.ServerResponse) {
    let body: Record<string, string> = {};
    try {
      body = JSON.parse(raw);
    } catch {
      /* answered below as an invalid request */
    }
    const auth = state.auth;
    const problem = (hint: string) =>
      sendJson(res, 400, { hint, title: "Некорректный запрос", type: "https://developers.amocrm.ru/v3/errors/OAuthProblemJson", status: 400, detail: "В запросе отсутствует ряд параметров или параметры невалидны" }, { contentType: PROBLEM });
    if (body.grant_type !== "refresh_token" || body.client_id !== auth.clientId || body.client_secret !== auth.clientSecret || body.redirect_uri !== auth.redirectUri) {
      return problem("Client authentication failed");
    }
    if (body.refresh_token !== auth.refreshToken) return problem("Token has been revoked"); // single-use (docs/amocrm-wire.md)
    state.stats.refreshes++;
    auth.expiredTokens.add(auth.accessToken);
    auth.generation++;
    auth.accessToken = `mock-oauth-access-${nonce}-${auth.generation}`;
    auth.refreshToken = `mock-oauth-refresh-${nonce}-${auth.generation}`;
    sendJson(res, 200, { token_type: "Bearer", expires_in: 86_400, access_token: auth.accessToken, refresh_token: auth.refreshToken, server_time: Math.floor(now() / 1000) });
  }

  const server = await startServer(handle, options.port);
  baseUrl = server.url;
  return { url: server.url, state, close: server.close };
}
