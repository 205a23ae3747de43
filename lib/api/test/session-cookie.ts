// A session cookie as Auth.js sets it at sign-in, for tests that call route handlers as a browser would.
import { encode } from "next-auth/jwt";
import { newSessionClaims } from "@/lib/auth/sessions";
import { env } from "@/lib/env";

export const SESSION_COOKIE = "authjs.session-token";

/** The `Cookie` header value of a fresh session of `userId`. */
export async function sessionCookieFor(userId: string, secret = env.AUTH_SECRET): Promise<string> {
  const value = await encode({ token: { sub: userId, ...newSessionClaims() }, secret, salt: SESSION_COOKIE });
  return `${SESSION_COOKIE}=${value}`;
}
