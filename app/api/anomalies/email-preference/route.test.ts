// The viewer's own switch for anomaly e-mails through the API: a director reads it (on by default, no
// mail server in tests) and turns it off; a manager gets none, so may not ask; a bad body is a 400 that
// changes nothing; the e-mail's one-click link turns it off with no session, a forged one is a 400.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationSettings, users } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { anomalyUnsubscribeToken } from "@/lib/anomalies/mail-preference";
import { createApiToken } from "@/lib/auth/tokens";
import { POST as unsubscribePost } from "../unsubscribe/route";
import { GET, PUT } from "./route";

let testDb: TestDb;
let f: OrgFixture;
const token: Record<"admin" | "director" | "alice", string> = { admin: "", director: "", alice: "" };
const wantsMail = async (userId: string) => (await testDb.db.select({ on: users.anomalyEmails }).from(users).where(eq(users.id, userId)))[0].on;

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  for (const who of ["admin", "director", "alice"] as const) token[who] = (await createApiToken(testDb.db, { orgId: f.org.id, userId: f.users[who].id }, "test")).token;
});
afterAll(async () => {
  await testDb.close();
});

describe("/api/anomalies/email-preference", () => {
  it("a director reads the switch, turns it off and on; the company's switch is said", async () => {
    expect((await callRoute(GET, "/api/anomalies/email-preference", { as: { token: token.director } })).body).toEqual({ enabled: true, blockedBy: "no_smtp" });
    const off = await callRoute(PUT, "/api/anomalies/email-preference", { as: { token: token.director }, method: "PUT", body: { enabled: false } });
    expect([off.status, off.body]).toEqual([200, { enabled: false, blockedBy: "no_smtp" }]);
    expect(await wantsMail(f.users.director.id)).toBe(false);
    expect(await wantsMail(f.users.admin.id)).toBe(true);

    await testDb.db.insert(notificationSettings).values({ orgId: f.org.id, anomalyEmails: false });
    const on = await callRoute(PUT, "/api/anomalies/email-preference", { as: { token: token.director }, method: "PUT", body: { enabled: true } });
    expect(on.body).toEqual({ enabled: true, blockedBy: "organisation" });
  });

  it("refuses a manager, and a bad body changes nothing", async () => {
    const manager = await callRoute(PUT, "/api/anomalies/email-preference", { as: { token: token.alice }, method: "PUT", body: { enabled: false } });
    expect([manager.status, manager.body.error.code]).toEqual([403, "forbidden"]);
    for (const body of [{ enabled: "no" }, {}, { enabled: false, userId: f.users.director.id }]) {
      const bad = await callRoute(PUT, "/api/anomalies/email-preference", { as: { token: token.admin }, method: "PUT", body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    expect(await wantsMail(f.users.admin.id)).toBe(true);
  });

  it("the one-click link turns it off without a session; a forged one is a 400", async () => {
    const forged = await callRoute(unsubscribePost, `/api/anomalies/unsubscribe?token=${f.users.admin.id}.AAAA`, { method: "POST", body: "" });
    expect([forged.status, forged.body.error.code]).toEqual([400, "anomaly_unsubscribe_invalid"]);
    const done = await callRoute(unsubscribePost, `/api/anomalies/unsubscribe?token=${encodeURIComponent(anomalyUnsubscribeToken(f.users.admin.id))}`, { method: "POST", body: "List-Unsubscribe=One-Click" });
    expect([done.status, done.body]).toEqual([200, { email: f.users.admin.email, enabled: false }]);
    expect(await wantsMail(f.users.admin.id)).toBe(false);
  });
});
