// What the CRM sent for each synced record (issue 19, "Keep what the CRM sent"): the raw deal, lead,
// contact, company or activity, so a field nobody mapped yet can be mapped later without a re-sync.
// A side table, not a column of deals/leads/…: the report queries scan those tables, and a wide
// JSONB value on every row would make each scan read it too.
import { sql } from "drizzle-orm";
import { jsonb, pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { orgId, referenceIndexes, ts } from "./common";
import { organisations } from "./orgs";
import { sources } from "./sources";

export const crmPayloadEntityEnum = pgEnum("crm_payload_entity", ["deal", "lead", "contact", "company", "activity"]);
/** Which wire shape the payload has: the REST API's record, or a webhook's own (amoCRM's form-encoded hooks). */
export const crmPayloadOriginEnum = pgEnum("crm_payload_origin", ["rest", "webhook"]);

export const crmPayloads = pgTable(
  "crm_payloads",
  {
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    entity: crmPayloadEntityEnum("entity").notNull(),
    /** The CRM's own id, as in the canonical table's external_id. */
    externalId: text("external_id").notNull(),
    origin: crmPayloadOriginEnum("origin").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** The CRM's modification time of this version: an older payload never replaces a newer one. */
    crmUpdatedAt: ts("crm_updated_at"),
    storedAt: ts("stored_at").notNull().default(sql`now()`),
  },
  // Deleting a source cascades here by source_id alone, which the org-led key cannot serve.
  (t) => [primaryKey({ name: "crm_payloads_pk", columns: [t.orgId, t.sourceId, t.entity, t.externalId] }), ...referenceIndexes("crm_payloads", [t.sourceId])],
);
