// Which Voronka user a Supabase Auth session belongs to: the active user with its e-mail (any case),
// with that user's own role and scope (e-mails are stored lower-cased). Supabase only vouches for the address.
import { and, desc, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Db } from "@/db/types";
import { isUuid } from "@/lib/uuid";
import type { SessionClaims } from "../sessions";

/**
 * The active Voronka user of an e-mail, or null. An e-mail with accounts in several organisations
 * takes the one password sign-in would prefer (password set last, then newest), so both providers
 * land a person in the same place.
 */
export async function voronkaUserIdForEmail(db: Db, email: string | null | undefined): Promise<string | null> {
  const normalised = email?.trim().toLowerCase();
  if (!normalised) return null;
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, normalised), eq(users.isActive, true)))
    .orderBy(desc(users.passwordSetAt), desc(users.createdAt))
    .limit(1);
  return user?.id ?? null;
}

/** Marks a sign-in on the user, as password sign-in does. */
export async function recordSignIn(db: Db, userId: string, now = new Date()): Promise<void> {
  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, userId));
}

type AccessTokenClaims = { session_id?: unknown; iat?: unknown; amr?: unknown };

/**
 * A Supabase access token's claims as a Voronka session's (lib/auth/sessions.ts): its session id,
 * so a signed-out session stays out, and when it signed in (the first method in `amr`, which
 * survives refreshes; `iat` does not), so "end every session" of a user ends it too.
 */
export function supabaseSessionClaims(claims: AccessTokenClaims): SessionClaims {
  const stamps = Array.isArray(claims.amr) ? claims.amr.map((entry: { timestamp?: unknown }) => entry?.timestamp).filter((t): t is number => typeof t === "number") : [];
  const seconds = stamps.length > 0 ? Math.min(...stamps) : typeof claims.iat === "number" ? claims.iat : null;
  return { sessionId: isUuid(claims.session_id) ? claims.session_id : null, signedInAt: seconds === null ? null : seconds * 1000 };
}
