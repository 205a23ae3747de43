// The one wrapper every API route handler goes through: resolve the viewer, check the role,
// run, and turn errors into `{ "error": { "code", "message", "field"?, "params"? } }` (lib/api/error-body.ts)
// — internal causes are logged only.
import type { ZodType } from "zod";
import { getDb } from "@/db/client";
import type { Db } from "@/db/types";
import { can, type Action } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { errorForLog } from "@/lib/error-text";
import { errorBodyOf } from "./error-body";
import { viewerFromRequest } from "./viewer-from-request";

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (input: { request: Request; viewer: Viewer; db: Db; params: P }) => Promise<Response | object>;

export function apiRoute<P = Record<string, never>>(action: Action, handler: Handler<P>) {
  return async (request: Request, context?: RouteContext<P>): Promise<Response> => {
    try {
      const db = await getDb();
      const viewer = await viewerFromRequest(db, request);
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

/** Parses a JSON body with a schema; a body that is not JSON is a 400, not a crash. */
export async function readJson<T>(request: Request, schema: ZodType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ValidationError("The request body must be JSON");
  }
  return schema.parse(body);
}

/** Parses the query string with a schema. */
export function readQuery<T>(request: Request, schema: ZodType<T>): T {
  return schema.parse(Object.fromEntries(new URL(request.url).searchParams));
}
