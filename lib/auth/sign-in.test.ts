import { randomInt } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInFailures, users } from "@/db/schema";
import { createOrgFixture, FIXTURE_PASSWORD, type OrgFixture } from "@/db/test/fixtures";
import { waitForLockWaiters } from "@/db/test/lock-waiters";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { checkCredentials, compareEvery, delayAfterFailures, type SignInResult } from "./sign-in";
import { throttleKeys } from "./sign-in-throttle";

let testDb: TestDb;
let f: OrgFixture;
beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
});
afterAll(() => testDb.close());

// A fresh address per test: on PostgreSQL the test files share one database, and its counters.
const newAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`;
const at = (t0: Date, ms: number) => new Date(t0.getTime() + ms);
const T0 = new Date("2030-01-01T10:00:00Z");
const outcome = (result: SignInResult) => (result.ok ? "ok" : result.reason);

/** `count` (≤ 20) wrong passwords from one address, spread over a new organisation's five people: 4 each, under each one's own 5. */
async function failuresFrom(address: string, count: number, now: Date) {
  const people = Object.values((await createOrgFixture(testDb.db)).users);
  for (let i = 0; i < count; i++) expect(outcome(await checkCredentials(testDb.db, people[i % 5].email, "wrong-password", { address, now }))).toBe("invalid");
}

describe("checkCredentials", () => {
  it("accepts the right password whatever the e-mail's case", async () => {
    const result = await checkCredentials(testDb.db, f.users.alice.email.toUpperCase(), FIXTURE_PASSWORD);
    expect(result).toEqual({ ok: true, userId: f.users.alice.id });
  });

  it("refuses a wrong password, an unknown e-mail and a disabled user alike", async () => {
    expect(await checkCredentials(testDb.db, f.users.bob.email, "wrong-password")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials(testDb.db, `nobody-${f.org.id}@test.voronka`, FIXTURE_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    const other = await createOrgFixture(testDb.db);
    await testDb.db.update(users).set({ isActive: false }).where(eq(users.id, other.users.carol.id));
    expect(await checkCredentials(testDb.db, other.users.carol.email, FIXTURE_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });

  it("slows down repeated failures of one e-mail from one address: after 5, the next attempt must wait 2 s, then 4 s", async () => {
    const email = f.users.director.email;
    const address = newAddress();
    for (let i = 0; i < 5; i++) expect(outcome(await checkCredentials(testDb.db, email, "guess", { address, now: T0 }))).toBe("invalid");
    // Even the right password is refused while the delay runs.
    const tooSoon = await checkCredentials(testDb.db, email, FIXTURE_PASSWORD, { address, now: at(T0, 1000) });
    expect(tooSoon).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 1 });
    expect(await checkCredentials(testDb.db, email, "guess", { address, now: at(T0, 2000) })).toEqual({ ok: false, reason: "invalid" });
    const throttled = await checkCredentials(testDb.db, email, FIXTURE_PASSWORD, { address, now: at(T0, 3000) });
    expect(throttled).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 3 });
    // After the wait, the right password works and clears the counter.
    expect(await checkCredentials(testDb.db, email, FIXTURE_PASSWORD, { address, now: at(T0, 6000) })).toEqual({ ok: true, userId: f.users.director.id });
    expect(outcome(await checkCredentials(testDb.db, email, "guess", { address, now: at(T0, 6001) }))).toBe("invalid");
  });

  it("lets the right password in from another address while the e-mail is locked at the guesser's", async () => {
    const email = f.users.bob.email;
    const guesser = newAddress();
    // 15 failures: the guesser's next attempt waits 2^11 s, capped at 15 minutes.
    for (let i = 0; i < 15; i++) await checkCredentials(testDb.db, email, `guess-${i}`, { address: guesser, now: at(T0, i * 1000 * 60 * 15) });
    const last = at(T0, 14 * 1000 * 60 * 15);
    expect(await checkCredentials(testDb.db, email, FIXTURE_PASSWORD, { address: guesser, now: at(last, 1000) })).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 899 });
    expect(await checkCredentials(testDb.db, email, FIXTURE_PASSWORD, { address: newAddress(), now: at(last, 1000) })).toEqual({ ok: true, userId: f.users.bob.id });
  });

  it("limits one address across every e-mail: after 20 failures it waits 2 s, whichever account it tries; other addresses do not", async () => {
    const address = newAddress();
    await failuresFrom(address, 20, T0);
    // A fresh e-mail from that address waits; the same e-mail from another address does not.
    expect(await checkCredentials(testDb.db, f.users.alice.email, FIXTURE_PASSWORD, { address, now: at(T0, 500) })).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 2 });
    expect(outcome(await checkCredentials(testDb.db, f.users.alice.email, FIXTURE_PASSWORD, { address: newAddress(), now: at(T0, 500) }))).toBe("ok");
    // The refused attempt counted nothing: after 2 s the address has its turn.
    expect(outcome(await checkCredentials(testDb.db, f.users.alice.email, FIXTURE_PASSWORD, { address, now: at(T0, 2000) }))).toBe("ok");
    // That attempt used the address's turn (the next is 2 s later) but added no failure: still 20,
    // so the next failure makes it wait 4 s, not 8.
    expect(await checkCredentials(testDb.db, f.users.carol.email, "123456", { address, now: at(T0, 3000) })).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 1 });
    expect(outcome(await checkCredentials(testDb.db, f.users.carol.email, "123456", { address, now: at(T0, 4000) }))).toBe("invalid");
    expect(await checkCredentials(testDb.db, f.users.carol.email, "123456", { address, now: at(T0, 5000) })).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 3 });
    // An hour without a failure and the address starts again with 20 free.
    const later = at(T0, 4000 + 60 * 60 * 1000 + 1);
    await failuresFrom(address, 20, later);
  });

  it("counts an IPv6 client by its /64 network", async () => {
    const network = `2001:db8:${randomInt(65536).toString(16)}:${randomInt(65536).toString(16)}`;
    await failuresFrom(`${network}::/64`, 20, T0);
    const sameNetwork = await checkCredentials(testDb.db, f.users.carol.email, FIXTURE_PASSWORD, { address: `${network}::/64`, now: at(T0, 100) });
    expect(sameNetwork).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("doubles the delay and caps it at 15 minutes", () => {
    expect([4, 5, 6, 7, 30, 100_000].map((n) => delayAfterFailures(n))).toEqual([0, 2, 4, 8, 900, 900]);
    expect([19, 20, 21].map((n) => delayAfterFailures(n, 20))).toEqual([0, 2, 4]);
  });
});

describe("old counters", () => {
  it("drops a counter last failed 25 hours ago at the next attempt, and keeps one from 23 hours ago", async () => {
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    const [forgotten, remembered] = [`account:${newAddress()} gone@test.voronka`, `account:${newAddress()} kept@test.voronka`];
    await testDb.db.insert(signInFailures).values([
      { key: forgotten, failures: 9, lastFailureAt: hoursAgo(25) },
      { key: remembered, failures: 9, lastFailureAt: hoursAgo(23) },
    ]);
    expect(outcome(await checkCredentials(testDb.db, f.users.bob.email, "wrong-password", { address: newAddress() }))).toBe("invalid");
    const left = await testDb.db.select({ key: signInFailures.key }).from(signInFailures).where(inArray(signInFailures.key, [forgotten, remembered]));
    expect(left.map((row) => row.key)).toEqual([remembered]);
  });
});

describe("compareEvery", () => {
  // A comparison that takes a known 40 ms, so that the padding can be seen apart from bcrypt's
  // speed on a busy machine.
  const slowCompare = (password: string, hash: string) => new Promise<boolean>((resolve) => setTimeout(() => resolve(password === hash), 40));
  const timed = async (hashes: string[]) => {
    const started = performance.now();
    const matches = await compareEvery("b", hashes, slowCompare);
    return { matches, ms: performance.now() - started };
  };

  it("compares with every account, and takes as long for none, one or two as for three", async () => {
    const [none, one, two, three] = [await timed([]), await timed(["b"]), await timed(["a", "b"]), await timed(["a", "b", "c"])];
    expect([none.matches, one.matches, two.matches, three.matches]).toEqual([[], [true], [false, true], [false, true, false]]);
    // At least the three comparisons' 120 ms each (less a timer's rounding); unpadded they would
    // take 40, 40, 80 and 120 ms. (No upper bound: a busy machine delays timers at will.)
    for (const { ms } of [none, one, two, three]) expect(ms).toBeGreaterThanOrEqual(115);
  });
});

describe("parallel attempts", () => {
  // PGlite runs one statement at a time, so there the attempts interleave at their awaits. On
  // PostgreSQL a second connection holds the counter's row while the attempts start, so they all
  // wait on it together and contend at the same instant once it is let go.
  async function race<T>(key: string, attempts: (() => Promise<T>)[]): Promise<T[]> {
    if (testDb.mode !== "postgres") return Promise.all(attempts.map((attempt) => attempt()));
    const holder = await createTestDb();
    try {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holding = holder.db.transaction(async (tx) => {
        await tx.execute(sql`select 1 from sign_in_failures where key = ${key} for update`);
        locked();
        await released;
      });
      await isLocked;
      const running = Promise.all(attempts.map((attempt) => attempt()));
      await waitForLockWaiters(holder.db, attempts.length, ['insert into "sign_in_failures"']);
      release();
      await holding;
      return await running;
    } finally {
      await holder.close();
    }
  }

  it("three wrong guesses sent at once when the wait ends: one is checked, two are refused", async () => {
    const email = f.users.carol.email;
    const address = newAddress();
    for (let i = 0; i < 5; i++) await checkCredentials(testDb.db, email, "guess", { address, now: T0 });
    const guesses = ["guess-a", "guess-b", "guess-c"].map((guess) => () => checkCredentials(testDb.db, email, guess, { address, now: at(T0, 2000) }));
    const results = await race(throttleKeys(email, address).account, guesses);
    expect(results.map(outcome).sort()).toEqual(["invalid", "throttled", "throttled"]);
  });

  it("three e-mails tried at once from an address whose wait ends: one is checked", async () => {
    const address = newAddress();
    await failuresFrom(address, 20, T0);
    const tries = ["a", "b", "c"].map((name) => () => checkCredentials(testDb.db, `${name}-${f.org.id}@test.voronka`, "123456", { address, now: at(T0, 2000) }));
    const results = await race(throttleKeys("-", address).address!, tries);
    expect(results.map(outcome).sort()).toEqual(["invalid", "throttled", "throttled"]);
  });
});
