// crm.stagehistory.list (entityTypeId 2) rows → canonical stage changes. Rows carry no actor and no
// "from" stage: the previous row of the same deal in the batch (ordered by ID) gives "from".
import type { CanonicalStageChange } from "@/lib/canonical/types";
import { b24Date, b24Text, type B24Row } from "./map-common";

export function mapB24StageHistory(rows: B24Row[]): CanonicalStageChange[] {
  const sorted = [...rows].sort((a, b) => Number(a.ID) - Number(b.ID));
  const lastStage = new Map<string, { stage: string; pipeline: string }>();
  const out: CanonicalStageChange[] = [];
  for (const row of sorted) {
    const dealExternalId = String(row.OWNER_ID);
    const stage = b24Text(row.STAGE_ID);
    const changedAt = b24Date(row.CREATED_TIME);
    if (!stage || !changedAt) continue;
    const pipeline = b24Text(row.CATEGORY_ID) ?? "0";
    const previous = lastStage.get(dealExternalId);
    out.push({
      externalId: String(row.ID),
      dealExternalId,
      pipelineExternalId: pipeline,
      fromStageExternalId: previous?.stage ?? null,
      fromPipelineExternalId: previous?.pipeline ?? null,
      toStageExternalId: stage,
      changedAt,
    });
    lastStage.set(dealExternalId, { stage, pipeline });
  }
  return out;
}
