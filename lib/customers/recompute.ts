// Recomputes one customer from their orders, inside the caller's transaction (the same one that
// wrote the order, so figures never lag behind). Deleted and cancelled orders do not count; money
// is converted to the base currency at the rate of the order's day, as the reports do.
import { and, eq, sql } from "drizzle-orm";
import { customers, orders, organisations } from "@/db/schema";
import type { Db, Tx } from "@/db/types";
import { baseAmountSql } from "@/lib/reports/base-amount";
import { categoryOf, type CustomerSettingsValues } from "./categorize";
import { CANCELLED_STATUSES, COMPLETED_STATUSES } from "./order-status";
import { getCustomerSettings } from "./settings";

export type OrgContext = { orgId: string; baseCurrency: string; timezone: string; country: string; settings: CustomerSettingsValues };

export async function loadOrgContext(db: Db | Tx, orgId: string): Promise<OrgContext> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId)).limit(1);
  if (!org) throw new Error(`Organisation ${orgId} not found`);
  return { orgId, baseCurrency: org.baseCurrency, timezone: org.timezone, country: org.country, settings: await getCustomerSettings(db, orgId) };
}

export async function recomputeCustomer(db: Db | Tx, org: OrgContext, customerId: string, now = new Date()): Promise<void> {
  const status = sql`lower(${orders.status})`;
  const completed = sql`${status} in (${sql.join(COMPLETED_STATUSES.map((s) => sql`${s}`), sql`, `)})`;
  const counted = sql`${status} not in (${sql.join(CANCELLED_STATUSES.map((s) => sql`${s}`), sql`, `)})`;
  const base = baseAmountSql({ amount: orders.total, currency: orders.currency, orgId: orders.orgId }, orders.createdAt, org.baseCurrency, org.timezone);
  const [figures] = await db
    .select({
      orderCount: sql<number>`(count(*) filter (where ${counted}))::int`,
      completedOrderCount: sql<number>`(count(*) filter (where ${completed}))::int`,
      totalSpent: sql<string>`coalesce(sum(${base}) filter (where ${completed}), 0)::numeric(18,2)::text`,
      firstOrderAt: sql<string | null>`min(${orders.createdAt}) filter (where ${counted})`,
      lastOrderAt: sql<string | null>`max(${orders.createdAt}) filter (where ${counted})`,
      latestName: sql<string | null>`(array_agg(${orders.customerName} order by ${orders.createdAt} desc) filter (where ${orders.customerName} is not null))[1]`,
      latestEmail: sql<string | null>`(array_agg(${orders.email} order by ${orders.createdAt} desc) filter (where ${orders.email} is not null))[1]`,
    })
    .from(orders)
    .where(and(eq(orders.orgId, org.orgId), eq(orders.customerId, customerId), sql`${orders.deletedAt} is null`));
  const lastOrderAt = figures.lastOrderAt ? new Date(figures.lastOrderAt) : null;
  const completedCount = figures.completedOrderCount;
  const averageCheck = completedCount > 0 ? sql`round(${figures.totalSpent}::numeric / ${completedCount}, 2)` : sql`0`;
  await db
    .update(customers)
    .set({
      orderCount: figures.orderCount,
      completedOrderCount: completedCount,
      totalSpent: figures.totalSpent,
      averageCheck,
      firstOrderAt: figures.firstOrderAt ? new Date(figures.firstOrderAt) : null,
      lastOrderAt,
      category: categoryOf({ completedOrderCount: completedCount, totalSpent: figures.totalSpent, lastOrderAt }, org.settings, now),
      // Filled from the latest order only where empty: what a person typed once is not overwritten.
      name: sql`coalesce(${customers.name}, ${figures.latestName})`,
      email: sql`case when ${customers.phone} is null then ${customers.email} else coalesce(${customers.email}, ${figures.latestEmail}) end`,
    })
    .where(and(eq(customers.id, customerId), eq(customers.orgId, org.orgId)));
}
