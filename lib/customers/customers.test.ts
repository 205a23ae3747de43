// The customers rules, driven through the real path: shop webhook → inbox → processor → customer.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, orders } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { drainInbox } from "@/lib/ingest/process/drain";
import { storeInboxEvent } from "@/lib/ingest/receive/inbox";
import { shopBody, type ShopOrderInput } from "@/lib/ingest/test/bodies";
import { createWebhookSources, type TestSources } from "@/lib/ingest/test/sources";
import { categoryOf, DEFAULT_CUSTOMER_SETTINGS } from "./categorize";
import { normalizePhone } from "./normalize";
import { rebuildCustomers } from "./rebuild";
import { saveCustomerSettings } from "./settings";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

async function shopOrg() {
  const fixture = await createOrgFixture(testDb.db);
  const sources = await createWebhookSources(testDb.db, fixture.org.id);
  return { fixture, sources };
}
async function order(s: TestSources, input: Partial<ShopOrderInput> & { id: string }, event = "order.created") {
  const full: ShopOrderInput = { createdAt: daysAgo(1), total: "1000", status: "completed", ...input };
  await storeInboxEvent(testDb.db, { orgId: s.shop.orgId, sourceId: s.shop.id, eventType: event, contentType: "application/json", headers: {}, body: shopBody(event, full), status: "pending" });
}
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const customersOf = (fixture: OrgFixture) => testDb.db.select().from(customers).where(eq(customers.orgId, fixture.org.id));

describe("phone numbers", () => {
  it("reads local and international forms of one number as the same E.164 (KZ, RU)", () => {
    expect(normalizePhone("8 (701) 123-45-67", "KZ")).toBe("+77011234567");
    expect(normalizePhone("+7 701 1234567", "KZ")).toBe("+77011234567");
    expect(normalizePhone("87011234567", "KZ")).toBe("+77011234567");
    expect(normalizePhone("8 (916) 555-12-34", "RU")).toBe("+79165551234");
    expect(normalizePhone("not a phone", "KZ")).toBeNull();
  });
});

