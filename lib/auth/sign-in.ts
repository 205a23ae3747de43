// Checks an e-mail and password, slowing down repeated failures for the same e-mail (in the
// database, so every instance of the app counts the same attempts).
import { eq, sql } from "drizzle-orm";
import { signInFailures, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { DUMMY_HASH, verifyPassword } from "./password";

export const FREE_ATTEMPTS = 5;
const MAX_DELAY_SECONDS = 15 * 60;

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "throttled"; retryAfterSeconds?: number };

/** After FREE_ATTEMPTS failures, each further attempt must wait 2, 4, 8 … seconds (at most 15 min). */
export function delayAfterFailures(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failures - FREE_ATTEMPTS + 1), MAX_DELAY_SECONDS);
}

export async function checkCredentials(db: Db, emailInput: string, password: string, now = new Date()): Promise<SignInResult> {
  const email = emailInput.trim().toLowerCase();
  const [failure] = await db.select().from(signInFailures).where(eq(signInFailures.key, email)).limit(1);
  if (failure) {
    const waitUntil = failure.lastFailureAt.getTime() + delayAfterFailures(failure.failures) * 1000;
    if (waitUntil > now.getTime()) return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil((waitUntil - now.getTime()) / 1000) };
  }
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, isActive: users.isActive })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (user && user.isActive && passwordMatches) {
    if (failure) await db.delete(signInFailures).where(eq(signInFailures.key, email));
    await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
    return { ok: true, userId: user.id };
  }
  await db
    .insert(signInFailures)
    .values({ key: email, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({ target: signInFailures.key, set: { failures: sql`${signInFailures.failures} + 1`, lastFailureAt: now } });
  return { ok: false, reason: "invalid" };
}
