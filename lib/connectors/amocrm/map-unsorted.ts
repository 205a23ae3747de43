// GET /api/v4/leads/unsorted item → the lead it holds: amoCRM makes the lead when the request
// arrives (in the pipeline's "Неразобранное" status) and keeps its id when the item is accepted, so
// the inbox item and the accepted lead are one lead (docs/amocrm-wire.md, "Incoming leads").
import type { CanonicalLead } from "@/lib/canonical/types";
import { amoDate, amoId, embeddedId, type AmoRow } from "./map-common";

/** The inbox category as the lead's channel (its source field stays empty for amoCRM). */
export const AMO_UNSORTED_CHANNELS: Record<string, string> = { forms: "Форма", sip: "Звонок", mail: "Почта", chats: "Чат" };

export function mapAmoUnsorted(row: AmoRow): CanonicalLead | null {
  const externalId = embeddedId(row, "leads");
  if (!externalId) return null;
  const category = String(row.category ?? "");
  return {
    externalId,
    title: `#${externalId}`,
    statusSemantic: "open",
    channel: AMO_UNSORTED_CHANNELS[category] ?? (amoId(category) ?? null),
    createdAt: amoDate(row.created_at) ?? new Date(0),
  };
}
