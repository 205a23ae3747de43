// Writing Voronka's conclusions back into the CRM (docs/write-back.md): the last value handed to
// the CRM per record and field (so only changes are written), and the durable outbox of writes.
import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, retryColumns, type RunFailure, ts } from "./common";
import { organisations } from "./orgs";
import { sources } from "./sources";

export const writeBackEntityEnum = pgEnum("write_back_entity", ["deal", "contact", "lead"]);
export type WriteBackEntity = (typeof writeBackEntityEnum.enumValues)[number];
export const writeBackStatusEnum = pgEnum("write_back_status", ["pending", "sent", "failed", "dead"]);

/**
 * One row per record and CRM field: the value last queued for it (empty text clears the field).
 * A webhook echoing our own write carries this same value, so it plans no new write.
 */
export const writeBackValues = pgTable(
  "write_back_values",
  {
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    entity: writeBackEntityEnum("entity").notNull(),
    externalId: text("external_id").notNull(),
    crmField: text("crm_field").notNull(),
    value: text("value").notNull(),
    queuedAt: ts("queued_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("write_back_values_uq").on(t.sourceId, t.entity, t.externalId, t.crmField), index("write_back_values_org_idx").on(t.orgId, t.sourceId)],
);

/** Writes waiting, sent, or given up on: one open row per record, its field values merged while it waits. */
export const writeBackOutbox = pgTable(
  "write_back_outbox",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    entity: writeBackEntityEnum("entity").notNull(),
    externalId: text("external_id").notNull(),
    /** CRM field → value ("" clears it). */
    values: jsonb("values").$type<Record<string, string>>().notNull(),
    status: writeBackStatusEnum("status").notNull().default("pending"),
    ...retryColumns(),
    /** What the CRM said, in its own words; never contains a token. */
    lastError: text("last_error"),
    lastFailure: jsonb("last_failure").$type<RunFailure>(),
    sentAt: ts("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("write_back_outbox_open_uq")
      .on(t.sourceId, t.entity, t.externalId)
      .where(sql`${t.status} in ('pending', 'failed')`),
    index("write_back_outbox_org_idx").on(t.orgId, t.sourceId, t.status),
    index("write_back_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'failed')`),
  ],
);
