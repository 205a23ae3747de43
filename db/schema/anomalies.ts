// Anomaly alerts (issue 17): days, or runs of days, on which a daily series left its usual band
// (lib/anomalies). One row per anomaly: a run that goes on is the same row, its last day moved on,
// so it is listed and sent to Telegram once. docs/anomalies.md.
import { sql } from "drizzle-orm";
import { date, doublePrecision, index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, referenceIndexes, retryColumns, ts } from "./common";
import { departments, organisations, users } from "./orgs";

export const ANOMALY_SERIES_TYPES = ["leads_source", "leads_utm", "won_revenue", "activities", "calls", "webhooks"] as const;
export type AnomalySeriesType = (typeof ANOMALY_SERIES_TYPES)[number];

export const anomalies = pgTable(
  "anomalies",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    type: text("type", { enum: ANOMALY_SERIES_TYPES }).notNull(),
    /** The series within its type: a lead source or utm_source as written, a CRM user id, a source id; "" for won revenue. */
    seriesKey: text("series_key").notNull(),
    /** Whose series: the whole organisation's, or only the deals and leads of one department's managers. */
    audience: text("audience", { enum: ["org", "department"] }).notNull(),
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "cascade" }),
    /** The manager a per-manager series (activities, calls) belongs to: they and their director see it. */
    crmUserId: uuid("crm_user_id"),
    /** First and last local day of the run. */
    fromDay: date("from_day").notNull(),
    toDay: date("to_day").notNull(),
    days: integer("days").notNull(),
    /** Sums over the run's days: the baseline (same-weekday medians) and what happened. */
    expected: doublePrecision("expected").notNull(),
    actual: doublePrecision("actual").notNull(),
    direction: text("direction", { enum: ["drop", "spike"] }).notNull(),
    /** The run's distance from the baseline in robust spreads. */
    score: doublePrecision("score").notNull(),
    severity: text("severity", { enum: ["low", "medium", "high"] }).notNull(),
    detectedAt: ts("detected_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    /** Telegram: pending until sent (or given up: dead, or skipped when notifications are off). */
    notifyStatus: text("notify_status", { enum: ["pending", "sent", "dead", "skipped"] }).notNull().default("pending"),
    notifyAttempts: integer("notify_attempts").notNull().default(0),
    notifyError: text("notify_error"),
    notifiedAt: ts("notified_at"),
    /** E-mail: when its messages were put in anomaly_mails (or it was judged history, with none); null until then. */
    mailQueuedAt: ts("mail_queued_at"),
  },
  (t) => [
    unique("anomalies_run_key").on(t.orgId, t.type, t.seriesKey, t.audience, t.departmentId, t.fromDay).nullsNotDistinct(),
    index("anomalies_org_day_idx").on(t.orgId, t.toDay),
    index("anomalies_notify_idx").on(t.notifyStatus, t.orgId),
    index("anomalies_mail_queue_idx").on(t.orgId).where(sql`${t.mailQueuedAt} is null`),
  ],
);

/**
 * The anomaly e-mails' outbox (lib/anomalies/mail.ts): one message per anomaly and person who should
 * hear of it, claimed with the shared lease (lib/outbox/claim.ts), retried on a 4xx, dead on a 5xx.
 */
export const anomalyMails = pgTable(
  "anomaly_mails",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    anomalyId: uuid("anomaly_id")
      .notNull()
      .references(() => anomalies.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["pending", "failed", "sent", "dead"] }).notNull().default("pending"),
    ...retryColumns(),
    /** The address it went to (the user's e-mail at the time of sending). */
    address: text("address"),
    lastError: text("last_error"),
    sentAt: ts("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("anomaly_mails_once").on(t.anomalyId, t.userId),
    index("anomaly_mails_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'failed')`),
    index("anomaly_mails_org_idx").on(t.orgId, t.createdAt),
    ...referenceIndexes("anomaly_mails", [t.userId]),
  ],
);

/** When each organisation's series were last judged, so a run after every sync stays cheap. */
export const anomalyRuns = pgTable("anomaly_runs", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  ranAt: ts("ran_at").notNull(),
  /** The last local day judged (yesterday at the time: today is not over). */
  lastDay: date("last_day").notNull(),
});
