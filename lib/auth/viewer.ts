// The signed-in person, loaded fresh from the database on every request so that a disabled user
// or a changed role takes effect at once, and a session ended by sign-out stays ended.
import { and, eq, isNull, sql } from "drizzle-orm";
import { endedSessions, organisations, users } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Role } from "./permissions";
import type { SessionClaims } from "./sessions";

export type Viewer = {
  userId: string;
  orgId: string;
  role: Role;
  departmentId: string | null;
  name: string;
  email: string;
  locale: "ru" | "en" | null;
  org: { name: string; baseCurrency: string; timezone: string; locale: "ru" | "en"; country: string };
  /** A TV screen's display token reading with its maker's scope: the API refuses it every write. */
  isReadOnly?: boolean;
};

/**
 * `session`: a session cookie's claims; the session is over when it was signed out (its id is in
 * ended_sessions) or signed in before the user's sessions_valid_after. API tokens pass none: they
 * are revoked on their own.
 */
export async function loadViewer(db: Db, userId: string, session?: SessionClaims): Promise<Viewer | null> {
  const sessionId = session?.sessionId ?? null;
  const [row] = await db
    .select({
      user: users,
      org: organisations,
      // in the same round trip as the user
      signedOut: sessionId ? sql<boolean>`exists (select 1 from ${endedSessions} where ${endedSessions.sessionId} = ${sessionId})` : sql<boolean>`false`,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    // A suspended organisation's people are nobody (docs/hosted.md): sessions and tokens alike.
    .where(and(eq(users.id, userId), eq(users.isActive, true), isNull(organisations.suspendedAt)))
    .limit(1);
  if (!row) return null;
  const { user, org } = row;
  if (session && row.signedOut) return null;
  if (session && user.sessionsValidAfter && (session.signedInAt ?? 0) < user.sessionsValidAfter.getTime()) return null;
  return {
    userId: user.id,
    orgId: user.orgId,
    role: user.role,
    departmentId: user.departmentId,
    name: user.name,
    email: user.email,
    locale: user.locale,
    org: { name: org.name, baseCurrency: org.baseCurrency, timezone: org.timezone, locale: org.locale, country: org.country },
  };
}
