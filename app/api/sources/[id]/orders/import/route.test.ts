// Importing a shop's past orders as JSON lines: customers built as live orders build them (one per
// phone, whatever its spelling), bad lines refused by number, a second import changing nothing.
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, orders, sources } from "@/db/schema";
import { selectRows } from "@/db/migrate";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { POST } from "./route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
let shopId: string;
let otherShopId: string;
const token: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  b = await createOrgFixture(testDb.db);
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
  [{ id: shopId }] = await testDb.db.insert(sources).values({ orgId: a.org.id, kind: "shop", name: "Магазин", webhookSecret: "s".repeat(32) }).returning();
  [{ id: otherShopId }] = await testDb.db.insert(sources).values({ orgId: b.org.id, kind: "shop", name: "Чужой", webhookSecret: "t".repeat(32) }).returning();
});
afterAll(() => testDb.close());

const importInto = (sourceId: string, body: string, who = "admin", contentType = "application/x-ndjson") =>
  callRoute(POST, `/api/sources/${sourceId}/orders/import`, { as: { token: token[who] }, method: "POST", body, params: { id: sourceId }, headers: { "content-type": contentType } });

const order = (id: string, total: string, createdAt: string, customer: object) => JSON.stringify({ id, status: "completed", createdAt, total, currency: "KZT", customer });

// Six lines, CRLF: two orders of one person (the phone spelled two ways), a line without a total,
// an empty line, a line that is not JSON, an order of a person known by e-mail alone.
const FILE = [
  order("A-1", "10000", "2025-01-10T10:00:00+05:00", { name: "Айгерим", phone: "+7 701 111 22 33" }),
  order("A-2", "25000.50", "2025-02-10T10:00:00+05:00", { phone: "8 (701) 111-22-33" }),
  JSON.stringify({ id: "B-1", status: "new", createdAt: "2025-02-11T10:00:00+05:00", currency: "KZT" }),
  "",
  "{ not json",
  order("C-1", "5000", "2025-03-01T10:00:00+05:00", { name: "Ольга", email: "Olga@Example.kz" }),
].join("\r\n");

async function customersOfA() {
  return testDb.db
    .select({ phone: customers.phone, email: customers.email, name: customers.name, orderCount: customers.orderCount, completed: customers.completedOrderCount, totalSpent: customers.totalSpent })
    .from(customers)
    .where(eq(customers.orgId, a.org.id))
    .orderBy(asc(customers.totalSpent));
}

describe("POST /api/sources/<id>/orders/import", () => {
  it("imports the orders, builds one customer per person and names the refused lines", async () => {
    const answer = await importInto(shopId, FILE);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      lines: 6,
      imported: 3,
      rejected: 2,
      rejections: [
        { line: 3, reason: expect.stringMatching(/^total: /) },
        { line: 5, reason: "not JSON" },
      ],
    });
    expect(await customersOfA()).toEqual([
      { phone: null, email: "olga@example.kz", name: "Ольга", orderCount: 1, completed: 1, totalSpent: "5000.00" },
      // 10 000 + 25 000.50, both completed, one person: +77011112233 however it was written
      { phone: "+77011112233", email: null, name: "Айгерим", orderCount: 2, completed: 2, totalSpent: "35000.50" },
    ]);
  });

  it("changes nothing when the same file comes again", async () => {
    const before = await testDb.db.select().from(orders).where(eq(orders.sourceId, shopId)).orderBy(asc(orders.externalId));
    // The rows' transaction ids: a row written again, even with equal values, gets a new one.
    const versions = () => selectRows<{ xmin: string }>(testDb.db, sql`select xmin::text as xmin from orders where source_id = ${shopId} order by external_id`);
    const versionsBefore = await versions();
    const again = await importInto(shopId, FILE);
    expect(await versions()).toEqual(versionsBefore);
    expect(again.body).toMatchObject({ imported: 3, rejected: 2 });
    expect(await testDb.db.select().from(orders).where(eq(orders.sourceId, shopId)).orderBy(asc(orders.externalId))).toEqual(before);
    expect((await customersOfA()).map((c) => [c.orderCount, c.totalSpent])).toEqual([
      [1, "5000.00"],
      [2, "35000.50"],
    ]);
  });

  it("lets a newer version of an order replace the imported one", async () => {
    const newer = JSON.stringify({ id: "C-1", status: "cancelled", createdAt: "2025-03-01T10:00:00+05:00", updatedAt: "2025-03-05T10:00:00+05:00", total: "5000", currency: "KZT", customer: { email: "olga@example.kz" } });
    expect((await importInto(shopId, newer)).body).toMatchObject({ lines: 1, imported: 1, rejected: 0 });
    const [olga] = await testDb.db.select().from(customers).where(and(eq(customers.orgId, a.org.id), eq(customers.email, "olga@example.kz")));
    expect([olga.completedOrderCount, olga.totalSpent]).toEqual([0, "0.00"]);
  });

  it("refuses a source that is not a shop, another organisation's source, a director and a body that is not JSON lines", async () => {
    const crm = await importInto(a.source.id, FILE);
    expect(crm).toMatchObject({ status: 400, body: { error: { code: "orders_import_not_shop" } } });
    expect((await importInto(otherShopId, FILE)).status).toBe(404);
    expect((await importInto(shopId, FILE, "director")).status).toBe(403);
    expect(await importInto(shopId, FILE, "admin", "text/plain")).toMatchObject({ status: 415, body: { error: { code: "unsupported_media_type" } } });
    expect((await importInto("not-a-uuid", FILE)).status).toBe(400);
    expect(await testDb.db.select().from(orders).where(eq(orders.sourceId, otherShopId))).toEqual([]);
  });
});
