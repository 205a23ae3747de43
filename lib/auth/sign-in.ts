// Checks an e-mail and password, through the throttle (lib/auth/sign-in-throttle.ts).
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Db } from "@/db/types";
import { DUMMY_HASH, verifyPassword } from "./password";
import { claimAttempt, forgiveAttempt, throttleKeys } from "./sign-in-throttle";

export { delayAfterFailures } from "./sign-in-throttle";

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "throttled"; retryAfterSeconds?: number };

/** Where an attempt comes from: its client address (lib/auth/client-address.ts; null when unknown) and when. */
export type AttemptContext = { address?: string | null; now?: Date };

export async function checkCredentials(db: Db, emailInput: string, password: string, context: AttemptContext = {}): Promise<SignInResult> {
  const email = emailInput.trim().toLowerCase();
  const now = context.now ?? new Date();
  const keys = throttleKeys(email, context.address ?? null);
  const claim = await claimAttempt(db, keys, now);
  if (!claim.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: claim.retryAfterSeconds };

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, isActive: users.isActive })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const passwordMatches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.isActive || !passwordMatches) return { ok: false, reason: "invalid" };
  await forgiveAttempt(db, keys);
  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
  return { ok: true, userId: user.id };
}
