import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookEvents } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { NotFoundError } from "@/lib/errors";
import { inboxStats, successRate } from "../inbox-stats";
import { storeInboxEvent, type InboxStatus } from "../receive/inbox";
import { createWebhookSources, type TestSources } from "../test/sources";
import { eventFiltersSchema, getEvent, listEvents, replayDeadEvents, replayEvent } from "./events";
import { inboundWebhookUrl } from "@/lib/sources/inbound-url";

let testDb: TestDb;
let s: TestSources;
let other: TestSources;

beforeAll(async () => {
  testDb = await createTestDb();
  s = await createWebhookSources(testDb.db, (await createOrgFixture(testDb.db)).org.id);
  other = await createWebhookSources(testDb.db, (await createOrgFixture(testDb.db)).org.id);
});
afterAll(() => testDb.close());

async function event(sources: TestSources, status: InboxStatus | "done" | "dead" | "failed", eventType = "order.created") {
  const id = await storeInboxEvent(testDb.db, { orgId: sources.shop.orgId, sourceId: sources.shop.id, eventType, contentType: "application/json", headers: {}, body: "{}", status: "pending" });
  if (status !== "pending") await testDb.db.update(webhookEvents).set({ status, attempts: status === "dead" ? 10 : 1, lastError: status === "done" ? null : "boom" }).where(eq(webhookEvents.id, id));
  return id;
}
const statusOf = async (id: number) => (await testDb.db.select().from(webhookEvents).where(eq(webhookEvents.id, id)))[0];

describe("the admin's inbox", () => {
  it("counts the last 24 hours by status with a success rate of handled over judged", async () => {
    for (const status of ["done", "done", "done", "ignored", "rejected", "dead", "pending"] as const) await event(s, status);
    const [stats] = await inboxStats(testDb.db, s.shop.orgId);
    expect(stats.counts).toMatchObject({ done: 3, ignored: 1, rejected: 1, dead: 1, pending: 1 });
    // (3 done + 1 ignored) / (3 + 1 + 1 rejected + 1 dead) = 4 / 6; pending is not judged yet.
    expect(stats.successRate).toBeCloseTo(4 / 6, 10);
    expect(successRate({ pending: 2, processing: 0, done: 0, rejected: 0, ignored: 0, failed: 0, dead: 0 })).toBeNull();
  });

  it("filters by source, status and type, and never shows another organisation's events", async () => {
    const mine = await event(s, "dead", "order.deleted");
    const theirs = await event(other, "dead", "order.deleted");
    const dead = await listEvents(testDb.db, s.shop.orgId, eventFiltersSchema.parse({ status: "dead", type: "deleted" }));
    expect(dead.rows.map((r) => r.id)).toEqual([mine]);
    expect(dead.total).toBe(1);
    expect(await getEvent(testDb.db, s.shop.orgId, theirs)).toBeNull();
    const bad = eventFiltersSchema.parse({ status: "weird", source: "x", page: "-3" });
    expect(bad).toEqual({ page: 1 });
  });

  it("replays one event and all dead events of a source back into the queue, not another organisation's", async () => {
    const a = await event(s, "dead");
    const b = await event(s, "dead");
    const failed = await event(s, "failed");
    const theirs = await event(other, "dead");
    await replayEvent(testDb.db, s.shop.orgId, failed);
    expect(await statusOf(failed)).toMatchObject({ status: "pending", attempts: 0, lastError: null });
    await expect(replayEvent(testDb.db, s.shop.orgId, theirs)).rejects.toBeInstanceOf(NotFoundError);
    // Dead in this org's shop source: a, b and the two from the tests above.
    expect(await replayDeadEvents(testDb.db, s.shop.orgId, s.shop.id)).toBe(4);
    expect((await statusOf(a)).status).toBe("pending");
    expect((await statusOf(b)).status).toBe("pending");
    expect(await replayDeadEvents(testDb.db, s.shop.orgId, other.shop.id)).toBe(0);
    expect((await statusOf(theirs)).status).toBe("dead");
  });

  it("shows a Bitrix24 body with its tokens masked, even one stored before every spelling of the key was masked", async () => {
    const body = `event=ONCRMDEALADD&data%5BFIELDS%5D%5BID%5D=9&auth%5Bapplication%5Ftoken%5D=${s.bitrixToken}`;
    const id = await storeInboxEvent(testDb.db, { orgId: s.bitrix.orgId, sourceId: s.bitrix.id, eventType: "ONCRMDEALADD", contentType: "application/x-www-form-urlencoded", headers: {}, body, status: "pending" });
    const shown = await getEvent(testDb.db, s.bitrix.orgId, id);
    expect(shown?.event.body).toBe("event=ONCRMDEALADD&data%5BFIELDS%5D%5BID%5D=9&auth%5Bapplication%5Ftoken%5D=***");
  });

  it("builds each sender's address; amoCRM's carries its secret, shown only when asked for", () => {
    expect(inboundWebhookUrl("https://v.example.com/", s.shop, "shown")).toBe(`https://v.example.com/api/webhooks/shop/${s.shop.id}`);
    expect(inboundWebhookUrl("https://v.example.com", s.amo, "shown")).toBe(`https://v.example.com/api/webhooks/amocrm/${s.amo.id}/${s.amo.webhookSecret}`);
    expect(inboundWebhookUrl("https://v.example.com", s.amo, "hidden")).toBe(`https://v.example.com/api/webhooks/amocrm/${s.amo.id}/••••••••`);
    expect(inboundWebhookUrl("https://v.example.com", { ...s.amo, webhookSecret: "a/b+c" }, "shown")).toBe(`https://v.example.com/api/webhooks/amocrm/${s.amo.id}/a%2Fb%2Bc`);
    expect(inboundWebhookUrl("https://v.example.com", s.bitrix, "shown")).toBe(`https://v.example.com/api/webhooks/bitrix24/${s.bitrix.id}`);
  });
});
