// The webhook inbox, the audit log and exchange rates.
import { sql } from "drizzle-orm";
import { char, date, index, jsonb, numeric, pgEnum, pgTable, text, uniqueIndex, uuid, bigserial } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, retryColumns, type RunFailure, ts } from "./common";
import { organisations, users } from "./orgs";
import { sources } from "./sources";

export const webhookStatusEnum = pgEnum("webhook_status", ["pending", "processing", "done", "rejected", "ignored", "failed", "dead"]);

/** Every delivery, stored raw before it is acknowledged; a processor drains it later. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    // A sequence, so the processor can take deliveries in the order they arrived.
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    eventType: text("event_type"),
    contentType: text("content_type"),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    body: text("body").notNull(),
    status: webhookStatusEnum("status").notNull().default("pending"),
    ...retryColumns(),
    /** English, for the API and logs (an unexpected exception's own text). */
    lastError: text("last_error"),
    /** The same as a code with parameters, the sender's or CRM's words in `details`: shown in the admin's language. */
    lastFailure: jsonb("last_failure").$type<RunFailure>(),
    receivedAt: ts("received_at").notNull().defaultNow(),
    processedAt: ts("processed_at"),
  },
  (t) => [
    index("webhook_events_queue_idx").on(t.status, t.nextAttemptAt),
    index("webhook_events_source_idx").on(t.orgId, t.sourceId, t.receivedAt),
    // The processor's per-source queue: due events of one source in arrival order.
    index("webhook_events_source_queue_idx")
      .on(t.sourceId, t.id)
      .where(sql`${t.status} in ('pending', 'failed')`),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_org_idx").on(t.orgId, t.createdAt)],
);

/** How many units of the organisation's base currency one unit of `currency` cost on `day`. */
export const exchangeRates = pgTable(
  "exchange_rates",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    currency: char("currency", { length: 3 }).notNull(),
    day: date("day").notNull(),
    rate: numeric("rate", { precision: 18, scale: 8 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("exchange_rates_key_uq").on(t.orgId, t.currency, t.day)],
);
