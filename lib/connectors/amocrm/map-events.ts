// GET /api/v4/events items of type lead_status_changed → canonical stage changes (docs/amocrm-wire.md, "Other endpoints").
import type { CanonicalStageChange } from "@/lib/canonical/types";
import { amoDate, amoId, type AmoRow } from "./map-common";

type StatusValue = { lead_status?: { id?: number; pipeline_id?: number } };

export function mapAmoStatusEvent(row: AmoRow): CanonicalStageChange | null {
  if (row.type !== "lead_status_changed") return null;
  const after = (row.value_after as StatusValue[] | undefined)?.[0]?.lead_status;
  const before = (row.value_before as StatusValue[] | undefined)?.[0]?.lead_status;
  const changedAt = amoDate(row.created_at);
  if (!after?.id || !after.pipeline_id || !changedAt) return null;
  return {
    externalId: String(row.id),
    dealExternalId: String(row.entity_id),
    pipelineExternalId: String(after.pipeline_id),
    toStageExternalId: String(after.id),
    fromStageExternalId: before?.id ? String(before.id) : null,
    fromPipelineExternalId: before?.pipeline_id ? String(before.pipeline_id) : null,
    // created_by 0 is a robot or the system: no manager moved it.
    crmUserExternalId: amoId(row.created_by),
    changedAt,
  };
}
