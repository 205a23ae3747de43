// Who is calling an API route: a personal API token (Authorization: Bearer …) or a session cookie.
// Reads the request itself (not Next's request context), so route handlers can be tested directly.
import { getToken } from "next-auth/jwt";
import type { Db } from "@/db/types";
import { sessionClaims } from "@/lib/auth/sessions";
import { resolveApiToken } from "@/lib/auth/tokens";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { UnauthorizedError, type ErrorCode } from "@/lib/errors";

const SECURE_COOKIE = "__Secure-authjs.session-token";

/** Whether the caller sent an API token (then it is the token that authenticates, not a cookie). */
export function isTokenRequest(request: Request): boolean {
  return request.headers.has("authorization");
}

export async function viewerFromRequest(db: Db, request: Request): Promise<Viewer> {
  if (isTokenRequest(request)) {
    const authorization = request.headers.get("authorization")!;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const userId = match ? await resolveApiToken(db, match[1]) : null;
    if (!userId) throw new UnauthorizedError("The API token is invalid or revoked", { code: "invalid_token" });
    return (await loadViewer(db, userId)) ?? unauthorized("The token's owner is disabled", "token_owner_disabled");
  }
  const secureCookie = (request.headers.get("cookie") ?? "").includes(SECURE_COOKIE);
  const token = await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie });
  if (!token?.sub) throw new UnauthorizedError();
  return (await loadViewer(db, token.sub, sessionClaims(token))) ?? unauthorized("Your session has ended or your account is disabled: sign in again", "session_ended");
}

function unauthorized(message: string, code: ErrorCode): never {
  throw new UnauthorizedError(message, { code });
}
