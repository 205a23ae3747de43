// Sale notifications: each organisation's Telegram settings and the outbox of messages to send.
import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, retryColumns, type RunFailure, ts } from "./common";
import { organisations } from "./orgs";
import { deals } from "./crm";

/** One row per organisation that has opened the notifications page. */
export const notificationSettings = pgTable("notification_settings", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  isEnabled: boolean("is_enabled").notNull().default(false),
  /** The Telegram bot token, encrypted with ENCRYPTION_KEY (AES-256-GCM); never sent to a browser. */
  botTokenEncrypted: text("bot_token_encrypted"),
  /** Where a sale goes when its traffic team has no chat of its own. */
  fallbackChatId: text("fallback_chat_id"),
  /** The message template; null means the default template in the organisation's language. */
  template: text("template"),
  /** Anomaly alerts by e-mail to the admins and directors who should hear (lib/anomalies/mail.ts); on unless turned off. */
  anomalyEmails: boolean("anomaly_emails").notNull().default(true),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const notificationKindEnum = pgEnum("notification_kind", ["deal_won"]);
export const notificationStatusEnum = pgEnum("notification_status", ["pending", "sent", "failed", "dead"]);

/** Messages waiting to be sent, sent, or given up on; one per deal and kind, however often it is won. */
export const notificationOutbox = pgTable(
  "notification_outbox",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    dealId: uuid("deal_id")
      .notNull()
      .references(() => deals.id, { onDelete: "cascade" }),
    kind: notificationKindEnum("kind").notNull().default("deal_won"),
    status: notificationStatusEnum("status").notNull().default("pending"),
    /** The chat of the last attempt (resolved when sending, so a chat set later is used). */
    chatId: text("chat_id"),
    ...retryColumns(),
    /** What Telegram (or the network) said; never contains the bot token. */
    lastError: text("last_error"),
    /** The same as a code with parameters (Telegram's own words in `details`), shown in the admin's language. */
    lastFailure: jsonb("last_failure").$type<RunFailure>(),
    sentAt: ts("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("notification_outbox_deal_kind_uq").on(t.dealId, t.kind),
    index("notification_outbox_org_idx").on(t.orgId, t.createdAt),
    // The worker's queue: only rows still to be tried.
    index("notification_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'failed')`),
  ],
);
