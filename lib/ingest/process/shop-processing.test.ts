import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, orders, webhookEvents } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { storeInboxEvent } from "../receive/inbox";
import { shopBody, type ShopOrderInput } from "../test/bodies";
import { createWebhookSources, type TestSources } from "../test/sources";
import { drainInbox } from "./drain";

let testDb: TestDb;
let s: TestSources;

beforeAll(async () => {
  testDb = await createTestDb();
  const fixture = await createOrgFixture(testDb.db);
  s = await createWebhookSources(testDb.db, fixture.org.id);
});
afterAll(() => testDb.close());

async function deliver(event: string, order: ShopOrderInput | { id: string; updatedAt?: string }) {
  const id = await storeInboxEvent(testDb.db, { orgId: s.shop.orgId, sourceId: s.shop.id, eventType: event, contentType: "application/json", headers: {}, body: shopBody(event, order), status: "pending" });
  return id;
}
const orderRow = async (externalId: string) => (await testDb.db.select().from(orders).where(and(eq(orders.sourceId, s.shop.id), eq(orders.externalId, externalId))))[0];
const customerByPhone = async (phone: string) => (await testDb.db.select().from(customers).where(and(eq(customers.orgId, s.shop.orgId), eq(customers.phone, phone))))[0];
const eventRow = async (id: number) => (await testDb.db.select().from(webhookEvents).where(eq(webhookEvents.id, id)))[0];

describe("processing shop orders", () => {
  const base = { createdAt: "2026-11-01T10:00:00+05:00", currency: "KZT", customer: { name: "Асель", phone: "8 (701) 123-45-67", email: "Asel@Example.kz" } };

  it("applies a new order once even when it is delivered twice, and marks both deliveries done", async () => {
    const first = await deliver("order.created", { ...base, id: "D-1", total: "15000", status: "completed", updatedAt: "2026-11-01T10:00:00+05:00" });
    const again = await deliver("order.created", { ...base, id: "D-1", total: "15000", status: "completed", updatedAt: "2026-11-01T10:00:00+05:00" });
    const result = await drainInbox(testDb.db, { orgId: s.shop.orgId });
    expect(result).toMatchObject({ done: 2, failed: 0, dead: 0 });
    expect((await eventRow(first)).status).toBe("done");
    expect((await eventRow(again)).status).toBe("done");
    const count = await testDb.db.select().from(orders).where(and(eq(orders.sourceId, s.shop.id), eq(orders.externalId, "D-1")));
    expect(count).toHaveLength(1);
    expect(count[0]).toMatchObject({ total: "15000.00", phone: "+77011234567", email: "asel@example.kz", status: "completed" });
    // One completed order of 15 000: total 15 000, average 15 000 / 1.
    expect(await customerByPhone("+77011234567")).toMatchObject({ orderCount: 1, completedOrderCount: 1, totalSpent: "15000.00", averageCheck: "15000.00" });
  });

  it("keeps the newer version when an older update arrives after it (newest wins on updatedAt)", async () => {
    await deliver("order.updated", { ...base, id: "D-2", total: "9000", status: "completed", updatedAt: "2026-11-03T12:00:00+05:00" });
    await deliver("order.updated", { ...base, id: "D-2", total: "7000", status: "paid", updatedAt: "2026-11-02T12:00:00+05:00" });
    await drainInbox(testDb.db, { orgId: s.shop.orgId });
    expect(await orderRow("D-2")).toMatchObject({ total: "9000.00", status: "completed" });
  });

  it("removes a deleted order from the customer's figures, and a delete that arrives first wins over the older create", async () => {
    await deliver("order.created", { ...base, id: "D-3", total: "5000", status: "completed", updatedAt: "2026-11-04T09:00:00+05:00" });
    await drainInbox(testDb.db, { orgId: s.shop.orgId });
    // D-1 15 000 + D-2 9 000 + D-3 5 000 = 29 000 over 3 completed orders.
    expect(await customerByPhone("+77011234567")).toMatchObject({ completedOrderCount: 3, totalSpent: "29000.00" });
    await deliver("order.deleted", { id: "D-3", updatedAt: "2026-11-05T09:00:00+05:00" });
    await drainInbox(testDb.db, { orgId: s.shop.orgId });
    expect((await orderRow("D-3")).deletedAt).not.toBeNull();
    // Without D-3: 15 000 + 9 000 = 24 000 over 2; average 12 000.
    expect(await customerByPhone("+77011234567")).toMatchObject({ completedOrderCount: 2, totalSpent: "24000.00", averageCheck: "12000.00" });

    await deliver("order.deleted", { id: "D-4", updatedAt: "2026-11-06T09:00:00+05:00" });
    await deliver("order.created", { ...base, id: "D-4", total: "1000000", status: "completed", updatedAt: "2026-11-05T09:00:00+05:00" });
    await drainInbox(testDb.db, { orgId: s.shop.orgId });
    expect((await orderRow("D-4")).deletedAt).not.toBeNull();
    expect((await customerByPhone("+77011234567")).totalSpent).toBe("24000.00");
  });

  it("rejects (without retrying) a stored body that cannot be an order", async () => {
    const id = await storeInboxEvent(testDb.db, { orgId: s.shop.orgId, sourceId: s.shop.id, eventType: "order.created", contentType: "application/json", headers: {}, body: "{}", status: "pending" });
    await drainInbox(testDb.db, { orgId: s.shop.orgId });
    expect(await eventRow(id)).toMatchObject({ status: "rejected", attempts: 1 });
  });

  it("lets three processors drain side by side and applies each of 60 deliveries exactly once", async () => {
    const phone = "+77019990000";
    for (let i = 0; i < 30; i++) {
      const order = { ...base, id: `P-${i}`, total: "100", status: "completed", updatedAt: "2026-11-07T09:00:00+05:00", customer: { phone } };
      await deliver("order.created", order);
      await deliver("order.created", order); // every delivery twice, as a retrying shop would
    }
    const results = await Promise.all([drainInbox(testDb.db, { orgId: s.shop.orgId }), drainInbox(testDb.db, { orgId: s.shop.orgId }), drainInbox(testDb.db, { orgId: s.shop.orgId })]);
    // 30 orders × 2 deliveries = 60 events, each taken by exactly one processor.
    expect(results.reduce((sum, r) => sum + r.done, 0)).toBe(60);
    // 30 completed orders of 100 = 3 000.
    expect(await customerByPhone(phone)).toMatchObject({ completedOrderCount: 30, totalSpent: "3000.00", category: "vip" });
  });
});
