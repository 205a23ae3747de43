// Signing in and out through Supabase Auth (AUTH_PROVIDER=supabase): e-mail and password, or a
// magic link (PKCE: /otp, then the callback exchanges ?code= for a session). Supabase checks the
// secret; Voronka decides who that is (account.ts) and refuses an e-mail it has no active user for.
import type { AuthError } from "@supabase/supabase-js";
import type { Db } from "@/db/types";
import type { ErrorCode } from "@/lib/error-codes";
import { claimAttempt, forgiveAttempt, throttleKeys } from "../sign-in-throttle";
import type { AttemptContext } from "../sign-in";
import { endSession, type SessionClaims } from "../sessions";
import { recordSignIn, supabaseSessionClaims, voronkaUserIdForEmail } from "./account";
import type { SupabaseAuth } from "./client";

export type SupabaseSignIn = { ok: true; userId: string } | { ok: false; code: ErrorCode };

/** Supabase's own codes a person can act on keep their name; the rest become one of ours. */
const OWN_CODES = new Set<string>(["invalid_credentials", "email_not_confirmed", "otp_expired", "over_email_send_rate_limit"]);
const LINK_CODES = new Set<string>(["flow_state_not_found", "flow_state_expired", "bad_code_verifier", "pkce_code_verifier_not_found", "validation_failed"]);

export function signInErrorCode(error: AuthError | { code?: string | null }): ErrorCode {
  const code = error.code ?? "";
  if (OWN_CODES.has(code)) return code as ErrorCode;
  if (code === "over_request_rate_limit") return "too_many_attempts";
  if (LINK_CODES.has(code)) return "magic_link_invalid";
  // Names only: Supabase's messages never carry secrets, but a request's body might.
  console.error("[auth] Supabase Auth refused a sign-in", "status" in error ? error.status : "", code || "(no code)");
  return "auth_provider_failed";
}

export async function signInWithSupabasePassword(db: Db, auth: SupabaseAuth, emailInput: string, password: string, context: AttemptContext = {}): Promise<SupabaseSignIn> {
  const email = emailInput.trim().toLowerCase();
  // The same throttle as Auth.js's sign-in: Supabase limits by its own rules, this by ours.
  const keys = throttleKeys(email, context.address ?? null);
  const claim = await claimAttempt(db, keys, context.now ?? new Date());
  if (!claim.allowed) return { ok: false, code: "too_many_attempts" };
  const { data, error } = await auth.signInWithPassword({ email, password });
  if (error) return { ok: false, code: signInErrorCode(error) };
  await forgiveAttempt(db, keys);
  return admit(db, auth, data.user?.email);
}

/**
 * Sends a magic link to an e-mail Voronka has an active user for. The answer is the same whether or
 * not it has one (and whether Supabase knows the address), so the form tells nobody who has an account.
 */
export async function sendSupabaseMagicLink(db: Db, auth: SupabaseAuth, emailInput: string, redirectTo: string): Promise<{ ok: true } | { ok: false; code: ErrorCode }> {
  const email = emailInput.trim().toLowerCase();
  if (!(await voronkaUserIdForEmail(db, email))) return { ok: true };
  // No sign-ups: a link only for a user the Supabase project already has.
  const { error } = await auth.signInWithOtp({ email, options: { shouldCreateUser: false, emailRedirectTo: redirectTo } });
  if (!error || error.code === "otp_disabled" || error.code === "user_not_found") return { ok: true };
  return { ok: false, code: signInErrorCode(error) };
}

/** The callback of a magic link: `code` for a session (the verifier is in this browser's cookie), then the Voronka user. */
export async function completeSupabaseMagicLink(db: Db, auth: SupabaseAuth, code: string): Promise<SupabaseSignIn> {
  try {
    const { data, error } = await auth.exchangeCodeForSession(code);
    if (error) return { ok: false, code: signInErrorCode(error) };
    return await admit(db, auth, data.user?.email);
  } catch (error) {
    if (isAuthError(error)) return { ok: false, code: signInErrorCode(error) };
    throw error;
  }
}

/** A Supabase session for a person Voronka does not know is signed out again at once. */
async function admit(db: Db, auth: SupabaseAuth, email: string | undefined): Promise<SupabaseSignIn> {
  const userId = await voronkaUserIdForEmail(db, email);
  if (!userId) {
    await auth.signOut({ scope: "local" });
    return { ok: false, code: "no_voronka_account" };
  }
  await recordSignIn(db, userId);
  return { ok: true, userId };
}

/** supabase-js's own test (its errors carry `__isAuthError`), without loading supabase-js for it. */
function isAuthError(error: unknown): error is AuthError {
  return typeof error === "object" && error !== null && "__isAuthError" in error;
}

export type SignedInUser = { userId: string; claims: SessionClaims };

/**
 * Who this request's Supabase session belongs to, verified by Supabase (getClaims: the JWT's
 * signature, or /user for a symmetric key) and refreshed when expired; null when signed out, when
 * the refresh token was already used (a parallel request won the refresh), or for an unknown e-mail.
 */
export async function supabaseSignedInUser(db: Db, auth: SupabaseAuth): Promise<SignedInUser | null> {
  const { data, error } = await auth.getClaims();
  if (error || !data) return null;
  const userId = await voronkaUserIdForEmail(db, typeof data.claims.email === "string" ? data.claims.email : null);
  return userId ? { userId, claims: supabaseSessionClaims(data.claims) } : null;
}

/**
 * Signs this session out at Supabase (its refresh token revoked, the cookies cleared) and ends it in
 * Voronka too, so an access token copied before sign-out opens nothing. Other devices stay signed in,
 * as with Auth.js.
 */
export async function signOutOfSupabase(db: Db, auth: SupabaseAuth): Promise<void> {
  const signedIn = await supabaseSignedInUser(db, auth);
  if (signedIn) await endSession(db, signedIn.userId, signedIn.claims);
  await auth.signOut({ scope: "local" });
}
