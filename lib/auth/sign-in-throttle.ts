// Slows down password guessing, with counters in the database so every instance of the app counts
// the same attempts. Two counters judge each attempt (the policy is in the README, "Sign-in throttle"):
//   - one e-mail from one client address: 5 free failures, then 2, 4, 8 … s between attempts;
//   - one client address, whatever the e-mail: 20 free failures, then the same.
// No counter spans addresses, so nothing done from elsewhere ever makes a person wait: an attacker
// can slow down only their own address, never lock someone out of their account.
// An attempt is counted before its password is compared, in one transaction that decides whether
// it may be compared at all, so parallel guesses cannot all slip through one open window.
import { eq, inArray, sql } from "drizzle-orm";
import { signInFailures } from "@/db/schema";
import type { Db } from "@/db/types";

const MAX_DELAY_SECONDS = 15 * 60;

type Counter = { free: number; forgetAfterHours: number };
/** One e-mail from one address: cleared when that address signs in to it. */
export const ACCOUNT_COUNTER: Counter = { free: 5, forgetAfterHours: 24 };
/** One address, every e-mail: forgotten after an hour without a failure, so an office behind one address is not punished for a morning of typos. */
export const ADDRESS_COUNTER: Counter = { free: 20, forgetAfterHours: 1 };

/** After `free` failures, each further attempt must wait 2, 4, 8 … seconds after the last (at most 15 min). */
export function delayAfterFailures(failures: number, free = ACCOUNT_COUNTER.free): number {
  if (failures < free) return 0;
  return Math.min(2 ** Math.min(failures - free + 1, 20), MAX_DELAY_SECONDS);
}

// The same rule in SQL, for the conditional update.
function delaySql(free: number) {
  const failures = signInFailures.failures;
  return sql`case when ${failures} < ${free} then 0 else least(power(2, least(${failures} - ${free} + 1, 20)), ${MAX_DELAY_SECONDS}) end`;
}

export type ThrottleKeys = { account: string; address: string | null };

/** The counters of one attempt. Without a known address only the e-mail's counter applies (see client-address.ts). */
export function throttleKeys(email: string, address: string | null): ThrottleKeys {
  return { account: `account:${address ?? "unknown"} ${email}`, address: address ? `address:${address}` : null };
}

export type Claim = { allowed: true } | { allowed: false; retryAfterSeconds: number };

class Refused extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("refused");
  }
}

/**
 * Counts the attempt as a failure in advance, if every counter lets it through; otherwise counts
 * nothing and says how long to wait. Row locks make parallel attempts take their turns, and each
 * sees the one before it: of several guesses sent at once into an open window, one is allowed.
 */
export async function claimAttempt(db: Db, keys: ThrottleKeys, now: Date): Promise<Claim> {
  const counters: [string, Counter][] = [[keys.account, ACCOUNT_COUNTER]];
  if (keys.address) counters.push([keys.address, ADDRESS_COUNTER]);
  await forgetOldCounters(db);
  try {
    await db.transaction(async (tx) => {
      for (const [key, counter] of counters) {
        const waitSeconds = await countOrRefuse(tx, key, counter, now);
        if (waitSeconds !== null) throw new Refused(waitSeconds);
      }
    });
    return { allowed: true };
  } catch (error) {
    if (error instanceof Refused) return { allowed: false, retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
}

/** The longest any counter remembers a failure: a row older than this counts as no row. */
const FORGOTTEN_AFTER_HOURS = Math.max(ACCOUNT_COUNTER.forgetAfterHours, ADDRESS_COUNTER.forgetAfterHours);
/** Rows dropped per attempt: enough to outpace the attempts that make them, small enough never to be felt. */
const FORGET_BATCH = 100;

/**
 * Drops counters nobody would read any more, a few per attempt, so the table holds about a day of
 * failures instead of every address that ever guessed. By the database's clock, not the attempt's
 * `now`: an attempt dated elsewhere (a test's) must not drop the counters of attempts made now.
 */
async function forgetOldCounters(db: Db): Promise<void> {
  const old = db
    .select({ key: signInFailures.key })
    .from(signInFailures)
    .where(sql`${signInFailures.lastFailureAt} < now() - make_interval(hours => ${FORGOTTEN_AFTER_HOURS})`)
    .limit(FORGET_BATCH);
  await db.delete(signInFailures).where(inArray(signInFailures.key, old));
}

/** null when counted; else the seconds left to wait. */
async function countOrRefuse(db: Db, key: string, counter: Counter, now: Date): Promise<number | null> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const stale = sql`${signInFailures.lastFailureAt} < ${at} - make_interval(hours => ${counter.forgetAfterHours})`;
  const counted = await db
    .insert(signInFailures)
    .values({ key, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: signInFailures.key,
      set: { failures: sql`case when ${stale} then 1 else ${signInFailures.failures} + 1 end`, lastFailureAt: now },
      setWhere: sql`${signInFailures.lastFailureAt} + make_interval(secs => ${delaySql(counter.free)}) <= ${at}`,
    })
    .returning({ key: signInFailures.key });
  if (counted.length > 0) return null;
  const [row] = await db.select().from(signInFailures).where(eq(signInFailures.key, key));
  const waitUntil = row.lastFailureAt.getTime() + delayAfterFailures(row.failures, counter.free) * 1000;
  return Math.max(Math.ceil((waitUntil - now.getTime()) / 1000), 1);
}

/** A right password: its attempt was no failure. The account's counter is cleared; the address's only gets back the one this attempt added. */
export async function forgiveAttempt(db: Db, keys: ThrottleKeys): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.key, keys.account));
  if (keys.address) {
    await db
      .update(signInFailures)
      .set({ failures: sql`greatest(${signInFailures.failures} - 1, 0)` })
      .where(eq(signInFailures.key, keys.address));
  }
}
