import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { createOrgFixture, FIXTURE_PASSWORD, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { checkCredentials, delayAfterFailures } from "./sign-in";

let testDb: TestDb;
let f: OrgFixture;
beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
});
afterAll(() => testDb.close());

describe("checkCredentials", () => {
  it("accepts the right password whatever the e-mail's case", async () => {
    const result = await checkCredentials(testDb.db, f.users.alice.email.toUpperCase(), FIXTURE_PASSWORD);
    expect(result).toEqual({ ok: true, userId: f.users.alice.id });
  });

  it("refuses a wrong password, an unknown e-mail and a disabled user alike", async () => {
    expect(await checkCredentials(testDb.db, f.users.bob.email, "wrong-password")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials(testDb.db, `nobody-${f.org.id}@test.voronka`, FIXTURE_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    await testDb.db.update(users).set({ isActive: false }).where(eq(users.id, f.users.carol.id));
    expect(await checkCredentials(testDb.db, f.users.carol.email, FIXTURE_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });

  it("slows down repeated failures: after 5, the next attempt must wait 2 s, then 4 s", async () => {
    const email = f.users.director.email;
    const t0 = new Date("2030-01-01T10:00:00Z");
    for (let i = 0; i < 5; i++) expect((await checkCredentials(testDb.db, email, "guess", t0)).ok).toBe(false);
    // Even the right password is refused while the delay runs.
    const tooSoon = await checkCredentials(testDb.db, email, FIXTURE_PASSWORD, new Date(t0.getTime() + 1000));
    expect(tooSoon).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 1 });
    const sixth = await checkCredentials(testDb.db, email, "guess", new Date(t0.getTime() + 2000));
    expect(sixth).toEqual({ ok: false, reason: "invalid" });
    const throttled = await checkCredentials(testDb.db, email, FIXTURE_PASSWORD, new Date(t0.getTime() + 3000));
    expect(throttled).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 3 });
    // After the wait, the right password works and clears the counter.
    expect(await checkCredentials(testDb.db, email, FIXTURE_PASSWORD, new Date(t0.getTime() + 6000))).toEqual({ ok: true, userId: f.users.director.id });
    expect(await checkCredentials(testDb.db, email, "guess", new Date(t0.getTime() + 6001))).toEqual({ ok: false, reason: "invalid" });
  });

  it("doubles the delay and caps it at 15 minutes", () => {
    expect([4, 5, 6, 7, 30].map(delayAfterFailures)).toEqual([0, 2, 4, 8, 900]);
  });
});
