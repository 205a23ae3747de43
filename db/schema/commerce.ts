// Shop orders and the customers built from them (one customer per normalised phone).
import { char, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, money, orgId, ts } from "./common";
import { organisations } from "./orgs";
import { sources } from "./sources";

export const customerCategoryEnum = pgEnum("customer_category", ["new", "regular", "vip", "inactive"]);

export type OrderItem = { sku: string; name: string; quantity: number; price: string };

export const customers = pgTable(
  "customers",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    /** E.164; the key that joins a person's orders across shops and CRMs. */
    phone: text("phone").notNull(),
    name: text("name"),
    email: text("email"),
    orderCount: integer("order_count").notNull().default(0),
    totalSpent: money("total_spent").notNull().default("0"),
    averageCheck: money("average_check").notNull().default("0"),
    firstOrderAt: ts("first_order_at"),
    lastOrderAt: ts("last_order_at"),
    category: customerCategoryEnum("category").notNull().default("new"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("customers_org_phone_uq").on(t.orgId, t.phone), index("customers_org_category_idx").on(t.orgId, t.category)],
);

export const orders = pgTable(
  "orders",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull(),
    number: text("number"),
    status: text("status").notNull(),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "set null" }),
    customerName: text("customer_name"),
    phone: text("phone"),
    email: text("email"),
    total: money("total").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    items: jsonb("items").$type<OrderItem[]>().notNull().default([]),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at"),
    deletedAt: ts("deleted_at"),
  },
  (t) => [
    uniqueIndex("orders_source_ext_uq").on(t.sourceId, t.externalId),
    index("orders_org_created_idx").on(t.orgId, t.createdAt),
    index("orders_customer_idx").on(t.orgId, t.customerId),
  ],
);
