// Checks an e-mail and password, through the throttle (lib/auth/sign-in-throttle.ts). An e-mail may
// have an account in several organisations (an admin can invite any e-mail): the password decides.
import { and, desc, eq, isNull } from "drizzle-orm";
import { setTimeout as sleep } from "node:timers/promises";
import { organisations, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { DUMMY_HASH, verifyPassword } from "./password";
import { claimAttempt, forgiveAttempt, throttleKeys } from "./sign-in-throttle";

export { delayAfterFailures } from "./sign-in-throttle";

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "throttled"; retryAfterSeconds?: number };

/** Where an attempt comes from: its client address (lib/auth/client-address.ts; null when unknown) and when. */
export type AttemptContext = { address?: string | null; now?: Date };

/** Every answer takes as long as comparing this many passwords, so its time never tells how many accounts an e-mail has (up to this many). */
export const HIDDEN_ACCOUNTS = 3;

export async function checkCredentials(db: Db, emailInput: string, password: string, context: AttemptContext = {}): Promise<SignInResult> {
  const email = emailInput.trim().toLowerCase();
  const now = context.now ?? new Date();
  const keys = throttleKeys(email, context.address ?? null);
  const claim = await claimAttempt(db, keys, now);
  if (!claim.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: claim.retryAfterSeconds };

  // The latest password first: of two accounts the same password opens, the one whose password was
  // set last signs in. An admin who has just set a password for their own organisation's account of
  // an e-mail therefore always lands in their own organisation, and learns nothing of any other.
  const accounts = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    // A suspended organisation's accounts are passed over as a disabled account is (docs/hosted.md).
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(users.email, email), eq(users.isActive, true), isNull(organisations.suspendedAt)))
    .orderBy(desc(users.passwordSetAt), desc(users.createdAt));
  const matches = await compareEvery(password, accounts.map((account) => account.passwordHash));
  const user = accounts.find((_, index) => matches[index]);
  if (!user) return { ok: false, reason: "invalid" };
  await forgiveAttempt(db, keys);
  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
  return { ok: true, userId: user.id };
}

/**
 * Compares the password with every hash, never stopping at a match, then waits as long as the
 * comparisons up to HIDDEN_ACCOUNTS would have taken. No account: one comparison with a dummy hash.
 */
export async function compareEvery(password: string, hashes: string[], compare = verifyPassword): Promise<boolean[]> {
  const compared = hashes.length > 0 ? hashes : [DUMMY_HASH];
  const started = performance.now();
  const results: boolean[] = [];
  for (const hash of compared) results.push(await compare(password, hash));
  const missing = HIDDEN_ACCOUNTS - compared.length;
  if (missing > 0) await sleep(((performance.now() - started) / compared.length) * missing);
  return hashes.length > 0 ? results : [];
}
