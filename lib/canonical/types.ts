// The canonical records every connector (REST sync, webhooks) hands to lib/canonical. They speak in
// the CRM's external ids; the layer resolves those to Voronka ids. Money is a decimal string, times
// are Date instants, and `updatedAt` is the CRM's own modification time (newest wins on it).

/** Which source the records came from; every write is keyed by (source, external id). */
export type SourceRef = { id: string; orgId: string };

export type StageSemantic = "open" | "won" | "lost";
export type LeadStatusSemantic = "open" | "converted" | "junk";
export type ActivityType = "call" | "email" | "meeting" | "task";

import type { UtmTags } from "@/lib/attribution/types";
export type { UtmTags };

/**
 * The record exactly as the CRM sent it, kept in crm_payloads (issue 19) so an unmapped field can be
 * mapped later without a re-sync. `webhook` marks a webhook's own shape (amoCRM's form hooks),
 * which differs from the REST record.
 */
export type RawPayload = { origin: "rest" | "webhook"; payload: Record<string, unknown> };

export type CanonicalDepartment = { externalId: string; name: string; parentExternalId?: string | null };

export type CanonicalCrmUser = {
  externalId: string;
  name: string;
  email?: string | null;
  isActive: boolean;
  departmentExternalId?: string | null;
};

export type CanonicalPipeline = { externalId: string; name: string; sort: number; isDeleted?: boolean };

export type CanonicalStage = {
  pipelineExternalId: string;
  /** Unique within its pipeline only (amoCRM repeats 142/143 in every pipeline). */
  externalId: string;
  name: string;
  sort: number;
  semantic: StageSemantic;
  color?: string | null;
};

export type CanonicalCompany = {
  externalId: string;
  raw?: RawPayload;
  name: string;
  phone?: string | null;
  email?: string | null;
  createdAt?: Date | null;
  updatedAt?: Date | null;
  deletedAt?: Date | null;
};

export type CanonicalContact = {
  externalId: string;
  raw?: RawPayload;
  name: string;
  /** Raw as the CRM has it; the layer normalises to E.164 with the organisation's country. */
  phone?: string | null;
  email?: string | null;
  companyExternalId?: string | null;
  crmUserExternalId?: string | null;
  createdAt?: Date | null;
  updatedAt?: Date | null;
  deletedAt?: Date | null;
};

export type CanonicalLead = UtmTags & {
  externalId: string;
  raw?: RawPayload;
  title: string;
  statusExternalId?: string | null;
  statusSemantic: LeadStatusSemantic;
  /** The CRM's source field, already named as the CRM names it. */
  channel?: string | null;
  crmUserExternalId?: string | null;
  contactExternalId?: string | null;
  amount?: string | null;
  currency?: string | null;
  createdAt: Date;
  updatedAt?: Date | null;
  convertedAt?: Date | null;
  deletedAt?: Date | null;
};

export type CanonicalDeal = UtmTags & {
  externalId: string;
  raw?: RawPayload;
  title: string;
  pipelineExternalId: string;
  stageExternalId: string;
  /** The CRM's own won/lost flag; used when the stage is not known yet (a placeholder is made). */
  stageSemantic?: StageSemantic;
  amount: string;
  currency: string;
  crmUserExternalId?: string | null;
  contactExternalId?: string | null;
  companyExternalId?: string | null;
  leadExternalId?: string | null;
  channel?: string | null;
  createdAt: Date;
  updatedAt?: Date | null;
  closedAt?: Date | null;
  /** When the deal entered its current stage and who moved it (for derived stage changes). */
  movedAt?: Date | null;
  movedByExternalId?: string | null;
  deletedAt?: Date | null;
};

export type CanonicalActivity = {
  externalId: string;
  raw?: RawPayload;
  type: ActivityType;
  subject?: string | null;
  direction?: "in" | "out" | null;
  isCompleted: boolean;
  crmUserExternalId?: string | null;
  dealExternalId?: string | null;
  leadExternalId?: string | null;
  contactExternalId?: string | null;
  startAt: Date;
  completedAt?: Date | null;
  durationSeconds?: number | null;
  updatedAt?: Date | null;
  deletedAt?: Date | null;
};

/** A stage move the CRM itself recorded (Bitrix24 stage history, amoCRM lead_status_changed). */
export type CanonicalStageChange = {
  externalId: string;
  dealExternalId: string;
  pipelineExternalId: string;
  fromStageExternalId?: string | null;
  /** The pipeline of the stage left, when the move crossed pipelines. */
  fromPipelineExternalId?: string | null;
  toStageExternalId: string;
  crmUserExternalId?: string | null;
  changedAt: Date;
};

/** One move of a lead between the CRM's lead statuses (Bitrix24 crm.stagehistory.list, entityTypeId 1). */
export type CanonicalLeadStatusChange = {
  externalId: string;
  leadExternalId: string;
  fromStatusExternalId: string | null;
  toStatusExternalId: string;
  semantic: LeadStatusSemantic;
  changedAt: Date;
};

/** What one apply call did; the sync run sums these. */
export type ApplyResult = { inserted: number; updated: number; unchanged: number; skipped: number; ids: string[]; /** Rows the records themselves proved gone (an emptied text). */ deleted?: number };

export const emptyResult = (): ApplyResult => ({ inserted: 0, updated: 0, unchanged: 0, skipped: 0, ids: [] });

export type { ConversationTextKind } from "@/db/schema/conversations";
import type { ConversationTextKind } from "@/db/schema/conversations";

/**
 * A conversation text (issue 18): an activity's description, a timeline comment, a call record or
 * an amoCRM note. The deal, lead or contact comes from the CRM or, for a text of an activity, from
 * that activity as stored. A record with neither a body nor a recording is gone (an emptied
 * description): the stored text is marked deleted.
 */
export type CanonicalConversationText = {
  externalId: string;
  kind: ConversationTextKind;
  body: string;
  dealExternalId?: string | null;
  leadExternalId?: string | null;
  contactExternalId?: string | null;
  companyExternalId?: string | null;
  activityExternalId?: string | null;
  crmUserExternalId?: string | null;
  direction?: "in" | "out" | null;
  occurredAt: Date;
  recordingUrl?: string | null;
  recordFileId?: string | null;
  durationSeconds?: number | null;
  updatedAt?: Date | null;
  deletedAt?: Date | null;
};
