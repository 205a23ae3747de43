// What the Customers page and /api/customers read. Customers and orders have no manager, so by the
// scope rule (lib/auth/scope.ts: rows without a manager are for admins) only admins read them;
// every query is still limited to the caller's organisation.
import { and, asc, count, desc, eq, gte, ilike, isNull, ne, or, sql } from "drizzle-orm";
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

export const CUSTOMER_SORTS = ["lastOrder", "churnRisk", "totalSpent"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
const riskMessage = "must be a number from 0 to 1";
/** The API's list: the page's filters, plus the churn filters and the sort, refused (400) when wrong. */
export const customerQuerySchema = customerListSchema.extend({
  churnRiskMin: z.coerce.number({ message: riskMessage }).min(0, riskMessage).max(1, riskMessage).optional(),
  /** true: leave out the inactive (already gone) customers, as the churn candidates list does. */
  active: z.enum(["true", "false"], { message: "must be true or false" }).transform((value) => value === "true").optional(),
  sort: z.enum(CUSTOMER_SORTS, { message: `must be one of ${CUSTOMER_SORTS.join(", ")}` }).default("lastOrder"),
  order: z.enum(["asc", "desc"], { message: "must be asc or desc" }).default("desc"),
});
export type CustomerQuery = CustomerListFilters & Partial<Omit<z.infer<typeof customerQuerySchema>, keyof CustomerListFilters>>;

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
  churnRisk: customers.churnRisk,
  churnGapDays: customers.churnGapDays,
};

export async function topCustomers(db: Db, orgId: string, limit = 10) {
  return db.select(listColumns).from(customers).where(eq(customers.orgId, orgId)).orderBy(desc(customers.totalSpent), asc(customers.id)).limit(limit);
}

const sortColumns = { lastOrder: customers.lastOrderAt, churnRisk: customers.churnRisk, totalSpent: customers.totalSpent } as const;

function listWhere(orgId: string, filters: CustomerQuery) {
  const q = filters.q ? `%${filters.q.replace(/[%_\\]/g, "\\$&")}%` : null;
  const digits = filters.q?.replace(/\D/g, "");
  return and(
    eq(customers.orgId, orgId),
    filters.category ? eq(customers.category, filters.category) : undefined,
    filters.churnRiskMin !== undefined ? gte(customers.churnRisk, filters.churnRiskMin) : undefined,
    filters.active ? ne(customers.category, "inactive") : undefined,
    q ? or(ilike(customers.name, q), ilike(customers.email, q), digits && digits.length >= 3 ? sql`${customers.phone} like ${`%${digits}%`}` : undefined) : undefined,
  );
}

function listOrder(filters: CustomerQuery) {
  const column = sortColumns[filters.sort ?? "lastOrder"];
  // Unscored customers and those without an order go last whichever way the list is turned.
  return [sql`${column} is null`, filters.order === "asc" ? asc(column) : desc(column), asc(customers.id)];
}

export async function listCustomers(db: Db, orgId: string, filters: CustomerQuery, pageSize = CUSTOMERS_PAGE_SIZE) {
  const where = listWhere(orgId, filters);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(listColumns)
      .from(customers)
      .where(where)
      .orderBy(...listOrder(filters))
      .limit(pageSize)
      .offset((filters.page - 1) * pageSize),
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
