// Site form submissions (a source of kind `form`). Each one is also a row of `leads` (the lead
// reports count it there); this table keeps what only a form lead has: the contact as written and
// normalised, which form sent it, and the CRM lead or deal it was matched to (lib/forms/match.ts).
import { sql } from "drizzle-orm";
import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { orgId, ts } from "./common";
import { deals, leads } from "./crm";
import { organisations } from "./orgs";
import { sources } from "./sources";

export const formLeads = pgTable(
  "form_leads",
  {
    leadId: uuid("lead_id")
      .primaryKey()
      .references(() => leads.id, { onDelete: "cascade" }),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    /** Tilda's `formid` (e.g. form42581206), else the `form` field; null when the post names none. */
    formId: text("form_id"),
    /** Tilda's `formname`, else the form id; what the dashboard shows. */
    formName: text("form_name"),
    name: text("name"),
    /** The phone and e-mail as the visitor typed them. */
    phoneRaw: text("phone_raw"),
    emailRaw: text("email_raw"),
    /** E.164 in the organisation's country, or the digits when libphonenumber cannot read it; e-mail lower-cased. */
    phone: text("phone"),
    email: text("email"),
    /** SHA-256 of the submitted fields: a post without `tranid` is a duplicate of one with the same hash within a day. */
    contentHash: text("content_hash").notNull(),
    receivedAt: ts("received_at").notNull(),
    /** The CRM lead, else the CRM deal, this submission reached (one of them, or neither: lost). */
    matchedLeadId: uuid("matched_lead_id").references(() => leads.id, { onDelete: "set null" }),
    matchedDealId: uuid("matched_deal_id").references(() => deals.id, { onDelete: "set null" }),
    matchedAt: ts("matched_at"),
  },
  (t) => [
    index("form_leads_org_received_idx").on(t.orgId, t.receivedAt),
    index("form_leads_source_hash_idx").on(t.sourceId, t.contentHash, t.receivedAt),
    // What re-matching reads after every CRM batch: the submissions still unmatched.
    index("form_leads_unmatched_idx")
      .on(t.orgId, t.receivedAt)
      .where(sql`${t.matchedLeadId} is null and ${t.matchedDealId} is null`),
    index("form_leads_matched_lead_ref_idx").on(t.matchedLeadId).where(sql`${t.matchedLeadId} is not null`),
    index("form_leads_matched_deal_ref_idx").on(t.matchedDealId).where(sql`${t.matchedDealId} is not null`),
  ],
);
