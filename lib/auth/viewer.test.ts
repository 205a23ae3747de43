// A session cookie cannot be revoked, so the server ends sessions: a sign-out records the session's
// id (the person's other devices go on), a new password sets sessions_valid_after, and a session
// that ended either way no longer yields a viewer.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { setUserPassword } from "@/lib/users/set-user-password";
import { endSession, newSessionClaims } from "./sessions";
import { loadViewer, type Viewer } from "./viewer";

let testDb: TestDb;
let f: OrgFixture;

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
});
afterAll(() => testDb.close());

describe("loadViewer and ended sessions", () => {
  it("refuses a session that signed in before sessions_valid_after, keeps a later one and API tokens", async () => {
    const endedAt = new Date("2026-01-10T12:00:00Z");
    await testDb.db.update(users).set({ sessionsValidAfter: endedAt }).where(eq(users.id, f.users.alice.id));
    // One second before the sign-out: that session is over.
    expect(await loadViewer(testDb.db, f.users.alice.id, { signedInAt: endedAt.getTime() - 1000, sessionId: null })).toBeNull();
    // A cookie from before this rule (no sign-in time) is over too.
    expect(await loadViewer(testDb.db, f.users.alice.id, { signedInAt: null, sessionId: null })).toBeNull();
    // Signed in again afterwards: fine.
    expect((await loadViewer(testDb.db, f.users.alice.id, { signedInAt: endedAt.getTime() + 1000, sessionId: null }))?.userId).toBe(f.users.alice.id);
    // An API token is not a session: its own revocation governs it.
    expect((await loadViewer(testDb.db, f.users.alice.id))?.userId).toBe(f.users.alice.id);
  });

  it("signing out ends that session only: the same person's session on another device goes on", async () => {
    const laptop = newSessionClaims();
    const phone = newSessionClaims();
    await endSession(testDb.db, f.users.director.id, laptop);
    expect(await loadViewer(testDb.db, f.users.director.id, laptop)).toBeNull();
    expect((await loadViewer(testDb.db, f.users.director.id, phone))?.userId).toBe(f.users.director.id);
    // Signing out twice (a double click) is the same sign-out.
    await endSession(testDb.db, f.users.director.id, laptop);
    expect(await loadViewer(testDb.db, f.users.director.id, laptop)).toBeNull();
  });

  it("signing out a cookie from before sessions had ids ends all of the person's sessions, as it did then", async () => {
    const signedIn = Date.now() - 60_000;
    const withId = { ...newSessionClaims(), signedInAt: signedIn };
    await endSession(testDb.db, f.users.carol.id, { signedInAt: signedIn, sessionId: null });
    expect(await loadViewer(testDb.db, f.users.carol.id, { signedInAt: signedIn, sessionId: null })).toBeNull();
    expect(await loadViewer(testDb.db, f.users.carol.id, withId)).toBeNull();
    // A session that signs in afterwards works.
    expect((await loadViewer(testDb.db, f.users.carol.id, newSessionClaims(Date.now() + 1000)))?.userId).toBe(f.users.carol.id);
  });

  it("a user who never signed out keeps every session", async () => {
    expect((await loadViewer(testDb.db, f.users.bob.id, { signedInAt: 0, sessionId: null }))?.userId).toBe(f.users.bob.id);
  });

  it("a password set by an admin ends the person's sessions, not the admin's own", async () => {
    const admin = (await loadViewer(testDb.db, f.users.admin.id)) as Viewer;
    const signedIn = Date.now() - 1000;
    await setUserPassword(testDb.db, admin, f.users.carol.id, "a-new-password-123");
    expect(await loadViewer(testDb.db, f.users.carol.id, { signedInAt: signedIn, sessionId: null })).toBeNull();
    await setUserPassword(testDb.db, admin, f.users.admin.id, "another-password-456");
    expect((await loadViewer(testDb.db, f.users.admin.id, { signedInAt: signedIn, sessionId: null }))?.userId).toBe(f.users.admin.id);
  });
});
