// user.get, department.get, crm.category.list and crm.status.list rows → canonical users,
// departments, pipelines and stages (docs/bitrix24-wire.md, "Contacts, companies, activities, users", "Stages and funnels").
import type { CanonicalCrmUser, CanonicalDepartment, CanonicalPipeline, CanonicalStage } from "@/lib/canonical/types";
import { b24Id, b24Text, isYes, personName, type B24Row } from "./map-common";
import { b24Semantic } from "./map-deal";

export function mapB24User(row: B24Row): CanonicalCrmUser {
  const departments = Array.isArray(row.UF_DEPARTMENT) ? row.UF_DEPARTMENT : [];
  return {
    externalId: String(row.ID),
    name: personName(row, b24Text(row.EMAIL) ?? `#${row.ID}`),
    email: b24Text(row.EMAIL),
    // ACTIVE is a JSON boolean in user.get, "Y"/"N" elsewhere; dismissed users still own old deals.
    isActive: row.ACTIVE === undefined ? true : isYes(row.ACTIVE),
    departmentExternalId: departments.length > 0 ? String(departments[0]) : null,
  };
}

export function mapB24Department(row: B24Row): CanonicalDepartment {
  return { externalId: String(row.ID), name: b24Text(row.NAME) ?? `#${row.ID}`, parentExternalId: b24Id(row.PARENT) };
}

/** crm.category.list item ({ id, name, sort }) or crm.dealcategory.list row ({ ID, NAME, SORT }). */
export function mapB24Category(row: B24Row): CanonicalPipeline {
  const id = row.id ?? row.ID ?? 0;
  return { externalId: String(id), name: b24Text(row.name ?? row.NAME) ?? `#${id}`, sort: Number(row.sort ?? row.SORT ?? 0) || 0 };
}

/** A crm.status.list row of ENTITY_ID DEAL_STAGE (funnel 0) or DEAL_STAGE_{n}; null for other directories. */
export function mapB24Stage(row: B24Row): CanonicalStage | null {
  const entity = String(row.ENTITY_ID ?? "");
  const match = /^DEAL_STAGE(?:_(\d+))?$/.exec(entity);
  if (!match) return null;
  // SEMANTICS is null / "S" / "F" and filled for every type; EXTRA.SEMANTICS only for some.
  const extra = (row.EXTRA ?? {}) as B24Row;
  const semantics = row.SEMANTICS ?? (extra.SEMANTICS === "success" ? "S" : extra.SEMANTICS === "failure" || extra.SEMANTICS === "apology" ? "F" : null);
  return {
    pipelineExternalId: b24Text(row.CATEGORY_ID) ?? match[1] ?? "0",
    externalId: String(row.STATUS_ID),
    name: b24Text(row.NAME) ?? String(row.STATUS_ID),
    sort: Number(row.SORT ?? 0) || 0,
    semantic: b24Semantic(semantics),
    color: b24Text(row.COLOR) ?? b24Text(extra.COLOR),
  };
}

/** crm.status.list ENTITY_ID=SOURCE → code → name, for the deals' and leads' channel. */
export function mapB24SourceNames(rows: B24Row[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of rows) if (row.ENTITY_ID === "SOURCE" && row.STATUS_ID) map.set(String(row.STATUS_ID), b24Text(row.NAME) ?? String(row.STATUS_ID));
  return map;
}