describe("customers from orders", () => {
  it("makes one customer of three orders with different spellings of one phone, and fills name and e-mail only where empty", async () => {
    const { fixture, sources: s } = await shopOrg();
    await order(s, { id: "1", total: "10000", createdAt: daysAgo(30), customer: { phone: "8 (701) 123-45-67" } });
    await order(s, { id: "2", total: "20000", createdAt: daysAgo(20), customer: { phone: "+7 701 1234567", name: "Асель Нурланова", email: "ASEL@mail.kz" } });
    await order(s, { id: "3", total: "4000", status: "cancelled", createdAt: daysAgo(10), customer: { phone: "87011234567", name: "Асель Н.", email: "other@mail.kz" } });
    await drainInbox(testDb.db, { orgId: fixture.org.id });
    const rows = await customersOf(fixture);
    expect(rows).toHaveLength(1);
    // Completed: 10 000 + 20 000 = 30 000 over 2 orders → average 15 000; the cancelled 4 000 does not count.
    expect(rows[0]).toMatchObject({ phone: "+77011234567", orderCount: 2, completedOrderCount: 2, totalSpent: "30000.00", averageCheck: "15000.00", category: "new" });
    // The name came from order 2 (order 1 had none) and is not replaced by order 3's spelling.
    expect(rows[0]).toMatchObject({ name: "Асель Нурланова", email: "asel@mail.kz" });
    expect(rows[0].firstOrderAt?.toISOString().slice(0, 10)).toBe(daysAgo(30).slice(0, 10));
    expect(rows[0].lastOrderAt?.toISOString().slice(0, 10)).toBe(daysAgo(20).slice(0, 10));
  });

  it("knows a customer without a phone by the lower-cased e-mail", async () => {
    const { fixture, sources: s } = await shopOrg();
    await order(s, { id: "1", total: "500", customer: { email: "Buyer@Example.com", name: "Buyer" } });
    await order(s, { id: "2", total: "700", customer: { email: "buyer@example.COM" } });
    await drainInbox(testDb.db, { orgId: fixture.org.id });
    const rows = await customersOf(fixture);
    expect(rows).toHaveLength(1);
    // 500 + 700 = 1 200 over 2 completed orders.
    expect(rows[0]).toMatchObject({ phone: null, email: "buyer@example.com", completedOrderCount: 2, totalSpent: "1200.00", averageCheck: "600.00" });
  });

  it("categorises: regular at 3 completed, VIP at 10 completed or at the total threshold, inactive after 180 days", async () => {
    const { fixture, sources: s } = await shopOrg();
    const phones = { two: "+77010000002", three: "+77010000003", ten: "+77010000010", rich: "+77010000099", nearly: "+77010000098", old: "+77010000181", recent: "+77010000179" };
    let n = 0;
    const many = async (phone: string, count: number, total: string, ageDays = 5) => {
      for (let i = 0; i < count; i++) await order(s, { id: `o${++n}`, total, createdAt: daysAgo(ageDays + i), customer: { phone } });
    };
    await many(phones.two, 2, "1000");
    await many(phones.three, 3, "1000");
    await many(phones.ten, 10, "100");
    await many(phones.rich, 1, "100000");
    await many(phones.nearly, 1, "99999.99");
    await many(phones.old, 1, "500000", 181);
    await many(phones.recent, 1, "100", 179);
    await drainInbox(testDb.db, { orgId: fixture.org.id });
    const by = Object.fromEntries((await customersOf(fixture)).map((c) => [c.phone, c]));
    expect(by[phones.two].category).toBe("new"); // 2 completed < 3
    expect(by[phones.three].category).toBe("regular"); // 3 completed
    expect(by[phones.ten]).toMatchObject({ category: "vip", totalSpent: "1000.00" }); // 10 completed, 10 × 100 = 1 000
    expect(by[phones.rich].category).toBe("vip"); // 100 000 ≥ 100 000
    expect(by[phones.nearly].category).toBe("new"); // 99 999.99 < 100 000
    expect(by[phones.old].category).toBe("inactive"); // last order 181 days ago > 180
    expect(by[phones.recent].category).toBe("new"); // 179 days ago is still active

    // The admin lowers the VIP threshold to 2 000 and shortens "inactive" to 170 days; a rebuild applies it.
    await saveCustomerSettings(testDb.db, fixture.org.id, { vipTotalThreshold: 2000, inactiveDays: 170 });
    const report = await rebuildCustomers(testDb.db, { orgId: fixture.org.id });
    expect(report).toMatchObject({ customers: 7, failed: [] });
    const after = Object.fromEntries((await customersOf(fixture)).map((c) => [c.phone, c.category]));
    expect(after[phones.two]).toBe("vip"); // 2 × 1 000 = 2 000 ≥ 2 000
    expect(after[phones.recent]).toBe("inactive"); // 179 days > 170
  });

  it("converts other currencies to the base currency at the rate of the order's day", async () => {
    const { fixture, sources: s } = await shopOrg();
    await fixture.addRate("USD", "2026-01-01", "500");
    await order(s, { id: "u1", total: "100", currency: "USD", createdAt: daysAgo(3), customer: { phone: "+77015550000" } });
    await order(s, { id: "k1", total: "25000", createdAt: daysAgo(2), customer: { phone: "+77015550000" } });
    await drainInbox(testDb.db, { orgId: fixture.org.id });
    const [row] = await customersOf(fixture);
    // 100 USD × 500 = 50 000 ₸, + 25 000 ₸ = 75 000 ₸; average 37 500.
    expect(row).toMatchObject({ totalSpent: "75000.00", averageCheck: "37500.00" });
  });

  it("rebuild links orders that have no customer and reports every customer it recomputed", async () => {
    const { fixture, sources: s } = await shopOrg();
    await testDb.db.insert(orders).values([
      { orgId: fixture.org.id, sourceId: s.shop.id, externalId: "legacy-1", status: "completed", phone: "8 701 777 66 55", total: "3000", currency: "KZT", createdAt: new Date(daysAgo(4)) },
      { orgId: fixture.org.id, sourceId: s.shop.id, externalId: "legacy-2", status: "completed", phone: "+77017776655", total: "2000", currency: "KZT", createdAt: new Date(daysAgo(3)) },
    ]);
    const report = await rebuildCustomers(testDb.db, { orgId: fixture.org.id });
    expect(report).toMatchObject({ linkedOrders: 2, customers: 1, failed: [] });
    const [row] = await customersOf(fixture);
    // 3 000 + 2 000 = 5 000 over 2.
    expect(row).toMatchObject({ phone: "+77017776655", completedOrderCount: 2, totalSpent: "5000.00", averageCheck: "2500.00" });
    const linked = await testDb.db.select().from(orders).where(and(eq(orders.orgId, fixture.org.id), eq(orders.customerId, row.id)));
    expect(linked).toHaveLength(2);
  });
});

describe("categoryOf", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  it("puts inactive before VIP: a VIP who stopped buying is someone to win back", () => {
    const lastOrderAt = new Date("2025-11-01T00:00:00Z"); // 212 days before
    expect(categoryOf({ completedOrderCount: 12, totalSpent: "500000", lastOrderAt }, DEFAULT_CUSTOMER_SETTINGS, now)).toBe("inactive");
  });
});
