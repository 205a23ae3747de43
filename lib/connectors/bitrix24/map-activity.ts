// crm.activity.list row → CanonicalActivity (docs/bitrix24-wire.md, "Contacts, companies, activities, users"). Call talk time is not an activity field: it
// comes from voximplant.statistic.get (CALL_DURATION by CRM_ACTIVITY_ID), passed in as a map.
import type { ActivityType, CanonicalActivity } from "@/lib/canonical/types";
import { b24Date, b24Id, b24Text, isYes, type B24Row } from "./map-common";

const TYPE_BY_ID: Record<string, ActivityType> = { "1": "meeting", "2": "call", "3": "task", "4": "email" };

/** TYPE_ID 1 meeting, 2 call, 3 task, 4 e-mail; provider-managed ones (6) by PROVIDER_ID. */
export function b24ActivityType(row: B24Row): ActivityType | null {
  const byType = TYPE_BY_ID[String(row.TYPE_ID ?? "")];
  if (byType) return byType;
  const provider = String(row.PROVIDER_ID ?? "").toUpperCase();
  if (provider.includes("CALL")) return "call";
  if (provider.includes("EMAIL")) return "email";
  if (provider.includes("MEETING")) return "meeting";
  if (provider.includes("TODO") || provider.includes("TASK")) return "task";
  return null;
}

const OWNER = { lead: "1", deal: "2", contact: "3" };

/** Returns null for activities that are none of call / e-mail / meeting / task (calendar imports…). */
export function mapB24Activity(row: B24Row, callDurations?: Map<string, number>): CanonicalActivity | null {
  const type = b24ActivityType(row);
  if (!type) return null;
  const externalId = String(row.ID);
  const ownerType = String(row.OWNER_TYPE_ID ?? "");
  const ownerId = b24Id(row.OWNER_ID);
  const direction = String(row.DIRECTION ?? "");
  const isCompleted = isYes(row.COMPLETED);
  const startAt = b24Date(row.START_TIME) ?? b24Date(row.CREATED) ?? new Date(0);
  return {
    raw: { origin: "rest", payload: row },
    externalId,
    type,
    subject: b24Text(row.SUBJECT),
    direction: type === "call" || type === "email" ? (direction === "1" ? "in" : direction === "2" ? "out" : null) : null,
    isCompleted,
    crmUserExternalId: b24Id(row.RESPONSIBLE_ID),
    dealExternalId: ownerType === OWNER.deal ? ownerId : null,
    leadExternalId: ownerType === OWNER.lead ? ownerId : null,
    contactExternalId: ownerType === OWNER.contact ? ownerId : null,
    startAt,
    completedAt: isCompleted ? (b24Date(row.END_TIME) ?? b24Date(row.LAST_UPDATED)) : null,
    // Without telephony statistics the talk time is unknown here (undefined keeps the stored value).
    durationSeconds: type !== "call" ? null : callDurations ? (callDurations.get(externalId) ?? null) : undefined,
    updatedAt: b24Date(row.LAST_UPDATED),
  };
}

/** voximplant.statistic.get rows → CRM_ACTIVITY_ID → CALL_DURATION seconds. */
export function mapB24CallDurations(rows: B24Row[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of rows) {
    const activityId = b24Id(row.CRM_ACTIVITY_ID);
    const seconds = Number(row.CALL_DURATION);
    if (activityId && Number.isFinite(seconds)) map.set(activityId, seconds);
  }
  return map;
}
