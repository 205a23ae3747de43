// Back to the shop (issue 19): when a deal linked to a shop order reaches a stage the admin maps to
// a shop status, Voronka POSTs that status to the shop's callback URL. The settings per shop
// source, and the outbox whose rows are also the order's history (one row per order and status).
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, retryColumns, type RunFailure, ts } from "./common";
import { deals } from "./crm";
import { orders } from "./commerce";
import { organisations } from "./orgs";
import { sources } from "./sources";

/** Voronka stage id → the shop's status code (e.g. Bitrix `sale` status "F"). */
export type ShopStatusMappings = Record<string, string>;

export const shopStatusSettings = pgTable("shop_status_settings", {
  shopSourceId: uuid("shop_source_id")
    .primaryKey()
    .references(() => sources.id, { onDelete: "cascade" }),
  orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
  isEnabled: boolean("is_enabled").notNull().default(false),
  /** The shop's callback URL; null when the shop is a Bitrix24 store (storeSourceId). */
  callbackUrl: text("callback_url"),
  /**
   * A Bitrix24 store: the organisation's Bitrix24 source whose portal holds the orders. Set, statuses
   * go by its `sale.order.update` through that source's client instead of a callback.
   */
  storeSourceId: uuid("store_source_id").references(() => sources.id, { onDelete: "set null" }),
  /**
   * Where a deal carries its order's number: a field of the deal as the CRM sent it (crm_payloads,
   * e.g. Bitrix24 UF_CRM_ORDER or an amoCRM custom field's code or id). Null: the deal's title,
   * its number after «№» or «#» (Bitrix24's shop integration names deals «Заказ №1042»).
   */
  linkField: text("link_field"),
  mappings: jsonb("mappings").$type<ShopStatusMappings>().notNull().default({}),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const shopCallbackStatusEnum = pgEnum("shop_callback_status", ["pending", "sent", "failed", "dead"]);

export const shopStatusCallbacks = pgTable(
  "shop_status_callbacks",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    shopSourceId: uuid("shop_source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    dealId: uuid("deal_id").references(() => deals.id, { onDelete: "set null" }),
    /** The shop's status sent; with the order, the idempotency key (one row, one status, however often the deal comes back to the stage). */
    shopStatus: text("shop_status").notNull(),
    status: shopCallbackStatusEnum("status").notNull().default("pending"),
    ...retryColumns(),
    /** The shop's HTTP answer of the last attempt (null: no answer). */
    lastHttpStatus: integer("last_http_status"),
    lastError: text("last_error"),
    lastFailure: jsonb("last_failure").$type<RunFailure>(),
    /** Times an admin sent it again by hand. */
    resends: integer("resends").notNull().default(0),
    sentAt: ts("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("shop_status_callbacks_order_status_uq").on(t.orderId, t.shopStatus),
    index("shop_status_callbacks_org_idx").on(t.orgId, t.shopSourceId, t.createdAt),
    index("shop_status_callbacks_deal_ref_idx").on(t.dealId).where(sql`${t.dealId} is not null`),
    // The worker's queue: only rows still to be tried.
    index("shop_status_callbacks_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'failed')`),
  ],
);
