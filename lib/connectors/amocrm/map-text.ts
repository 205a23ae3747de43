// amoCRM notes of leads, contacts and companies → conversation texts (issue 18; integrations-2.md,
// "amoCRM notes"): common notes, calls with their record's link and talk time, SMS, service messages.
import type { CanonicalConversationText, ConversationTextKind } from "@/lib/canonical/types";
import { toPlainText } from "../text/markup";
import { recordingUrlOf } from "../text/recording-url";
import { amoDate, amoId, type AmoRow } from "./map-common";

export type AmoNoteEntity = "leads" | "contacts" | "companies";

/** The note types read as texts (filter[note_type][]); attachments, geolocation and the rest are not text. */
export const AMO_TEXT_NOTE_TYPES = ["common", "call_in", "call_out", "sms_in", "sms_out", "service_message", "extended_service_message"];

/** External id prefix per entity: amoCRM does not promise one id space for the notes of all three. */
export const AMO_NOTE_PREFIX: Record<AmoNoteEntity, string> = { leads: "lead-note:", contacts: "contact-note:", companies: "company-note:" };

const KIND: Record<string, ConversationTextKind> = {
  common: "amocrm_note_common",
  call_in: "amocrm_note_call_in",
  call_out: "amocrm_note_call_out",
  sms_in: "amocrm_note_sms",
  sms_out: "amocrm_note_sms",
  service_message: "amocrm_note_service",
  extended_service_message: "amocrm_note_service",
};

/** Null for a note type that carries no conversation. */
export function mapAmoNote(row: AmoRow, entity: AmoNoteEntity): CanonicalConversationText | null {
  const noteType = String(row.note_type ?? "");
  const kind = KIND[noteType];
  if (!kind) return null;
  const params = (row.params ?? {}) as AmoRow;
  const entityId = amoId(row.entity_id);
  const isCall = noteType === "call_in" || noteType === "call_out";
  const duration = Number(params.duration);
  const direction = noteType.endsWith("_in") ? "in" : noteType.endsWith("_out") ? "out" : null;
  return {
    externalId: `${AMO_NOTE_PREFIX[entity]}${row.id}`,
    kind,
    body: toPlainText(params.text, "plain"),
    // A deal in amoCRM is a lead, stored as both (lib/canonical/deal-leads.ts).
    dealExternalId: entity === "leads" ? entityId : null,
    leadExternalId: entity === "leads" ? entityId : null,
    contactExternalId: entity === "contacts" ? entityId : null,
    companyExternalId: entity === "companies" ? entityId : null,
    crmUserExternalId: amoId(row.created_by) ?? amoId(row.responsible_user_id),
    direction,
    occurredAt: amoDate(row.created_at) ?? new Date(0),
    recordingUrl: isCall ? recordingUrlOf(params.link) : null,
    durationSeconds: isCall && Number.isFinite(duration) ? duration : null,
    updatedAt: amoDate(row.updated_at),
  };
}
