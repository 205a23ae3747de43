// The canonical write layer: every connector (sync, webhooks) writes CRM data through these.
export * from "./types";
export { applyDepartments, applyCrmUsers, applyPipelines, applyStages } from "./directory";
export { applyCompanies, applyContacts } from "./parties";
export { applyLeads } from "./leads";
export { applyDeals, type ApplyDealsOptions } from "./deals";
export { applyDealsAsLeads } from "./deal-leads";
export { applyUnsortedLeads, retireUnsortedLeads } from "./unsorted-leads";
export { applyFormLeads, receivedByHash, type CanonicalFormLead } from "./form-leads";
export { applyActivities, applyCallDurations } from "./activities";
export { applyStageChanges } from "./stage-changes";
export { applyLeadStatusChanges } from "./lead-status-changes";
export { applyConversationTexts, contentHashOf, markDealTextsGone } from "./conversation-texts";
export { markDeleted, markDeletedInRange, type DeletableEntity } from "./deletes";
export { CHUNK_SIZE } from "./upsert";
export { runInWriteScope, type WriteScope } from "./write-scope";
