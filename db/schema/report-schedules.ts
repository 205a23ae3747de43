// Scheduled reports: a dashboard or saved view sent on a schedule to recipients, each with their own
// scope; and the outbox of messages (one per recipient and run), which is also each schedule's history.
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, referenceIndexes, retryColumns, type RunFailure, ts } from "./common";
import { organisations, users } from "./orgs";
import { savedViews } from "./saved-views";

export const reportFrequencyEnum = pgEnum("report_frequency", ["daily", "weekly", "monthly"]);
export const reportChannelEnum = pgEnum("report_channel", ["email", "telegram"]);
export const reportDeliveryStatusEnum = pgEnum("report_delivery_status", ["pending", "sent", "failed", "dead"]);

export const reportSchedules = pgTable(
  "report_schedules",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    /** Whose scope external addresses and a Telegram chat receive. */
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** A dashboard of lib/saved-views/dashboards.ts, or null when a saved view is sent. */
    dashboard: text("dashboard"),
    /** The dashboard's filters in canonical form; a saved view brings its own. */
    query: text("query").notNull().default(""),
    viewId: uuid("view_id").references(() => savedViews.id, { onDelete: "cascade" }),
    frequency: reportFrequencyEnum("frequency").notNull(),
    /** ISO weekday 1 (Monday) … 7 (Sunday), for weekly schedules. */
    weekday: integer("weekday"),
    /** 1 … 31 for monthly schedules; a shorter month sends on its last day. */
    monthDay: integer("month_day"),
    /** "HH:MM" in the organisation's time zone. */
    localTime: text("local_time").notNull(),
    /** "pdf", "xlsx" or both. */
    formats: text("formats").array().notNull(),
    channel: reportChannelEnum("channel").notNull().default("email"),
    telegramChatId: text("telegram_chat_id"),
    isEnabled: boolean("is_enabled").notNull().default(true),
    nextRunAt: ts("next_run_at").notNull(),
    lastRunAt: ts("last_run_at"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("report_schedules_org_idx").on(t.orgId, t.createdAt),
    index("report_schedules_due_idx").on(t.nextRunAt).where(sql`${t.isEnabled}`),
    ...referenceIndexes("report_schedules", [t.createdBy, t.viewId]),
  ],
);

/** A Voronka user (their own scope) or, added by an admin, an e-mail address (the creator's scope). */
export const reportRecipients = pgTable(
  "report_recipients",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    scheduleId: uuid("schedule_id")
      .notNull()
      .references(() => reportSchedules.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    email: text("email"),
    /** Set by the message's unsubscribe link; nothing more is sent to this recipient. */
    unsubscribedAt: ts("unsubscribed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("report_recipients_user_uq").on(t.scheduleId, t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex("report_recipients_email_uq").on(t.scheduleId, sql`lower(${t.email})`).where(sql`${t.email} is not null`),
    ...referenceIndexes("report_recipients", [t.userId]),
  ],
);

/** One message per recipient (or chat) and run: the outbox the worker drains, and the schedule's history. */
export const reportDeliveries = pgTable(
  "report_deliveries",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    scheduleId: uuid("schedule_id")
      .notNull()
      .references(() => reportSchedules.id, { onDelete: "cascade" }),
    /** Null for a Telegram chat (the schedule's own). */
    recipientId: uuid("recipient_id").references(() => reportRecipients.id, { onDelete: "cascade" }),
    /** The run's moment (the schedule's slot, or when "Send now" was pressed): one message per recipient and run. */
    runAt: ts("run_at").notNull(),
    channel: reportChannelEnum("channel").notNull(),
    /** The e-mail address or chat it went to, as resolved when sending. */
    address: text("address"),
    status: reportDeliveryStatusEnum("status").notNull().default("pending"),
    ...retryColumns(),
    lastError: text("last_error"),
    lastFailure: jsonb("last_failure").$type<RunFailure>(),
    sentAt: ts("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("report_deliveries_run_uq").on(t.scheduleId, t.runAt, sql`coalesce(${t.recipientId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
    index("report_deliveries_schedule_idx").on(t.scheduleId, t.createdAt),
    index("report_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'failed')`),
    ...referenceIndexes("report_deliveries", [t.recipientId]),
    index("report_deliveries_org_idx").on(t.orgId),
  ],
);
