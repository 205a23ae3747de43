// The in-process kick (PGlite, tests, or while the processor thread is down): it drains after the
// caller returns, only the organisations it was kicked for (never another test's events in a shared
// database), and tests can wait for it to finish.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookEvents } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { storeInboxEvent } from "../receive/inbox";
import { shopBody } from "../test/bodies";
import { createWebhookSources, type TestSources } from "../test/sources";
import { kickProcessor, processorIdle } from "./kick";

let testDb: TestDb;
let a: TestSources;
let b: TestSources;

beforeAll(async () => {
  testDb = await createTestDb();
  a = await createWebhookSources(testDb.db, (await createOrgFixture(testDb.db)).org.id);
  b = await createWebhookSources(testDb.db, (await createOrgFixture(testDb.db)).org.id);
});
afterAll(async () => {
  await processorIdle(testDb.db);
  await testDb.close();
});

const deliver = (s: TestSources, id: string) =>
  storeInboxEvent(testDb.db, {
    orgId: s.shop.orgId,
    sourceId: s.shop.id,
    eventType: "order.created",
    contentType: "application/json",
    headers: {},
    body: shopBody("order.created", { id, status: "completed", total: "100", createdAt: "2026-11-10T10:00:00+05:00" }),
    status: "pending",
  });
const statusOf = async (id: number) => (await testDb.db.select({ status: webhookEvents.status }).from(webhookEvents).where(eq(webhookEvents.id, id)))[0].status;

describe("the in-process kick", () => {
  it("drains only the kicked organisation, after returning, and processorIdle waits for it", async () => {
    const mine = await deliver(a, "K-1");
    const theirs = await deliver(b, "K-2");
    kickProcessor(testDb.db, a.shop.orgId);
    expect(await statusOf(mine)).toBe("pending"); // nothing ran while the caller was answering
    await processorIdle(testDb.db);
    expect(await statusOf(mine)).toBe("done");
    expect(await statusOf(theirs)).toBe("pending");

    // A kick for another organisation while a drain runs is taken by the same run, once it is done.
    const again = await deliver(a, "K-3");
    kickProcessor(testDb.db, a.shop.orgId);
    kickProcessor(testDb.db, b.shop.orgId);
    await processorIdle(testDb.db);
    expect([await statusOf(again), await statusOf(theirs)]).toEqual(["done", "done"]);
  });
});
