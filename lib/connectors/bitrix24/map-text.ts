// Conversation texts of a Bitrix24 portal (issue 18; integrations-2.md, "Bitrix24 comments"):
// an activity's DESCRIPTION, a timeline comment, a call's record from voximplant.statistic.get.
import type { CanonicalConversationText } from "@/lib/canonical/types";
import { b24Markup, toPlainText } from "../text/markup";
import { recordingUrlOf } from "../text/recording-url";
import { b24ActivityType } from "./map-activity";
import { b24Date, b24Id, type B24Row } from "./map-common";

const OWNER = { lead: "1", deal: "2", contact: "3", company: "4" };

/**
 * The description of a call, e-mail, meeting or task; null for activities we do not count. An
 * empty description is still returned (empty body): a description cleared in the CRM is deleted here.
 */
export function mapB24ActivityText(row: B24Row): CanonicalConversationText | null {
  const type = b24ActivityType(row);
  if (!type) return null;
  const ownerType = String(row.OWNER_TYPE_ID ?? "");
  const ownerId = b24Id(row.OWNER_ID);
  const direction = String(row.DIRECTION ?? "");
  return {
    externalId: `activity:${row.ID}`,
    kind: "bitrix_activity_description",
    body: toPlainText(row.DESCRIPTION, b24Markup(row.DESCRIPTION_TYPE)),
    activityExternalId: String(row.ID),
    dealExternalId: ownerType === OWNER.deal ? ownerId : null,
    leadExternalId: ownerType === OWNER.lead ? ownerId : null,
    contactExternalId: ownerType === OWNER.contact ? ownerId : null,
    companyExternalId: ownerType === OWNER.company ? ownerId : null,
    crmUserExternalId: b24Id(row.RESPONSIBLE_ID) ?? b24Id(row.AUTHOR_ID),
    direction: direction === "1" ? "in" : direction === "2" ? "out" : null,
    occurredAt: b24Date(row.START_TIME) ?? b24Date(row.CREATED) ?? new Date(0),
    updatedAt: b24Date(row.LAST_UPDATED),
  };
}

/** A crm.timeline.comment.list row: COMMENT is BB-code; comments carry no modification time. */
export function mapB24TimelineComment(row: B24Row): CanonicalConversationText {
  const entityType = String(row.ENTITY_TYPE ?? "").toLowerCase();
  const entityId = b24Id(row.ENTITY_ID);
  return {
    externalId: `comment:${row.ID}`,
    kind: "bitrix_timeline_comment",
    body: toPlainText(row.COMMENT, "bbcode"),
    dealExternalId: entityType === "deal" ? entityId : null,
    leadExternalId: entityType === "lead" ? entityId : null,
    contactExternalId: entityType === "contact" ? entityId : null,
    companyExternalId: entityType === "company" ? entityId : null,
    crmUserExternalId: b24Id(row.AUTHOR_ID),
    occurredAt: b24Date(row.CREATED) ?? new Date(0),
    updatedAt: null,
  };
}

/**
 * A voximplant.statistic.get row with a record (CALL_RECORD_URL or RECORD_FILE_ID); null without
 * one. CRM_ENTITY_TYPE is never a deal: the deal comes from the call's activity (CRM_ACTIVITY_ID).
 */
export function mapB24CallRecord(row: B24Row): CanonicalConversationText | null {
  const recordingUrl = recordingUrlOf(row.CALL_RECORD_URL);
  const recordFileId = b24Id(row.RECORD_FILE_ID);
  if (!recordingUrl && !recordFileId) return null;
  const entityType = String(row.CRM_ENTITY_TYPE ?? "").toUpperCase();
  const entityId = b24Id(row.CRM_ENTITY_ID);
  const callType = String(row.CALL_TYPE ?? "");
  const seconds = Number(row.CALL_DURATION);
  return {
    externalId: `call:${row.ID}`,
    kind: "bitrix_call_record",
    body: "",
    activityExternalId: b24Id(row.CRM_ACTIVITY_ID),
    leadExternalId: entityType === "LEAD" ? entityId : null,
    contactExternalId: entityType === "CONTACT" ? entityId : null,
    companyExternalId: entityType === "COMPANY" ? entityId : null,
    crmUserExternalId: b24Id(row.PORTAL_USER_ID),
    // CALL_TYPE 1 outgoing, 2 incoming, 3 incoming redirected, 4 callback (ours, outgoing), 5 info.
    direction: callType === "1" || callType === "4" ? "out" : callType === "2" || callType === "3" ? "in" : null,
    occurredAt: b24Date(row.CALL_START_DATE) ?? new Date(0),
    recordingUrl,
    recordFileId,
    durationSeconds: Number.isFinite(seconds) ? seconds : null,
    updatedAt: null,
  };
}
