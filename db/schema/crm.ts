// The canonical CRM model: pipelines, stages, companies, contacts, leads, deals and their history.
import { char, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid, boolean } from "drizzle-orm/pg-core";
import { createdAt, id, money, orgId, referenceIndexes, ts } from "./common";
import { organisations } from "./orgs";
import { crmUsers, sources } from "./sources";
import { utmColumns } from "./utm";
import { contactIndexes, wordsIndex } from "./search";

export const stageSemanticEnum = pgEnum("stage_semantic", ["open", "won", "lost"]);
export const leadStatusSemanticEnum = pgEnum("lead_status_semantic", ["open", "converted", "junk"]);
export const activityTypeEnum = pgEnum("activity_type", ["call", "email", "meeting", "task"]);

const sourceRef = () =>
  uuid("source_id")
    .notNull()
    .references(() => sources.id, { onDelete: "cascade" });
const orgRef = () => orgId().references(() => organisations.id, { onDelete: "cascade" });

export const pipelines = pgTable(
  "pipelines",
  {
    id: id(),
    orgId: orgRef(),
    sourceId: sourceRef(),
    externalId: text("external_id").notNull(),
    name: text("name").notNull(),
    sort: integer("sort").notNull().default(0),
    isDeleted: boolean("is_deleted").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("pipelines_source_ext_uq").on(t.sourceId, t.externalId)],
);

export const stages = pgTable(
  "stages",
  {
    id: id(),
    orgId: orgRef(),
    sourceId: sourceRef(),
    pipelineId: uuid("pipeline_id")
      .notNull()
      .references(() => pipelines.id, { onDelete: "cascade" }),
    // amoCRM repeats the ids 142 (won) and 143 (lost) in every pipeline, so a stage's external id
    // is unique within its pipeline, not within the source.
    externalId: text("external_id").notNull(),
    name: text("name").notNull(),
    sort: integer("sort").notNull().default(0),
    semantic: stageSemanticEnum("semantic").notNull().default("open"),
    color: text("color"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("stages_pipeline_ext_uq").on(t.sourceId, t.pipelineId, t.externalId),
    index("stages_org_idx").on(t.orgId, t.pipelineId, t.sort),
  ],
);

export const companies = pgTable(
  "companies",
  {
    id: id(),
    orgId: orgRef(),
    sourceId: sourceRef(),
    externalId: text("external_id").notNull(),
    name: text("name").notNull(),
    phone: text("phone"),
    email: text("email"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at"),
    deletedAt: ts("deleted_at"),
  },
  (t) => [uniqueIndex("companies_source_ext_uq").on(t.sourceId, t.externalId), wordsIndex("companies_search_idx", t.name), ...contactIndexes("companies", t)],
);

export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    orgId: orgRef(),
    sourceId: sourceRef(),
    externalId: text("external_id").notNull(),
    name: text("name").notNull(),
    /** E.164, normalised on the way in. */
    phone: text("phone"),
    /** Lower-cased on the way in. */
    email: text("email"),
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "set null" }),
    crmUserId: uuid("crm_user_id").references(() => crmUsers.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: ts("updated_at"),
    deletedAt: ts("deleted_at"),
  },
  (t) => [
    uniqueIndex("contacts_source_ext_uq").on(t.sourceId, t.externalId),
    index("contacts_phone_idx").on(t.orgId, t.phone),
    // Site form submissions are matched to CRM contacts by e-mail as well as by phone (lib/forms/match.ts).
    index("contacts_email_idx").on(t.orgId, t.email),
    wordsIndex("contacts_search_idx", t.name),
    ...contactIndexes("contacts", t),
    ...referenceIndexes("contacts", [t.companyId, t.crmUserId]),
  ],
);

export const leads = pgTable(
  "leads",
  {
    id: id(),
    orgId: orgRef(),
    sourceId: sourceRef(),
    externalId: text("external_id").notNull(),
    title: text("title").notNull(),
    statusExternalId: text("status_external_id"),
    statusSemantic: leadStatusSemanticEnum("status_semantic").notNull().default("open"),
    /** The CRM's own source field, named as the CRM names it. */
    channel: text("channel"),
    ...utmColumns(),
    crmUserId: uuid("crm_user_id").references(() => crmUsers.id, { onDelete: "set null" }),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    amount: money("amount"),
    currency: char("currency", { length: 3 }),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at"),
    convertedAt: ts("converted_at"),
    deletedAt: ts("deleted_at"),
  },
  (t) => [
    uniqueIndex("leads_source_ext_uq").on(t.sourceId, t.externalId),
    index("leads_org_created_idx").on(t.orgId, t.createdAt),
    index("leads_org_manager_idx").on(t.orgId, t.crmUserId, t.createdAt),
    wordsIndex("leads_search_idx", t.title),
    ...referenceIndexes("leads", [t.crmUserId, t.contactId]),
  ],
);

