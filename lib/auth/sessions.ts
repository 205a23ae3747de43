// What a session cookie says about its session, and ending one. A JWT cannot be revoked, so the
// server keeps what ended: the id of a session signed out on its device (ended_sessions), and for
// everything of a person at once (a new password) the moment before which sessions are over
// (users.sessions_valid_after). lib/auth/viewer.ts checks both on every request.
import { eq } from "drizzle-orm";
import { endedSessions, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { isUuid } from "@/lib/uuid";
import { revokeAllApiTokens } from "./tokens";

export type SessionClaims = {
  /** When it signed in (ms); null for a cookie from before this was recorded. */
  signedInAt: number | null;
  /** Its own id; null for a cookie from before sessions had ids. */
  sessionId: string | null;
};

/** The claims of a decoded JWT or of an Auth.js session object (both carry them as set at sign-in). */
export function sessionClaims(source: object | null | undefined): SessionClaims {
  const { signedInAt, sessionId } = (source ?? {}) as { signedInAt?: unknown; sessionId?: unknown };
  return {
    signedInAt: typeof signedInAt === "number" ? signedInAt : null,
    sessionId: isUuid(sessionId) ? sessionId : null,
  };
}

/** The claims a new session starts with. */
export function newSessionClaims(now = Date.now()): { signedInAt: number; sessionId: string } {
  return { signedInAt: now, sessionId: crypto.randomUUID() };
}

/**
 * Signs out one session: only it ends, the person's other devices stay signed in. A cookie from
 * before sessions had ids cannot be told apart from the others, so it ends them all, as before.
 */
export async function endSession(db: Db, userId: string, claims: SessionClaims, now = new Date()): Promise<void> {
  if (!claims.sessionId) return endAllSessions(db, userId, now);
  // Kept for good (they go with the user): Auth.js renews a cookie that is used, ended or not, so
  // no age makes an ended session's cookie harmless. A sign-out a day for a year is 365 small rows.
  await db.insert(endedSessions).values({ sessionId: claims.sessionId, userId, endedAt: now }).onConflictDoNothing();
}

/**
 * Ends every session of the person, on every device (a password set by an admin, a disabled
 * account): cookies that signed in before now stay dead, also once the account is enabled again.
 */
export async function endAllSessions(db: Db, userId: string, now = new Date()): Promise<void> {
  await db.update(users).set({ sessionsValidAfter: now }).where(eq(users.id, userId));
}

/** Everything that lets a person in, ended: every session and every API token. */
export async function endSessionsAndTokens(db: Db, owner: { orgId: string; userId: string }, now = new Date()): Promise<{ tokensRevoked: number }> {
  await endAllSessions(db, owner.userId, now);
  return { tokensRevoked: await revokeAllApiTokens(db, owner, now) };
}
