// For route tests: calls a route handler as a viewer calls it — a script with an API token, or a
// browser with a session cookie — and reads the answer. A cookie write names its page (Origin) and
// says JSON, as a browser's does; without them the CSRF guard refuses it as cross-site.

/** Who calls: an API token, an Auth.js session cookie, or nobody. */
export type Caller = { token: string } | { cookie: string } | null;

export const TEST_ORIGIN = "http://localhost";
const SESSION_COOKIE = "authjs.session-token";

import { expect } from "vitest";

// A handler's context is { params } or nothing; `never` accepts every route's handler.
type Handler = (request: Request, context: never) => Promise<Response>;

export type RouteCall = {
  as?: Caller;
  method?: string;
  /** An object is sent as JSON; a string or bytes as they are. */
  body?: unknown;
  /** The dynamic segments, e.g. { id }. */
  params?: Record<string, string | undefined>;
  headers?: Record<string, string>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the body it expects
export type RouteAnswer = { status: number; body: any };

export function callerHeaders(caller: Caller | undefined, method = "GET"): Record<string, string> {
  if (!caller) return {};
  if ("token" in caller) return { authorization: `Bearer ${caller.token}` };
  const writes = method !== "GET" && method !== "HEAD";
  return { cookie: `${SESSION_COOKIE}=${caller.cookie}`, ...(writes ? { origin: TEST_ORIGIN, "content-type": "application/json" } : {}) };
}

/** The request a caller sends to `path` ("/api/users/1?x=y", or a whole URL for another host). */
export function routeRequest(path: string, call: RouteCall = {}): Request {
  const method = call.method ?? "GET";
  const body = call.body === undefined ? undefined : typeof call.body === "string" ? call.body : call.body instanceof Uint8Array ? new Blob([call.body as Uint8Array<ArrayBuffer>]) : JSON.stringify(call.body);
  return new Request(path.startsWith("http") ? path : `${TEST_ORIGIN}${path}`, { method, headers: { ...callerHeaders(call.as, method), ...call.headers }, body });
}

/** Calls the handler and hands back its response as it is: for files, streams and headers. */
export function routeResponse(handler: Handler, path: string, call: RouteCall = {}): Promise<Response> {
  const context = call.params ? { params: Promise.resolve(call.params) } : undefined;
  return handler(routeRequest(path, call), context as never);
}

/** Calls the handler and reads its answer: the JSON body, or null for an empty or non-JSON one. */
export async function callRoute(handler: Handler, path: string, call: RouteCall = {}): Promise<RouteAnswer> {
  const response = await routeResponse(handler, path, call);
  const isJson = response.headers.get("content-type")?.includes("json") && response.status !== 204;
  return { status: response.status, body: isJson ? await response.json() : null };
}

/** Each body is refused with a 400 naming its field: `[body, field]` pairs, sent one by one through `send`. */
export async function expectFieldRefusals(send: (body: unknown) => Promise<RouteAnswer>, cases: [unknown, string][]): Promise<void> {
  for (const [body, field] of cases) {
    const answer = await send(body);
    expect(answer.status, JSON.stringify(body)).toBe(400);
    expect(answer.body.error.field, JSON.stringify(body)).toBe(field);
  }
}
