// The one wrapper every API route handler goes through: resolve the viewer, check the role and,
// for a write sent with the session cookie, that it came from this app; run, and turn errors into
// `{ "error": { "code", "message", "field"?, "params"? } }` (lib/api/error-body.ts) — internal
// causes are logged only.
import type { ZodType } from "zod";
import { getDb } from "@/db/client";
import type { Db } from "@/db/types";
import { can, type Action } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { errorForLog } from "@/lib/error-text";
import { CrossSiteRequestError, MAX_BODY_BYTES, PayloadTooLargeError, UnsupportedMediaTypeError } from "@/lib/http/request-errors";
import { isSameOriginRequest, isStateChanging } from "@/lib/http/same-origin";
import { readBodyWithLimit } from "./read-body";
import { errorBodyOf } from "./error-body";
import { isTokenRequest, viewerFromRequest } from "./viewer-from-request";

/** What a read-only viewer (a display token) may do: read reports, their live updates and plans. */
const READ_ONLY_ACTIONS: ReadonlySet<Action> = new Set(["reports:read", "plans:read"]);

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (input: { request: Request; viewer: Viewer; db: Db; params: P }) => Promise<Response | object>;

export function apiRoute<P = Record<string, never>>(action: Action, handler: Handler<P>) {
  return async (request: Request, context?: RouteContext<P>): Promise<Response> => {
    try {
      const db = await getDb();
      const viewer = await viewerFromRequest(db, request);
      // A page of another site can make the browser send the cookie, never an API token.
      if (isStateChanging(request.method) && !isTokenRequest(request) && !isSameOriginRequest(request)) throw new CrossSiteRequestError();
      // A TV screen's display token shows reports and nothing else: no write, no admin page's data.
      if (viewer.isReadOnly && (isStateChanging(request.method) || !READ_ONLY_ACTIONS.has(action))) throw new ForbiddenError("A display token can only read reports", { code: "display_token_read_only" });
      if (!can(viewer.role, action)) throw new ForbiddenError();
      const params = (context ? await context.params : {}) as P;
      const result = await handler({ request, viewer, db, params });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): Response {
  const refusal = errorBodyOf(error);
  if (refusal) return Response.json({ error: refusal.body }, { status: refusal.status });
  console.error("[api] unexpected error", errorForLog(error));
  return Response.json({ error: { code: "internal_error", message: "Something went wrong on our side; the error has been logged" } }, { status: 500 });
}

/**
 * Parses a JSON body of at most 1 MiB with a schema; a body that is not JSON is a 400, not a crash.
 * Sent with the session cookie, it must also say `Content-Type: application/json`: a page of
 * another site can post text/plain without asking, but not JSON.
 */
export async function readJson<T>(request: Request, schema: ZodType<T>): Promise<T> {
  assertJsonType(request);
  return parseJson(await readJsonText(request), schema);
}

/** A body that may be left out (a DELETE's confirmation): undefined when empty, else as readJson. */
export async function readOptionalJson<T>(request: Request, schema: ZodType<T>): Promise<T | undefined> {
  const text = await readJsonText(request);
  if (text.trim() === "") return undefined;
  assertJsonType(request);
  return parseJson(text, schema);
}

function assertJsonType(request: Request): void {
  if (!isTokenRequest(request) && !/^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
    throw new UnsupportedMediaTypeError("application/json");
  }
}

/** The body's text; a body that cannot be read is answered like one that is not JSON. */
async function readJsonText(request: Request): Promise<string> {
  try {
    return await readText(request);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) throw error;
    throw new ValidationError("The request body must be JSON");
  }
}

function parseJson<T>(text: string, schema: ZodType<T>): T {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ValidationError("The request body must be JSON");
  }
  return schema.parse(body);
}

/** The body as text, read no further than `limit` bytes (413 past it). */
export async function readText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const body = await readBodyWithLimit(request, limit);
  if (!body.ok) throw new PayloadTooLargeError(limit);
  return body.text;
}

/** Parses the query string with a schema. */
export function readQuery<T>(request: Request, schema: ZodType<T>): T {
  return schema.parse(Object.fromEntries(new URL(request.url).searchParams));
}
