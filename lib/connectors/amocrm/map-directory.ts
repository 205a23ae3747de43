// GET /api/v4/users, account users_groups and /api/v4/leads/pipelines → canonical CRM users,
// departments, pipelines and stages (docs/amocrm-wire.md, "Other endpoints").
import type { CanonicalCrmUser, CanonicalDepartment, CanonicalPipeline, CanonicalStage } from "@/lib/canonical/types";
import { amoText, type AmoRow } from "./map-common";
import { amoSemantic } from "./map-lead";

export function mapAmoUser(row: AmoRow): CanonicalCrmUser {
  const rights = (row.rights ?? {}) as AmoRow;
  const groups = ((row._embedded ?? {}) as { groups?: AmoRow[] }).groups ?? [];
  const groupId = rights.group_id ?? groups[0]?.id ?? null;
  return {
    externalId: String(row.id),
    name: amoText(row.name) ?? `#${row.id}`,
    email: amoText(row.email),
    // Inactive users still own historical leads: keep them, flagged.
    isActive: rights.is_active === undefined ? true : rights.is_active === true,
    departmentExternalId: groupId === null || groupId === undefined ? null : String(groupId),
  };
}

/** GET /api/v4/account?with=users_groups → _embedded.users_groups[] ({ id, name }); id 0 is the default group. */
export function mapAmoGroup(row: AmoRow): CanonicalDepartment {
  return { externalId: String(row.id), name: amoText(row.name) ?? `#${row.id}` };
}

export function mapAmoPipeline(row: AmoRow): { pipeline: CanonicalPipeline; stages: CanonicalStage[] } {
  const pipelineExternalId = String(row.id);
  const statuses = ((row._embedded ?? {}) as { statuses?: AmoRow[] }).statuses ?? [];
  return {
    pipeline: { externalId: pipelineExternalId, name: amoText(row.name) ?? `#${row.id}`, sort: Number(row.sort ?? 0) || 0, isDeleted: row.is_archive === true },
    stages: statuses.map((status) => ({
      pipelineExternalId,
      externalId: String(status.id),
      name: amoText(status.name) ?? String(status.id),
      sort: Number(status.sort ?? 0) || 0,
      semantic: amoSemantic(status.id),
      color: amoText(status.color),
    })),
  };
}
