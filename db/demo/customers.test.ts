// The demo's customers are what the product computes from the demo's orders (issue 14 item 8): the
// figures and categories are checked here against the orders with SQL of its own, which spells out
// the documented rules (docs/customers.md) instead of importing the product's.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { selectRows } from "../migrate";
import { createTestDb, type TestDb } from "../test/test-db";
import { deleteOrganisation } from "./remove";
import { seedDemo } from "./index";

const NOW = new Date("2025-11-20T10:30:00Z");
const DEALS = 300; // 120 customers (0.4 per deal)

let testDb: TestDb;
let orgId: string;
const rows = <T>(query: ReturnType<typeof sql>) => selectRows<T>(testDb.db, query);

beforeAll(async () => {
  testDb = await createTestDb();
  ({ orgId } = await seedDemo(testDb.db, { deals: DEALS, seed: 16, now: NOW, emailDomain: `customers-${randomUUID().slice(0, 8)}.test` }));
}, 120_000);
afterAll(async () => {
  if (orgId) await deleteOrganisation(testDb.db, orgId);
  await testDb.close();
});

/**
 * Each customer's figures from their orders, by the documented rules: completed = status
 * "completed", counted = not cancelled, money = completed totals (all demo orders are in ₸, the
 * base currency), inactive after 180 days without an order, then VIP at 10 completed orders or
 * 100 000 ₸, regular at 3 completed orders, else new.
 */
const expectedFromOrders = () => sql`
  with o as (
    select customer_id,
           count(*) filter (where status <> 'cancelled')::int as orders,
           count(*) filter (where status = 'completed')::int as completed,
           coalesce(sum(total) filter (where status = 'completed'), 0) as spent,
           max(created_at) filter (where status <> 'cancelled') as last_at
    from orders where org_id = ${orgId} and deleted_at is null group by customer_id)
  select c.id, c.order_count, c.completed_order_count, c.total_spent, c.average_check, c.category::text as category,
         o.orders, o.completed, o.spent,
         case when o.completed > 0 then round(o.spent / o.completed, 2) else 0 end as average,
         case when ${NOW.toISOString()}::timestamptz - o.last_at > interval '180 days' then 'inactive'
              when o.completed >= 10 or o.spent >= 100000 then 'vip'
              when o.completed >= 3 then 'regular'
              else 'new' end as expected_category
  from customers c join o on o.customer_id = c.id
  where c.org_id = ${orgId}`;

it("writes only statuses the documented rules name, all in the base currency, each order with its customer", async () => {
  const statuses = await rows<{ status: string }>(sql`select distinct status from orders where org_id = ${orgId} order by status`);
  // The demo also writes "new" for orders of the last day; this history has none.
  expect(statuses.map((s) => s.status)).toEqual(["cancelled", "completed", "paid", "shipped"]);
  const [check] = await rows<{ orders: number; notKzt: number; withoutCustomer: number }>(sql`
    select count(*)::int as orders, count(*) filter (where currency <> 'KZT')::int as "notKzt",
           count(*) filter (where customer_id is null)::int as "withoutCustomer"
    from orders where org_id = ${orgId}`);
  expect(check).toEqual({ orders: 260, notKzt: 0, withoutCustomer: 0 });
});

it("gives customers completed orders: as many have some as the orders say (none had any before)", async () => {
  const [counts] = await rows<{ customers: number; withCompleted: number; fromOrders: number }>(sql`
    select (select count(*)::int from customers where org_id = ${orgId}) as customers,
           (select count(*)::int from customers where org_id = ${orgId} and completed_order_count > 0) as "withCompleted",
           (select count(distinct customer_id)::int from orders where org_id = ${orgId} and status = 'completed' and deleted_at is null) as "fromOrders"`);
  expect(counts).toEqual({ customers: 120, withCompleted: 119, fromOrders: 119 });
});

it("stores every customer's figures and category exactly as the orders give them", async () => {
  const customers = await rows<{
    id: string; order_count: number; completed_order_count: number; total_spent: string; average_check: string; category: string;
    orders: number; completed: number; spent: string; average: string; expected_category: string;
  }>(expectedFromOrders());
  expect(customers).toHaveLength(120);
  const wrong = customers.filter(
    (c) =>
      c.order_count !== c.orders ||
      c.completed_order_count !== c.completed ||
      Number(c.total_spent) !== Number(c.spent) ||
      Number(c.average_check) !== Number(c.average) ||
      c.category !== c.expected_category,
  );
  expect(wrong).toEqual([]);
  const byCategory = Object.fromEntries(["new", "regular", "vip", "inactive"].map((k) => [k, customers.filter((c) => c.category === k).length]));
  expect(byCategory).toEqual({ new: 27, regular: 2, vip: 9, inactive: 82 });
});
