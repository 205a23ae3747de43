// Departments, CRM users, pipelines and stages: small reference tables with no modification time in
// the CRMs, so the latest read simply wins (and an identical read changes nothing).
import { crmDepartments, crmUsers, pipelines, stages } from "@/db/schema";
import { idsByExternalId, loadStageMap } from "./refs";
import type { CanonicalCrmUser, CanonicalDepartment, CanonicalPipeline, CanonicalStage, SourceRef } from "./types";
import { chunk, tally, upsertRows } from "./upsert";
import type { Db } from "@/db/types";
import { emptyResult, type ApplyResult } from "./types";

export async function applyDepartments(db: Db, source: SourceRef, records: CanonicalDepartment[]): Promise<ApplyResult> {
  const result = emptyResult();
  for (const part of chunk(records)) {
    const existed = new Set((await idsByExternalId(db, "crmDepartments", source.id, part.map((r) => r.externalId))).keys());
    const rows = part.map((r) => ({ orgId: source.orgId, sourceId: source.id, externalId: r.externalId, name: r.name, parentExternalId: r.parentExternalId ?? null }));
    const written = await upsertRows(db, crmDepartments, rows, { target: [crmDepartments.sourceId, crmDepartments.externalId], columns: ["name", "parentExternalId"] });
    tally(result, written, existed, part.length);
  }
  return result;
}

/** CRM users keep their link to a Voronka user (set by an admin), which the CRM knows nothing of. */
export async function applyCrmUsers(db: Db, source: SourceRef, records: CanonicalCrmUser[]): Promise<ApplyResult> {
  const result = emptyResult();
  for (const part of chunk(records)) {
    const existed = new Set((await idsByExternalId(db, "crmUsers", source.id, part.map((r) => r.externalId))).keys());
    const departments = await idsByExternalId(db, "crmDepartments", source.id, part.map((r) => r.departmentExternalId));
    const rows = part.map((r) => ({
      orgId: source.orgId,
      sourceId: source.id,
      externalId: r.externalId,
      name: r.name,
      email: r.email ? r.email.trim().toLowerCase() : null,
      isActive: r.isActive,
      crmDepartmentId: r.departmentExternalId ? (departments.get(r.departmentExternalId) ?? null) : null,
    }));
    const written = await upsertRows(db, crmUsers, rows, { target: [crmUsers.sourceId, crmUsers.externalId], columns: ["name", "email", "isActive", "crmDepartmentId"] });
    tally(result, written, existed, part.length);
  }
  return result;
}

export async function applyPipelines(db: Db, source: SourceRef, records: CanonicalPipeline[]): Promise<ApplyResult> {
  const result = emptyResult();
  for (const part of chunk(records)) {
    const existed = new Set((await idsByExternalId(db, "pipelines", source.id, part.map((r) => r.externalId))).keys());
    const rows = part.map((r) => ({ orgId: source.orgId, sourceId: source.id, externalId: r.externalId, name: r.name, sort: r.sort, isDeleted: r.isDeleted ?? false }));
    const written = await upsertRows(db, pipelines, rows, { target: [pipelines.sourceId, pipelines.externalId], columns: ["name", "sort", "isDeleted"] });
    tally(result, written, existed, part.length);
  }
  return result;
}

/** Stages are keyed by (source, pipeline, external id); their pipelines must be applied first. */
export async function applyStages(db: Db, source: SourceRef, records: CanonicalStage[]): Promise<ApplyResult> {
  const result = emptyResult();
  const map = await loadStageMap(db, source.id);
  const existingIds = new Set([...map.stages.values()].map((stage) => stage.id));
  const rows = [];
  for (const r of records) {
    const pipelineId = map.pipelineIds.get(r.pipelineExternalId);
    if (!pipelineId) {
      result.skipped++;
      continue;
    }
    rows.push({ orgId: source.orgId, sourceId: source.id, pipelineId, externalId: r.externalId, name: r.name, sort: r.sort, semantic: r.semantic, color: r.color ?? null });
  }
  for (const part of chunk(rows)) {
    const written = await upsertRows(db, stages, part, { target: [stages.sourceId, stages.pipelineId, stages.externalId], columns: ["name", "sort", "semantic", "color"] });
    for (const row of written) {
      if (existingIds.has(row.id)) result.updated++;
      else result.inserted++;
      result.ids.push(row.id);
    }
    result.unchanged += part.length - written.length;
  }
  return result;
}
