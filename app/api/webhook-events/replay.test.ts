// The Webhooks page's two replays as routes: one event, or every dead event of a source, back into
// the queue — only the caller's organisation's, admins only; a bad or foreign id changes nothing.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { webhookEvents } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { storeInboxEvent } from "@/lib/ingest/receive/inbox";
import { createWebhookSources, type TestSources } from "@/lib/ingest/test/sources";
import { POST as replayDead } from "../sources/[id]/replay-dead/route";
import { POST as replayOne } from "./[id]/replay/route";

// The processor itself is tested in lib/ingest; here it is only asked to run.
const kick = vi.hoisted(() => vi.fn());
vi.mock("@/lib/ingest/process/kick", () => ({ kickProcessor: kick }));

let testDb: TestDb;
let a: OrgFixture;
let s: TestSources;
let other: TestSources;
const token: Record<string, string> = {};

async function deadEvent(sources: TestSources) {
  const id = await storeInboxEvent(testDb.db, { orgId: sources.shop.orgId, sourceId: sources.shop.id, eventType: "order.created", contentType: "application/json", headers: {}, body: "{}", status: "pending" });
  await testDb.db.update(webhookEvents).set({ status: "dead", attempts: 10, lastError: "boom" }).where(eq(webhookEvents.id, id));
  return id;
}
const statusOf = async (id: number) => (await testDb.db.select({ status: webhookEvents.status }).from(webhookEvents).where(eq(webhookEvents.id, id)))[0].status;
const one = (id: string, who = "admin") => callRoute(replayOne, `/api/webhook-events/${id}/replay`, { as: { token: token[who] }, method: "POST", params: { id } });
const dead = (sourceId: string, who = "admin") => callRoute(replayDead, `/api/sources/${sourceId}/replay-dead`, { as: { token: token[who] }, method: "POST", params: { id: sourceId } });

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  s = await createWebhookSources(testDb.db, a.org.id);
  other = await createWebhookSources(testDb.db, (await createOrgFixture(testDb.db)).org.id);
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
});
afterAll(() => testDb.close());

describe("POST /api/webhook-events/<id>/replay", () => {
  it("puts a dead event back into the queue and asks the processor to run", async () => {
    const id = await deadEvent(s);
    kick.mockClear();
    expect(await one(String(id))).toEqual({ status: 200, body: { replayed: id } });
    expect(await statusOf(id)).toBe("pending");
    expect(kick).toHaveBeenCalledTimes(1);
  });

  it("answers 404 for another organisation's event and 400 for an id that is not a number, changing nothing", async () => {
    const foreign = await deadEvent(other);
    expect((await one(String(foreign))).status).toBe(404);
    expect(await statusOf(foreign)).toBe("dead");
    expect((await one("abc")).body.error).toMatchObject({ code: "validation_error" });
  });

  it("refuses a director", async () => {
    const id = await deadEvent(s);
    expect((await one(String(id), "director")).status).toBe(403);
    expect(await statusOf(id)).toBe("dead");
  });
});

describe("POST /api/sources/<id>/replay-dead", () => {
  it("puts the source's 2 dead events back and says 2, leaving another organisation's dead event dead", async () => {
    await testDb.db.update(webhookEvents).set({ status: "done" }).where(eq(webhookEvents.orgId, a.org.id));
    const ids = [await deadEvent(s), await deadEvent(s)];
    const foreign = await deadEvent(other);
    expect(await dead(s.shop.id)).toEqual({ status: 200, body: { replayed: 2 } });
    expect(await Promise.all(ids.map(statusOf))).toEqual(["pending", "pending"]);
    expect((await dead(other.shop.id)).body).toEqual({ replayed: 0 });
    expect(await statusOf(foreign)).toBe("dead");
  });

  it("answers 400 for a source id that is not a uuid and refuses a director", async () => {
    expect((await dead("not-a-uuid")).status).toBe(400);
    expect((await dead(s.shop.id, "director")).status).toBe(403);
  });
});
