// Who is calling an API route: a personal API token (Authorization: Bearer …) or a session cookie.
// Reads the request itself (not Next's request context), so route handlers can be tested directly.
import { getToken } from "next-auth/jwt";
import type { Db } from "@/db/types";
import { sessionClaims } from "@/lib/auth/sessions";
import { requestCookieJar, supabaseAuth } from "@/lib/auth/supabase/client";
import { supabaseSignedInUser, type SignedInUser } from "@/lib/auth/supabase/sign-in";
import { resolveApiToken } from "@/lib/auth/tokens";
import { resolveDisplayToken } from "@/lib/displays/display-tokens";
import { DISPLAY_COOKIE } from "@/lib/displays/limits";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { assertOrganisationNotSuspended } from "@/lib/hosted/suspension";
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
    const viewer = await loadViewer(db, userId);
    if (viewer) return viewer;
    await assertOrganisationNotSuspended(db, userId);
    return unauthorized("The token's owner is disabled", "token_owner_disabled");
  }
  // With Supabase, proxy.ts has already refreshed an expired session into this request's cookies.
  const signedIn = env.AUTH_PROVIDER === "supabase" ? await supabaseSignedInUser(db, await supabaseAuth(requestCookieJar(request))) : await nextAuthUser(request);
  if (!signedIn) return displayViewer(db, request);
  const viewer = await loadViewer(db, signedIn.userId, signedIn.claims);
  if (viewer) return viewer;
  await assertOrganisationNotSuspended(db, signedIn.userId);
  return unauthorized("Your session has ended or your account is disabled: sign in again", "session_ended");
}

/** A TV screen has no session, only the display token it keeps in a cookie: its maker's viewer, read-only. */
async function displayViewer(db: Db, request: Request): Promise<Viewer> {
  const token = cookieValue(request, DISPLAY_COOKIE);
  if (!token) throw new UnauthorizedError();
  const display = await resolveDisplayToken(db, token);
  return display?.viewer ?? unauthorized("The display token is invalid or revoked", "invalid_token");
}

function cookieValue(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return null;
}

async function nextAuthUser(request: Request): Promise<SignedInUser | null> {
  const secureCookie = (request.headers.get("cookie") ?? "").includes(SECURE_COOKIE);
  const token = await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie });
  return token?.sub ? { userId: token.sub, claims: sessionClaims(token) } : null;
}

function unauthorized(message: string, code: ErrorCode): never {
  throw new UnauthorizedError(message, { code });
}
