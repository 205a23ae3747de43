// Turns the CRM's external ids into Voronka ids, one query per table and chunk, so a chunk of
// 500 deals costs a handful of lookups instead of thousands.
import { and, eq, sql } from "drizzle-orm";
import { activities, companies, contacts, conversationTexts, crmDepartments, crmUsers, deals, leads, leadStatusChanges, pipelines, stageChanges, stages } from "@/db/schema";
import { textArray } from "./upsert";
import type { Db } from "@/db/types";
import type { StageSemantic } from "./types";

const lookupTables = { crmUsers, crmDepartments, companies, contacts, leads, deals, activities, pipelines, stageChanges, leadStatusChanges, conversationTexts } as const;
export type LookupTable = keyof typeof lookupTables;

/** external id → Voronka id for the given external ids of one source (nulls and blanks ignored). */
export async function idsByExternalId(db: Db, what: LookupTable, sourceId: string, externalIds: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(externalIds.filter((id): id is string => Boolean(id)))];
  const map = new Map<string, string>();
  if (wanted.length === 0) return map;
  const table = lookupTables[what];
  const rows = await db
    .select({ id: table.id, externalId: table.externalId })
    .from(table)
    .where(and(eq(table.sourceId, sourceId), sql`${table.externalId} = any(${textArray(wanted)})`));
  for (const row of rows) map.set(row.externalId, row.id);
  return map;
}

export const stageKey = (pipelineExternalId: string, stageExternalId: string) => `${pipelineExternalId}\u0000${stageExternalId}`;

export type StageMap = {
  pipelineIds: Map<string, string>;
  /** stageKey(pipeline, stage) → { id, semantic } */
  stages: Map<string, { id: string; semantic: StageSemantic }>;
};

/** Every pipeline and stage of a source: a few hundred rows at most (amoCRM: ≤ 50 × 100). */
export async function loadStageMap(db: Db, sourceId: string): Promise<StageMap> {
  const pipelineRows = await db.select({ id: pipelines.id, externalId: pipelines.externalId }).from(pipelines).where(eq(pipelines.sourceId, sourceId));
  const pipelineIds = new Map(pipelineRows.map((row) => [row.externalId, row.id]));
  const pipelineExt = new Map(pipelineRows.map((row) => [row.id, row.externalId]));
  const stageRows = await db
    .select({ id: stages.id, externalId: stages.externalId, pipelineId: stages.pipelineId, semantic: stages.semantic })
    .from(stages)
    .where(eq(stages.sourceId, sourceId));
  const map = new Map<string, { id: string; semantic: StageSemantic }>();
  for (const row of stageRows) map.set(stageKey(pipelineExt.get(row.pipelineId)!, row.externalId), { id: row.id, semantic: row.semantic });
  return { pipelineIds, stages: map };
}

/**
 * Makes sure each (pipeline, stage) exists, creating a placeholder named by its external id when a
 * deal arrives in a stage the layer has not seen yet (a webhook before the next pipeline sync);
 * the next pipeline sync gives it its real name and order.
 */
export async function ensureStages(
  db: Db,
  source: { id: string; orgId: string },
  map: StageMap,
  wanted: { pipelineExternalId: string; stageExternalId: string; semantic?: StageSemantic }[],
): Promise<StageMap> {
  const missing = wanted.filter((w) => !map.stages.has(stageKey(w.pipelineExternalId, w.stageExternalId)));
  if (missing.length === 0) return map;
  const newPipelines = [...new Set(missing.map((m) => m.pipelineExternalId))].filter((ext) => !map.pipelineIds.has(ext));
  if (newPipelines.length > 0) {
    await db
      .insert(pipelines)
      .values(newPipelines.map((externalId) => ({ orgId: source.orgId, sourceId: source.id, externalId, name: externalId, sort: 0 })))
      .onConflictDoNothing();
  }
  const refreshed = newPipelines.length > 0 ? await loadStageMap(db, source.id) : map;
  const seen = new Set<string>();
  const stageRows = [];
  for (const m of missing) {
    const key = stageKey(m.pipelineExternalId, m.stageExternalId);
    if (seen.has(key) || refreshed.stages.has(key)) continue;
    seen.add(key);
    stageRows.push({
      orgId: source.orgId,
      sourceId: source.id,
      pipelineId: refreshed.pipelineIds.get(m.pipelineExternalId)!,
      externalId: m.stageExternalId,
      name: m.stageExternalId,
      sort: 0,
      semantic: m.semantic ?? ("open" as const),
    });
  }
  if (stageRows.length > 0) await db.insert(stages).values(stageRows).onConflictDoNothing();
  return loadStageMap(db, source.id);
}
