// crm.stagehistory.list (entityTypeId 1) rows → canonical lead status changes. Lead rows carry
// STATUS_ID and STATUS_SEMANTIC_ID instead of the stage fields, and like deal rows no actor and no
// "from": the previous row of the same lead in the batch (ordered by ID) gives "from".
import type { CanonicalLeadStatusChange } from "@/lib/canonical/types";
import { b24Date, b24Text, type B24Row } from "./map-common";
import { b24LeadSemantic } from "./map-lead";

export function mapB24LeadStatusHistory(rows: B24Row[]): CanonicalLeadStatusChange[] {
  const sorted = [...rows].sort((a, b) => Number(a.ID) - Number(b.ID));
  const lastStatus = new Map<string, string>();
  const out: CanonicalLeadStatusChange[] = [];
  for (const row of sorted) {
    const leadExternalId = String(row.OWNER_ID);
    const status = b24Text(row.STATUS_ID);
    const changedAt = b24Date(row.CREATED_TIME);
    if (!status || !changedAt) continue;
    out.push({
      externalId: String(row.ID),
      leadExternalId,
      fromStatusExternalId: lastStatus.get(leadExternalId) ?? null,
      toStatusExternalId: status,
      semantic: b24LeadSemantic(row),
      changedAt,
    });
    lastStatus.set(leadExternalId, status);
  }
  return out;
}
