// What the Customers page and /api/customers read. Customers and orders have no manager, so by the
// scope rule (lib/auth/scope.ts: rows without a manager are for admins) only admins read them;
// every query is still limited to the caller's organisation.
import { and, asc, count, desc, eq, ilike, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { customers, orders } from "@/db/schema";
import type { Db } from "@/db/types";
import { NotFoundError } from "@/lib/errors";

export const CUSTOMER_CATEGORIES = ["new", "regular", "vip", "inactive"] as const;
export const CUSTOMERS_PAGE_SIZE = 25;

export const customerListSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  category: z.enum(CUSTOMER_CATEGORIES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type CustomerListFilters = z.infer<typeof customerListSchema>;

export type CategorySummary = { category: (typeof CUSTOMER_CATEGORIES)[number]; customers: number; revenue: string };

export async function customersByCategory(db: Db, orgId: string): Promise<CategorySummary[]> {
  const rows = await db
    .select({ category: customers.category, customers: sql<number>`count(*)::int`, revenue: sql<string>`coalesce(sum(${customers.totalSpent}), 0)::text` })
    .from(customers)
    .where(eq(customers.orgId, orgId))
    .groupBy(customers.category);
  return CUSTOMER_CATEGORIES.map((category) => rows.find((r) => r.category === category) ?? { category, customers: 0, revenue: "0" });
}

const listColumns = {
  id: customers.id,
  name: customers.name,
  phone: customers.phone,
  email: customers.email,
  orderCount: customers.orderCount,
  completedOrderCount: customers.completedOrderCount,
  totalSpent: customers.totalSpent,
  averageCheck: customers.averageCheck,
  firstOrderAt: customers.firstOrderAt,
  lastOrderAt: customers.lastOrderAt,
  category: customers.category,
};

export async function topCustomers(db: Db, orgId: string, limit = 10) {
  return db.select(listColumns).from(customers).where(eq(customers.orgId, orgId)).orderBy(desc(customers.totalSpent), asc(customers.id)).limit(limit);
}

export async function listCustomers(db: Db, orgId: string, filters: CustomerListFilters) {
  const q = filters.q ? `%${filters.q.replace(/[%_\\]/g, "\\$&")}%` : null;
  const digits = filters.q?.replace(/\D/g, "");
  const where = and(
    eq(customers.orgId, orgId),
    filters.category ? eq(customers.category, filters.category) : undefined,
    q ? or(ilike(customers.name, q), ilike(customers.email, q), digits && digits.length >= 3 ? sql`${customers.phone} like ${`%${digits}%`}` : undefined) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(listColumns)
      .from(customers)
      .where(where)
      .orderBy(desc(customers.lastOrderAt), asc(customers.id))
      .limit(CUSTOMERS_PAGE_SIZE)
      .offset((filters.page - 1) * CUSTOMERS_PAGE_SIZE),
    db.select({ total: count() }).from(customers).where(where),
  ]);
  return { rows, total };
}

/** One customer and every order of theirs still in the shop (deleted orders are gone). */
export async function getCustomer(db: Db, orgId: string, customerId: string) {
  if (!z.uuid().safeParse(customerId).success) throw new NotFoundError("Customer");
  const [customer] = await db.select(listColumns).from(customers).where(and(eq(customers.id, customerId), eq(customers.orgId, orgId))).limit(1);
  if (!customer) throw new NotFoundError("Customer");
  const history = await db
    .select({ id: orders.id, number: orders.number, status: orders.status, total: orders.total, currency: orders.currency, createdAt: orders.createdAt, items: orders.items })
    .from(orders)
    .where(and(eq(orders.orgId, orgId), eq(orders.customerId, customerId), isNull(orders.deletedAt)))
    .orderBy(desc(orders.createdAt));
  return { customer, orders: history };
}
