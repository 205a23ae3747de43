// amoCRM webhook shape (docs/amocrm-wire.md, "Webhooks") → canonical records. Every value
// is a string; custom fields are `custom_fields[k][id|name|code|values][m][value|enum]`; a Digital
// Pipeline hook carries only id, status_id, pipeline_id and old_status_id.
import type { CanonicalCompany, CanonicalContact, CanonicalDeal, RawPayload, StageSemantic } from "@/lib/canonical/types";
import { readTrafficFields, type AmoFieldReader } from "@/lib/connectors/amocrm/field-mapping";
import { isFormObject, listOf, textAt, type FormNode, type FormObject } from "../receive/form-body";

export const WON_STATUS = "142";
export const LOST_STATUS = "143";

/** A lead as the webhook describes it; fields a DP hook lacks are undefined, not zero. */
export type AmoLeadChange = {
  record: CanonicalDeal;
  /** False for Digital Pipeline hooks: only the stage is known. */
  isComplete: boolean;
  oldStatusId: string | null;
  oldPipelineId: string | null;
  modifiedBy: string | null;
};

export function semanticOf(statusId: string): StageSemantic {
  return statusId === WON_STATUS ? "won" : statusId === LOST_STATUS ? "lost" : "open";
}

function unix(value: string | undefined): Date | null {
  if (!value || !/^\d+$/.test(value)) return null;
  return new Date(Number(value) * 1000);
}

function userId(value: string | undefined): string | null {
  return value && value !== "0" ? value : null;
}

/** Text values may arrive HTML-escaped (docs/amocrm-wire.md, "Webhooks"). */
function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#0?39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** First value of the custom field with this code (or, failing that, this name, case-insensitive). */
export function customFieldValue(item: FormObject, code: string): string | null {
  for (const field of listOf(item.custom_fields)) {
    if (!isFormObject(field)) continue;
    const matches = textAt(field, "code")?.toUpperCase() === code || textAt(field, "name")?.toUpperCase() === code;
    if (!matches) continue;
    const first = listOf(field.values)[0];
    const value = typeof first === "string" ? first : textAt(first, "value");
    if (value) return decodeEntities(value.trim());
  }
  return null;
}

/** The lead's custom fields as the field mapping reads them; a field without a code is known by its name. */
function trafficOf(item: FormObject, reader: AmoFieldReader) {
  const fields = listOf(item.custom_fields).flatMap((field) => {
    if (!isFormObject(field)) return [];
    const first = listOf(field.values)[0];
    const value = typeof first === "string" ? first : textAt(first, "value");
    const id = Number(textAt(field, "id"));
    return [{ id: Number.isInteger(id) ? id : null, code: textAt(field, "code") || textAt(field, "name") || null, value: value?.trim() ? decodeEntities(value.trim()) : null }];
  });
  return readTrafficFields(fields, reader);
}

export function mapAmoLead(item: FormNode, currency: string, reader: AmoFieldReader): AmoLeadChange | null {
  if (!isFormObject(item)) return null;
  const id = textAt(item, "id");
  const statusId = textAt(item, "status_id");
  const pipelineId = textAt(item, "pipeline_id");
  if (!id || !statusId || !pipelineId) return null;
  const updatedAt = unix(textAt(item, "updated_at") ?? textAt(item, "last_modified"));
  const createdAt = unix(textAt(item, "created_at") ?? textAt(item, "date_create"));
  const semantic = semanticOf(statusId);
  const name = textAt(item, "name");
  const isComplete = Boolean(updatedAt && createdAt);
  return {
    record: {
      externalId: id,
      // A Digital Pipeline hook is a stub (id and stage): keeping it would hide the full record kept before.
      raw: isComplete ? webhookPayload(item) : undefined,
      title: name ? decodeEntities(name) : `#${id}`,
      pipelineExternalId: pipelineId,
      stageExternalId: statusId,
      stageSemantic: semantic,
      amount: /^\d+(\.\d+)?$/.test(textAt(item, "price") ?? "") ? textAt(item, "price")! : "0",
      currency,
      crmUserExternalId: userId(textAt(item, "responsible_user_id")),
      ...trafficOf(item, reader),
      createdAt: createdAt ?? updatedAt ?? new Date(0),
      updatedAt,
      // amoCRM sets closed_at when a lead enters 142/143, equal to updated_at at that moment (docs/amocrm-wire.md, "Leads").
      closedAt: semantic === "open" ? null : updatedAt,
      movedAt: updatedAt,
      movedByExternalId: userId(textAt(item, "modified_user_id")),
    },
    isComplete,
    oldStatusId: textAt(item, "old_status_id") ?? null,
    oldPipelineId: textAt(item, "old_pipeline_id") ?? null,
    modifiedBy: userId(textAt(item, "modified_user_id")),
  };
}

export function mapAmoContact(item: FormNode): CanonicalContact | null {
  if (!isFormObject(item)) return null;
  const id = textAt(item, "id");
  if (!id) return null;
  return {
    externalId: id,
    raw: webhookPayload(item),
    name: decodeEntities(textAt(item, "name") ?? `#${id}`),
    phone: customFieldValue(item, "PHONE"),
    email: customFieldValue(item, "EMAIL"),
    crmUserExternalId: userId(textAt(item, "responsible_user_id")),
    createdAt: unix(textAt(item, "created_at") ?? textAt(item, "date_create")),
    updatedAt: unix(textAt(item, "updated_at") ?? textAt(item, "last_modified")),
  };
}

export function mapAmoCompany(item: FormNode): CanonicalCompany | null {
  const contact = mapAmoContact(item);
  if (!contact) return null;
  return { externalId: contact.externalId, raw: contact.raw, name: contact.name, phone: contact.phone, email: contact.email, createdAt: contact.createdAt, updatedAt: contact.updatedAt };
}

/** The hook's entity as it came (every value a string, as amoCRM form-encodes it). */
function webhookPayload(item: FormObject): RawPayload {
  return { origin: "webhook", payload: item };
}

export function idOf(item: FormNode): string | null {
  return textAt(item, "id") ?? null;
}
