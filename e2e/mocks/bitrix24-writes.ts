// Writes to the mock Bitrix24 portal: crm.{deal,contact,lead}.update (alone or inside `batch`) and the
// user-field lists an admin picks from (integrations-2.md §3.4–3.5; the lead methods take the same
// parameters as the deal's, ENTITY_ID CRM_LEAD — b24restdocs crm/leads, unconfirmed on a live portal). Labels come only when
// filter.LANG is set, as on a real portal; an update of a missing record is "Not found". New fields:
// crm.{deal,contact,lead}.userfield.add as b24restdocs crm-deal-userfield-add.md documents it (FIELD_NAME
// prefixed with UF_CRM_ when missing, A-Z 0-9 _, at most 50 characters; the new ID as result). Its
// errors for a user who is not a CRM administrator and for a name already taken are not documented:
// this mock answers them as the portal answers CRM permissions (400, "Access denied.") and with a
// text of its own (unconfirmed).
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
  lead: [
    { ID: "501", ENTITY_ID: "CRM_LEAD", FIELD_NAME: "UF_CRM_VORONKA_TEAM", USER_TYPE_ID: "string", MULTIPLE: "N", MANDATORY: "N", label: "Трафик-команда лида" },
    { ID: "502", ENTITY_ID: "CRM_LEAD", FIELD_NAME: "UF_CRM_LEAD_CALLBACK", USER_TYPE_ID: "datetime", MULTIPLE: "N", MANDATORY: "N", label: "Перезвонить" },
  ],
};

type UfEntity = keyof typeof B24_USER_FIELDS;
const ENTITY_IDS: Record<UfEntity, string> = { deal: "CRM_DEAL", contact: "CRM_CONTACT", lead: "CRM_LEAD" };

const USER_TYPES = new Set(["string", "integer", "double", "boolean", "datetime", "date", "money", "url", "address", "enumeration", "file", "employee", "crm_status", "iblock_section", "iblock_element", "crm"]);
type UserField = (typeof B24_USER_FIELDS)["deal"][number];

export function createBitrix24Writes(mutations: Mutations, isCrmAdmin: () => boolean) {
  /** Per batch request that carried updates: how many update commands it had. */
  const batches: number[] = [];
  /** This portal's user fields: a copy, so fields one test creates stay in its own mock. */
  const userFields: Record<UfEntity, UserField[]> = { deal: [...B24_USER_FIELDS.deal], contact: [...B24_USER_FIELDS.contact], lead: [...B24_USER_FIELDS.lead] };

  function addUserField(entity: UfEntity, fields: Record<string, unknown>): MethodOutcome {
    const refuse = (error_description: string): MethodOutcome => ({ status: 400, error: "", error_description });
    if (!isCrmAdmin()) return refuse("Access denied.");
    const raw = String(fields.FIELD_NAME ?? "").toUpperCase();
    if (!raw) return refuse("The 'FIELD_NAME' field is not found");
    const type = String(fields.USER_TYPE_ID ?? "");
    if (!type) return refuse("The 'USER_TYPE_ID' field is not found");
    if (!USER_TYPES.has(type)) return refuse("Указан неверный пользовательский тип");
    const name = raw.startsWith("UF_CRM_") ? raw : `UF_CRM_${raw.replace(/^UF_/, "")}`;
    if (!/^[A-Z0-9_]+$/.test(name)) return refuse("Имя поля содержит недопустимые символы. Допустимыми являются: A-Z, 0-9 и _.");
    if (name.length > 50) return refuse("Имя поля слишком длинное (больше 50-ти символов).");
    const all = [...userFields.deal, ...userFields.contact, ...userFields.lead];
    if (userFields[entity].some((field) => field.FIELD_NAME === name)) return refuse(`Поле ${name} уже существует.`);
    const id = String(Math.max(...all.map((field) => Number(field.ID))) + 1);
    const label = String(fields.EDIT_FORM_LABEL ?? fields.LABEL ?? name);
    userFields[entity].push({ ID: id, ENTITY_ID: ENTITY_IDS[entity], FIELD_NAME: name, USER_TYPE_ID: type, MULTIPLE: String(fields.MULTIPLE ?? "N"), MANDATORY: String(fields.MANDATORY ?? "N"), label });
    return { result: Number(id), rows: 1 };
  }

  function run(method: string, params: Record<string, unknown>): MethodOutcome | null {
    const list = method.match(/^crm\.(deal|contact|lead)\.userfield\.list$/);
    if (list) {
      const withLabels = Boolean((params.filter as Record<string, unknown> | undefined)?.LANG);
      const rows = userFields[list[1] as UfEntity].map(({ label, ...row }) => (withLabels ? { ...row, EDIT_FORM_LABEL: label, LIST_COLUMN_LABEL: label } : row));
      return { result: rows, total: rows.length, rows: rows.length };
    }
    const add = method.match(/^crm\.(deal|contact|lead)\.userfield\.add$/);
    if (add) return addUserField(add[1] as UfEntity, (params.fields ?? {}) as Record<string, unknown>);
    const update = method.match(/^crm\.(deal|contact|lead)\.update$/);
    if (!update) return null;
    const entity = update[1] as UfEntity;
    const id = Number(params.id ?? params.ID);
    if (!Number.isInteger(id) || id <= 0) return { status: 400, error: "", error_description: "ID is not defined or invalid." };
    if (!mutations.get(entity, id)) return { status: 400, error: "", error_description: "Not found" };
    const fields = (params.fields ?? {}) as Record<string, unknown>;
    mutations.update(entity, id, fields); // unknown names are kept here; a real portal drops them silently
    return { result: true, rows: 1 };
  }

  return { batches, userFields, run };
}
