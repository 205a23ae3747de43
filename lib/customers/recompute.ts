// Recomputes customers from their orders, inside the caller's transaction (the same one that
// wrote the orders, so figures never lag behind). Deleted and cancelled orders do not count; money
// is converted to the base currency at the rate of the order's day, as the reports do.
import { and, eq, inArray, sql } from "drizzle-orm";
import { orders, organisations } from "@/db/schema";
import type { Db } from "@/db/types";
import { baseAmountSql } from "@/lib/reports/base-amount";
import { categoryOf, type CustomerSettingsValues } from "./categorize";
import { CANCELLED_STATUSES, COMPLETED_STATUSES } from "./order-status";
import { getCustomerSettings } from "./settings";

export type OrgContext = { orgId: string; baseCurrency: string; timezone: string; country: string; settings: CustomerSettingsValues };

export async function loadOrgContext(db: Db, orgId: string): Promise<OrgContext> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId)).limit(1);
  if (!org) throw new Error(`Organisation ${orgId} not found`);
  return { orgId, baseCurrency: org.baseCurrency, timezone: org.timezone, country: org.country, settings: await getCustomerSettings(db, orgId) };
}

export async function recomputeCustomer(db: Db, org: OrgContext, customerId: string, now = new Date()): Promise<void> {
  await recomputeCustomers(db, org, [customerId], now);
}

/** Customers recomputed per statement pair: one grouped SELECT over their orders, one UPDATE. */
const RECOMPUTE_CHUNK = 500;

/** Many customers at once (a processor's batch of orders): two statements per 500 customers. */
export async function recomputeCustomers(db: Db, org: OrgContext, customerIds: readonly string[], now = new Date()): Promise<void> {
  const ids = [...new Set(customerIds)];
  for (let i = 0; i < ids.length; i += RECOMPUTE_CHUNK) await recomputeChunk(db, org, ids.slice(i, i + RECOMPUTE_CHUNK), now);
}

async function recomputeChunk(db: Db, org: OrgContext, ids: string[], now: Date): Promise<void> {
  const status = sql`lower(${orders.status})`;
  const completed = sql`${status} in (${sql.join(COMPLETED_STATUSES.map((s) => sql`${s}`), sql`, `)})`;
  const counted = sql`${status} not in (${sql.join(CANCELLED_STATUSES.map((s) => sql`${s}`), sql`, `)})`;
  const base = baseAmountSql({ amount: orders.total, currency: orders.currency, orgId: orders.orgId }, orders.createdAt, org.baseCurrency, org.timezone);
  const rows = await db
    .select({
      customerId: orders.customerId,
      orderCount: sql<number>`(count(*) filter (where ${counted}))::int`,
      completedOrderCount: sql<number>`(count(*) filter (where ${completed}))::int`,
      totalSpent: sql<string>`coalesce(sum(${base}) filter (where ${completed}), 0)::numeric(18,2)::text`,
      firstOrderAt: sql<string | null>`min(${orders.createdAt}) filter (where ${counted})`,
      lastOrderAt: sql<string | null>`max(${orders.createdAt}) filter (where ${counted})`,
      latestName: sql<string | null>`(array_agg(${orders.customerName} order by ${orders.createdAt} desc) filter (where ${orders.customerName} is not null))[1]`,
      latestEmail: sql<string | null>`(array_agg(${orders.email} order by ${orders.createdAt} desc) filter (where ${orders.email} is not null))[1]`,
    })
    .from(orders)
    .where(and(eq(orders.orgId, org.orgId), inArray(orders.customerId, ids), sql`${orders.deletedAt} is null`))
    .groupBy(orders.customerId);
  const byCustomer = new Map(rows.map((row) => [row.customerId, row]));
  const values = ids.map((id) => {
    // A customer with no live order left: zero figures, as the aggregate over no rows gives.
    const figures = byCustomer.get(id) ?? { orderCount: 0, completedOrderCount: 0, totalSpent: "0.00", firstOrderAt: null, lastOrderAt: null, latestName: null, latestEmail: null };
    const lastOrderAt = figures.lastOrderAt ? new Date(figures.lastOrderAt) : null;
    return {
      id,
      order_count: figures.orderCount,
      completed_order_count: figures.completedOrderCount,
      total_spent: figures.totalSpent,
      first_order_at: figures.firstOrderAt ? new Date(figures.firstOrderAt).toISOString() : null,
      last_order_at: lastOrderAt?.toISOString() ?? null,
      category: categoryOf({ completedOrderCount: figures.completedOrderCount, totalSpent: figures.totalSpent, lastOrderAt }, org.settings, now),
      latest_name: figures.latestName,
      latest_email: figures.latestEmail,
    };
  });
  await db.execute(sql`
    update customers c set
      order_count = v.order_count,
      completed_order_count = v.completed_order_count,
      total_spent = v.total_spent,
      average_check = case when v.completed_order_count > 0 then round(v.total_spent / v.completed_order_count, 2) else 0 end,
      first_order_at = v.first_order_at,
      last_order_at = v.last_order_at,
      category = v.category::customer_category,
      -- Their churn risk is rescored in the background (lib/customers/churn/score.ts), not in this write.
      churn_scored_at = null,
      -- Filled from the latest order only where empty: what a person typed once is not overwritten.
      name = coalesce(c.name, v.latest_name),
      email = case when c.phone is null then c.email else coalesce(c.email, v.latest_email) end
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(
      id uuid, order_count int, completed_order_count int, total_spent numeric, first_order_at timestamptz,
      last_order_at timestamptz, category text, latest_name text, latest_email text)
    where c.id = v.id and c.org_id = ${org.orgId}`);
}
