// Per amoCRM source, which stage of each pipeline makes a lead "converted" (qualified): stored in
// the source's settings as `qualifiedStages` (pipeline id → stage id); a pipeline without one counts
// a won stage (DESIGN.md, "Leads"). The lead facts read the setting (lib/reports/facts/fact-sql.ts),
// so a change refreshes the source's facts with the setting, in one transaction.
import { and, eq, inArray } from "drizzle-orm";
import { pipelines, sources, stages } from "@/db/schema";
import type { Db } from "@/db/types";
import { ValidationError } from "@/lib/errors";
import { refreshSourceFacts } from "@/lib/reports/facts/refresh";

export type QualifiedStages = Record<string, string>;
type SourceRow = typeof sources.$inferSelect;

export function qualifiedStagesOf(settings: Record<string, unknown>): QualifiedStages {
  const raw = settings.qualifiedStages;
  if (!raw || typeof raw !== "object") return {};
  return Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/**
 * Applies `change` (pipeline id → stage id, or null: back to "won") to the source's setting. Each
 * pipeline must be the source's and each stage an open or won stage of that pipeline.
 */
export async function saveQualifiedStages(db: Db, source: SourceRow, change: Record<string, string | null>): Promise<QualifiedStages> {
  if (source.kind !== "amocrm") {
    throw new ValidationError("Only an amoCRM source has a qualified stage per pipeline", { code: "qualified_stages_amocrm_only", field: "qualifiedStages" });
  }
  const pipelineIds = Object.keys(change);
  const known = pipelineIds.length
    ? await db.select({ id: pipelines.id }).from(pipelines).where(and(eq(pipelines.sourceId, source.id), inArray(pipelines.id, pipelineIds)))
    : [];
  const stageIds = Object.values(change).filter((id): id is string => id !== null);
  const stageRows = stageIds.length
    ? await db.select({ id: stages.id, pipelineId: stages.pipelineId, semantic: stages.semantic }).from(stages).where(and(eq(stages.sourceId, source.id), inArray(stages.id, stageIds)))
    : [];
  const stageBy = new Map(stageRows.map((row) => [row.id, row]));
  const knownPipelines = new Set(known.map((row) => row.id));
  for (const [pipelineId, stageId] of Object.entries(change)) {
    const stage = stageId === null ? null : stageBy.get(stageId);
    const isValid = knownPipelines.has(pipelineId) && (stageId === null || (stage !== undefined && stage !== null && stage.pipelineId === pipelineId && stage.semantic !== "lost"));
    if (!isValid) {
      throw new ValidationError("A qualified stage must be an open or won stage of one of the source's pipelines", { code: "qualified_stage_invalid", field: "qualifiedStages" });
    }
  }
  const next: QualifiedStages = { ...qualifiedStagesOf(source.settings) };
  for (const [pipelineId, stageId] of Object.entries(change)) {
    if (stageId === null) delete next[pipelineId];
    else next[pipelineId] = stageId;
  }
  await db.transaction(async (tx) => {
    await tx.update(sources).set({ settings: { ...source.settings, qualifiedStages: next } }).where(eq(sources.id, source.id));
    await refreshSourceFacts(tx, source.orgId, source.id);
  });
  return next;
}

/** One pipeline of an amoCRM source as the admin page offers it: its open and won stages in funnel order. */
export type QualifiedStageChoice = {
  pipelineId: string;
  pipelineName: string;
  /** The chosen stage; null: a won stage (the default). */
  stageId: string | null;
  stages: { id: string; name: string; semantic: "open" | "won" }[];
};

/** Per amoCRM source id, its pipelines (not deleted) with their choosable stages and the current choice. */
export async function listQualifiedStageChoices(db: Db, rows: SourceRow[]): Promise<Map<string, QualifiedStageChoice[]>> {
  const amo = rows.filter((row) => row.kind === "amocrm");
  const out = new Map<string, QualifiedStageChoice[]>(amo.map((row) => [row.id, []]));
  if (amo.length === 0) return out;
  const found = await db
    .select({ sourceId: pipelines.sourceId, pipelineId: pipelines.id, pipelineName: pipelines.name, stageId: stages.id, stageName: stages.name, semantic: stages.semantic })
    .from(pipelines)
    .innerJoin(stages, eq(stages.pipelineId, pipelines.id))
    .where(and(inArray(pipelines.sourceId, amo.map((row) => row.id)), eq(pipelines.isDeleted, false)))
    .orderBy(pipelines.sort, pipelines.name, stages.sort);
  const chosen = new Map(amo.map((row) => [row.id, qualifiedStagesOf(row.settings)]));
  for (const row of found) {
    if (row.semantic === "lost") continue;
    const list = out.get(row.sourceId)!;
    let choice = list.find((c) => c.pipelineId === row.pipelineId);
    if (!choice) {
      choice = { pipelineId: row.pipelineId, pipelineName: row.pipelineName, stageId: chosen.get(row.sourceId)?.[row.pipelineId] ?? null, stages: [] };
      list.push(choice);
    }
    choice.stages.push({ id: row.stageId, name: row.stageName, semantic: row.semantic });
  }
  return out;
}
