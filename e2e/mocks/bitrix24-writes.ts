// Writes to the mock Bitrix24 portal: crm.{deal,contact}.update (alone or inside `batch`) and the
// user-field lists an admin picks from (integrations-2.md §3.4–3.5). Labels come only when
// filter.LANG is set, as on a real portal; an update of a missing record is "Not found".
import type { createBitrix24Mutations } from "./bitrix24-mutations";
import type { MethodOutcome } from "./bitrix24-methods";

type Mutations = ReturnType<typeof createBitrix24Mutations>["mutations"];

/** The portal's own user fields (one of each kind a write-back cannot fill, too). */
export const B24_USER_FIELDS = {
  deal: [
    { ID: "301", ENTITY_ID: "CRM_DEAL", FIELD_NAME: "UF_CRM_VORONKA_TEAM", USER_TYPE_ID: "string", MULTIPLE: "N", MANDATORY: "N", label: "Трафик-команда" },
    { ID: "302", ENTITY_ID: "CRM_DEAL", FIELD_NAME: "UF_CRM_VORONKA_CONFIDENCE", USER_TYPE_ID: "string", MULTIPLE: "N", MANDATORY: "N", label: "Уверенность атрибуции" },
    { ID: "303", ENTITY_ID: "CRM_DEAL", FIELD_NAME: "UF_CRM_CALL_DATE", USER_TYPE_ID: "date", MULTIPLE: "N", MANDATORY: "N", label: "Дата звонка" },
    { ID: "304", ENTITY_ID: "CRM_DEAL", FIELD_NAME: "UF_CRM_WIN_CHANCE", USER_TYPE_ID: "double", MULTIPLE: "N", MANDATORY: "N", label: "Шанс выигрыша" },
  ],
  contact: [
    { ID: "401", ENTITY_ID: "CRM_CONTACT", FIELD_NAME: "UF_CRM_VORONKA_CATEGORY", USER_TYPE_ID: "string", MULTIPLE: "N", MANDATORY: "N", label: "Категория клиента" },
    { ID: "402", ENTITY_ID: "CRM_CONTACT", FIELD_NAME: "UF_CRM_VORONKA_LTV", USER_TYPE_ID: "double", MULTIPLE: "N", MANDATORY: "N", label: "LTV клиента" },
  ],
};

export function createBitrix24Writes(mutations: Mutations) {
  /** Per batch request that carried updates: how many update commands it had. */
  const batches: number[] = [];

  function run(method: string, params: Record<string, unknown>): MethodOutcome | null {
    const list = method.match(/^crm\.(deal|contact)\.userfield\.list$/);
    if (list) {
      const withLabels = Boolean((params.filter as Record<string, unknown> | undefined)?.LANG);
      const rows = B24_USER_FIELDS[list[1] as "deal" | "contact"].map(({ label, ...row }) => (withLabels ? { ...row, EDIT_FORM_LABEL: label, LIST_COLUMN_LABEL: label } : row));
      return { result: rows, total: rows.length, rows: rows.length };
    }
    const update = method.match(/^crm\.(deal|contact)\.update$/);
    if (!update) return null;
    const entity = update[1] as "deal" | "contact";
    const id = Number(params.id ?? params.ID);
    if (!Number.isInteger(id) || id <= 0) return { status: 400, error: "", error_description: "ID is not defined or invalid." };
    if (!mutations.get(entity, id)) return { status: 400, error: "", error_description: "Not found" };
    const fields = (params.fields ?? {}) as Record<string, unknown>;
    mutations.update(entity, id, fields); // unknown names are kept here; a real portal drops them silently
    return { result: true, rows: 1 };
  }

  return { batches, run };
}
