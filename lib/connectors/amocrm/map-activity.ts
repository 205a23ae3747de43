// GET /api/v4/tasks items and call notes (note_type call_in / call_out) → canonical activities (docs/amocrm-wire.md, "Other endpoints").
// Tasks and notes have separate id spaces, so their external ids carry a prefix.
import type { CanonicalActivity } from "@/lib/canonical/types";
import { amoDate, amoId, amoText, type AmoRow } from "./map-common";

/** task_type_id 1 (FOLLOW_UP, "Связаться") is a call, 2 a meeting, anything else a task. */
export function mapAmoTask(row: AmoRow): CanonicalActivity {
  const typeId = Number(row.task_type_id);
  const entityType = String(row.entity_type ?? "");
  const entityId = amoId(row.entity_id);
  const isCompleted = row.is_completed === true;
  const updatedAt = amoDate(row.updated_at);
  return {
    raw: { origin: "rest", payload: row },
    externalId: `task:${row.id}`,
    type: typeId === 1 ? "call" : typeId === 2 ? "meeting" : "task",
    subject: amoText(row.text),
    isCompleted,
    crmUserExternalId: amoId(row.responsible_user_id),
    dealExternalId: entityType === "leads" ? entityId : null,
    contactExternalId: entityType === "contacts" ? entityId : null,
    // A task is counted on the day it is due (its start in the calendar), else when it was set.
    startAt: amoDate(row.complete_till) ?? amoDate(row.created_at) ?? new Date(0),
    completedAt: isCompleted ? updatedAt : null,
    durationSeconds: null,
    updatedAt,
  };
}

/** A lead's or contact's call note; null for any other note type. */
export function mapAmoCallNote(row: AmoRow, entity: "leads" | "contacts" = "leads"): CanonicalActivity | null {
  const noteType = String(row.note_type ?? "");
  if (noteType !== "call_in" && noteType !== "call_out") return null;
  const params = (row.params ?? {}) as AmoRow;
  const duration = Number(params.duration);
  const createdAt = amoDate(row.created_at) ?? new Date(0);
  const entityId = amoId(row.entity_id);
  return {
    raw: { origin: "rest", payload: row },
    externalId: `note:${row.id}`,
    type: "call",
    subject: amoText(params.phone) ? `${noteType === "call_in" ? "Входящий" : "Исходящий"} ${amoText(params.phone)}` : null,
    direction: noteType === "call_in" ? "in" : "out",
    isCompleted: true,
    crmUserExternalId: amoId(row.responsible_user_id) ?? amoId(row.created_by),
    dealExternalId: entity === "leads" ? entityId : null,
    contactExternalId: entity === "contacts" ? entityId : null,
    startAt: createdAt,
    completedAt: createdAt,
    durationSeconds: Number.isFinite(duration) ? duration : null,
    updatedAt: amoDate(row.updated_at),
  };
}
