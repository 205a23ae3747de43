// Shop orders and the customers built from them (one customer per normalised phone).
import { sql } from "drizzle-orm";
import { char, doublePrecision, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, money, orgId, referenceIndexes, ts } from "./common";
import { organisations } from "./orgs";
import { contactIndexes, wordsIndex } from "./search";
import { sources } from "./sources";

export const customerCategoryEnum = pgEnum("customer_category", ["new", "regular", "vip", "inactive"]);

export type OrderItem = { sku: string; name: string; quantity: number; price: string };

export const customers = pgTable(
  "customers",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    /** E.164; the key that joins a person's orders across shops and CRMs. Null: known by e-mail only. */
    phone: text("phone"),
    name: text("name"),
    email: text("email"),
    orderCount: integer("order_count").notNull().default(0),
    /** Orders in a completed status; total spent and the average check count only these. */
    completedOrderCount: integer("completed_order_count").notNull().default(0),
    totalSpent: money("total_spent").notNull().default("0"),
    averageCheck: money("average_check").notNull().default("0"),
    firstOrderAt: ts("first_order_at"),
    lastOrderAt: ts("last_order_at"),
    category: customerCategoryEnum("category").notNull().default("new"),
    /** 0 … 1: the chance they will not buy again (lib/customers/churn); null until scored or without an order. */
    churnRisk: doublePrecision("churn_risk"),
    /** Their typical gap between order days, as the churn model reads it. */
    churnGapDays: doublePrecision("churn_gap_days"),
    /** When the risk was computed; null marks a customer whose orders changed since (rescored in the background). */
    churnScoredAt: ts("churn_scored_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("customers_org_phone_uq").on(t.orgId, t.phone),
    // A customer without a phone is known by the lower-cased e-mail alone.
    uniqueIndex("customers_org_email_uq").on(t.orgId, t.email).where(sql`${t.phone} is null`),
    index("customers_org_category_idx").on(t.orgId, t.category),
    index("customers_org_spent_idx").on(t.orgId, t.totalSpent),
    index("customers_org_churn_idx").on(t.orgId, t.churnRisk),
    wordsIndex("customers_search_idx", t.name),
    ...contactIndexes("customers", t),
  ],
);

/** The organisation's customer-category thresholds (admin settings); a missing row means the defaults. */
export const customerSettings = pgTable("customer_settings", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  /** VIP from this total spent, in the base currency. */
  vipTotalThreshold: money("vip_total_threshold").notNull().default("100000"),
  /** Inactive after this many days without an order. */
  inactiveDays: integer("inactive_days").notNull().default(180),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

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
    ...referenceIndexes("orders", [t.customerId]),
  ],
);
