// Stage history the CRM recorded itself. Applying it replaces the moves the layer derived from
// stage differences for the same deal and target stage, so a move is never counted twice.
import { sql } from "drizzle-orm";
import { stageChanges } from "@/db/schema";
import { idsByExternalId, loadStageMap, stageKey } from "./refs";
import { emptyResult, type ApplyResult, type CanonicalStageChange, type SourceRef } from "./types";
import { chunk, lastPerExternalId, tally, upsertRows } from "./upsert";
import type { Db } from "@/db/types";
import { withFacts } from "./facts";

export async function applyStageChanges(db: Db, source: SourceRef, records: CanonicalStageChange[]): Promise<ApplyResult> {
  return withFacts(db, source.orgId, (tx) => applyStageChangesUnwrapped(tx, source, records), (r) => ({ dealIds: r.dealIds }));
}

async function applyStageChangesUnwrapped(db: Db, source: SourceRef, records: CanonicalStageChange[]): Promise<ApplyResult & { dealIds: string[] }> {
  const result = { ...emptyResult(), dealIds: [] as string[] };
  const stageMap = await loadStageMap(db, source.id);
  for (const part of chunk(lastPerExternalId(records))) {
    const existed = new Set((await idsByExternalId(db, "stageChanges", source.id, part.map((r) => r.externalId))).keys());
    const dealIds = await idsByExternalId(db, "deals", source.id, part.map((r) => r.dealExternalId));
    const users = await idsByExternalId(db, "crmUsers", source.id, part.map((r) => r.crmUserExternalId));
    const rows = [];
    for (const r of part) {
      const dealId = dealIds.get(r.dealExternalId);
      const to = stageMap.stages.get(stageKey(r.pipelineExternalId, r.toStageExternalId));
      // A move of a deal or into a stage the layer does not know cannot be placed in a funnel.
      if (!dealId || !to) {
        result.skipped++;
        continue;
      }
      const from = r.fromStageExternalId ? stageMap.stages.get(stageKey(r.fromPipelineExternalId ?? r.pipelineExternalId, r.fromStageExternalId)) : undefined;
      rows.push({
        orgId: source.orgId,
        sourceId: source.id,
        externalId: r.externalId,
        dealId,
        fromStageId: from?.id ?? null,
        toStageId: to.id,
        crmUserId: r.crmUserExternalId ? (users.get(r.crmUserExternalId) ?? null) : null,
        changedAt: r.changedAt,
      });
    }
    const written = await upsertRows(db, stageChanges, rows, {
      target: [stageChanges.sourceId, stageChanges.externalId],
      columns: ["dealId", "fromStageId", "toStageId", "crmUserId", "changedAt"],
    });
    tally(result, written, existed, rows.length);
    // The deals' funnel facts change with their history (and with the derived rows removed below).
    result.dealIds.push(...new Set(rows.map((row) => row.dealId)));
    if (rows.length > 0) await deleteDerived(db, rows);
  }
  return result;
}

/**
 * Drops the derived moves of these (deal, target stage) pairs. Driven by the pairs through the
 * (deal, changed_at) index: one lookup per deal, instead of a scan of every stage change the
 * planner chose for a long list of row values.
 */
async function deleteDerived(db: Db, rows: { dealId: string; toStageId: string }[]): Promise<void> {
  const array = (ids: string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;
  await db.execute(sql`delete from stage_changes sc
    using unnest(${array(rows.map((row) => row.dealId))}, ${array(rows.map((row) => row.toStageId))}) as p(deal_id, to_stage_id)
    where sc.deal_id = p.deal_id and sc.to_stage_id = p.to_stage_id and sc.external_id like 'derived:%'`);
}
