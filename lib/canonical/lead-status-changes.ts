// A lead's status history as the CRM recorded it. Written with the facts of the leads it touches:
// the first move into a converted status is the lead's conversion moment in the reports.
import { leadStatusChanges } from "@/db/schema";
import type { Db } from "@/db/types";
import { withFacts } from "./facts";
import { idsByExternalId } from "./refs";
import { emptyResult, type ApplyResult, type CanonicalLeadStatusChange, type SourceRef } from "./types";
import { chunk, lastPerExternalId, tally, upsertRows } from "./upsert";

export async function applyLeadStatusChanges(db: Db, source: SourceRef, records: CanonicalLeadStatusChange[]): Promise<ApplyResult> {
  return withFacts(db, source.orgId, (tx) => write(tx, source, records), (r) => ({ leadIds: r.leadIds }));
}

async function write(db: Db, source: SourceRef, records: CanonicalLeadStatusChange[]): Promise<ApplyResult & { leadIds: string[] }> {
  const result = { ...emptyResult(), leadIds: [] as string[] };
  for (const part of chunk(lastPerExternalId(records))) {
    const existed = new Set((await idsByExternalId(db, "leadStatusChanges", source.id, part.map((r) => r.externalId))).keys());
    const leadIds = await idsByExternalId(db, "leads", source.id, part.map((r) => r.leadExternalId));
    const rows = [];
    for (const r of part) {
      const leadId = leadIds.get(r.leadExternalId);
      // A move of a lead the layer does not have (deleted, or not synced yet) has nowhere to go.
      if (!leadId) {
        result.skipped++;
        continue;
      }
      rows.push({ orgId: source.orgId, sourceId: source.id, externalId: r.externalId, leadId, fromStatusExternalId: r.fromStatusExternalId, toStatusExternalId: r.toStatusExternalId, semantic: r.semantic, changedAt: r.changedAt });
    }
    const written = await upsertRows(db, leadStatusChanges, rows, {
      target: [leadStatusChanges.sourceId, leadStatusChanges.externalId],
      columns: ["leadId", "fromStatusExternalId", "toStatusExternalId", "semantic", "changedAt"],
    });
    tally(result, written, existed, rows.length);
    result.leadIds.push(...new Set(rows.map((row) => row.leadId)));
  }
  return result;
}