export const deals = pgTable(
  "deals",
  {
    id: id(),
    orgId: orgRef(),
    sourceId: sourceRef(),
    externalId: text("external_id").notNull(),
    title: text("title").notNull(),
    pipelineId: uuid("pipeline_id")
      .notNull()
      .references(() => pipelines.id, { onDelete: "cascade" }),
    stageId: uuid("stage_id")
      .notNull()
      .references(() => stages.id, { onDelete: "restrict" }),
    amount: money("amount").notNull().default("0"),
    currency: char("currency", { length: 3 }).notNull(),
    crmUserId: uuid("crm_user_id").references(() => crmUsers.id, { onDelete: "set null" }),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "set null" }),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "set null" }),
    channel: text("channel"),
    ...utmColumns(),
    createdAt: ts("created_at").notNull(),
    updatedAt: ts("updated_at"),
    /** The moment the deal entered its won or lost stage (not Bitrix24's planned CLOSEDATE). */
    closedAt: ts("closed_at"),
    deletedAt: ts("deleted_at"),
  },
  (t) => [
    uniqueIndex("deals_source_ext_uq").on(t.sourceId, t.externalId),
    index("deals_org_closed_idx").on(t.orgId, t.closedAt),
    index("deals_org_created_idx").on(t.orgId, t.createdAt),
    index("deals_org_manager_idx").on(t.orgId, t.crmUserId, t.closedAt),
    index("deals_org_stage_idx").on(t.orgId, t.stageId),
    // Lead-to-deal conversion joins on it, and deleting a lead must not scan every deal.
    index("deals_lead_idx").on(t.leadId),
    wordsIndex("deals_search_idx", t.title),
    ...referenceIndexes("deals", [t.stageId, t.crmUserId, t.contactId, t.companyId]),
  ],
);

export const stageChanges = pgTable(
  "stage_changes",
  {
    id: id(),
    orgId: orgRef(),
    sourceId: sourceRef(),
    externalId: text("external_id").notNull(),
    dealId: uuid("deal_id")
      .notNull()
      .references(() => deals.id, { onDelete: "cascade" }),
    fromStageId: uuid("from_stage_id").references(() => stages.id, { onDelete: "set null" }),
    toStageId: uuid("to_stage_id")
      .notNull()
      .references(() => stages.id, { onDelete: "cascade" }),
    crmUserId: uuid("crm_user_id").references(() => crmUsers.id, { onDelete: "set null" }),
    changedAt: ts("changed_at").notNull(),
  },
  (t) => [
    uniqueIndex("stage_changes_source_ext_uq").on(t.sourceId, t.externalId),
    index("stage_changes_deal_idx").on(t.dealId, t.changedAt),
    index("stage_changes_org_idx").on(t.orgId, t.changedAt),
    ...referenceIndexes("stage_changes", [t.fromStageId, t.toStageId, t.crmUserId]),
  ],
);

/**
 * A lead's status history as the CRM recorded it (Bitrix24 crm.stagehistory.list, entityTypeId 1).
 * Statuses are kept by the CRM's id (a lead's statuses are not a pipeline of ours); the semantic
 * says whether the move converted or junked the lead. The first move into "converted" is the lead's
 * conversion moment in the reports (lib/reports/facts/fact-sql.ts).
 */
export const leadStatusChanges = pgTable(
  "lead_status_changes",
  {
    id: id(),
    orgId: orgRef(),
    sourceId: sourceRef(),
    externalId: text("external_id").notNull(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    fromStatusExternalId: text("from_status_external_id"),
    toStatusExternalId: text("to_status_external_id").notNull(),
    semantic: leadStatusSemanticEnum("semantic").notNull(),
    changedAt: ts("changed_at").notNull(),
  },
  (t) => [
    uniqueIndex("lead_status_changes_source_ext_uq").on(t.sourceId, t.externalId),
    index("lead_status_changes_lead_idx").on(t.leadId, t.changedAt),
    index("lead_status_changes_org_idx").on(t.orgId, t.changedAt),
  ],
);

export const activities = pgTable(
  "activities",
  {
    id: id(),
    orgId: orgRef(),
    sourceId: sourceRef(),
    externalId: text("external_id").notNull(),
    type: activityTypeEnum("type").notNull(),
    subject: text("subject"),
    /** "in" or "out" for calls and e-mails. */
    direction: text("direction"),
    isCompleted: boolean("is_completed").notNull().default(false),
    crmUserId: uuid("crm_user_id").references(() => crmUsers.id, { onDelete: "set null" }),
    dealId: uuid("deal_id").references(() => deals.id, { onDelete: "set null" }),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "set null" }),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    /** Activities are counted on the day they start. */
    startAt: ts("start_at").notNull(),
    completedAt: ts("completed_at"),
    durationSeconds: integer("duration_seconds"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at"),
    deletedAt: ts("deleted_at"),
  },
  (t) => [
    uniqueIndex("activities_source_ext_uq").on(t.sourceId, t.externalId),
    index("activities_org_manager_idx").on(t.orgId, t.crmUserId, t.startAt),
    index("activities_org_start_idx").on(t.orgId, t.startAt),
    // Deleting a deal or lead sets these to null: without an index, each delete scans all activities.
    index("activities_deal_idx").on(t.dealId),
    index("activities_lead_idx").on(t.leadId),
    ...referenceIndexes("activities", [t.crmUserId, t.contactId]),
  ],
);
