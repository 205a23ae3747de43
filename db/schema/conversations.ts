// Conversation texts brought in from the CRMs (issue 18): activity descriptions, timeline comments
// and call records of Bitrix24, notes of amoCRM. Recordings are kept as links, never as audio.
import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, referenceIndexes, ts } from "./common";
import { activities, companies, contacts, deals, leads } from "./crm";
import { organisations } from "./orgs";
import { crmUsers, sources } from "./sources";

/** What a text is, as the CRM names it (lib/canonical/conversation-texts.ts lists them). */
export const CONVERSATION_TEXT_KINDS = [
  "bitrix_activity_description",
  "bitrix_timeline_comment",
  "bitrix_call_record",
  "amocrm_note_common",
  "amocrm_note_call_in",
  "amocrm_note_call_out",
  "amocrm_note_sms",
  "amocrm_note_service",
] as const;
export type ConversationTextKind = (typeof CONVERSATION_TEXT_KINDS)[number];

export const conversationTexts = pgTable(
  "conversation_texts",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    /** Prefixed by what it is ("activity:12", "comment:7", "call:9", "lead-note:5"): the CRM's id spaces differ. */
    externalId: text("external_id").notNull(),
    kind: text("kind").$type<ConversationTextKind>().notNull(),
    dealId: uuid("deal_id").references(() => deals.id, { onDelete: "set null" }),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "set null" }),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "set null" }),
    /** The activity the text belongs to (a Bitrix24 activity's description, a call's record). */
    activityId: uuid("activity_id").references(() => activities.id, { onDelete: "set null" }),
    /** The author or the responsible manager. */
    crmUserId: uuid("crm_user_id").references(() => crmUsers.id, { onDelete: "set null" }),
    /** "in" or "out" for calls, messages and e-mails. */
    direction: text("direction"),
    /** When the CRM says it was written or the call took place. */
    occurredAt: ts("occurred_at").notNull(),
    /** Plain text: BB-code and HTML already stripped. Empty for a call record without a transcript. */
    body: text("body").notNull(),
    /** sha256 of the body: the analysis cache key (issue 18, "One analysis per text"). */
    contentHash: text("content_hash").notNull(),
    recordingUrl: text("recording_url"),
    recordFileId: text("record_file_id"),
    durationSeconds: integer("duration_seconds"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at"),
    deletedAt: ts("deleted_at"),
  },
  (t) => [
    uniqueIndex("conversation_texts_source_ext_uq").on(t.sourceId, t.externalId),
    index("conversation_texts_deal_idx").on(t.dealId, t.occurredAt),
    index("conversation_texts_org_occurred_idx").on(t.orgId, t.occurredAt),
    index("conversation_texts_hash_idx").on(t.orgId, t.contentHash),
    ...referenceIndexes("conversation_texts", [t.leadId, t.contactId, t.companyId, t.activityId, t.crmUserId]),
  ],
);
