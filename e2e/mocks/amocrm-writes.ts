// Writes to the mock amoCRM account: PATCH /api/v4/leads and /api/v4/contacts with an array of up
// to 250 objects (integrations-2.md §2.3). Unknown ids and fields come back as `validation-errors`
// keyed by each object's request_id, and then nothing of the batch is applied (what amoCRM does with
// the valid rest of such a batch is not documented). Every batch's size is kept for the tests.
// New fields: POST /api/v4/{leads,contacts}/custom_fields with an array (integrations-2.md §2.3) →
// `_embedded.custom_fields[]` with the new ids. The 403 of a user who may not manage fields and the
// validation texts are this mock's guesses (amoCRM documents neither body: unconfirmed); amoCRM's
// rule on a second field of the same name is not documented either, so the mock accepts it.
import type { AmoRow, AmoTables } from "./amocrm-data";
import type { createAmoMutations } from "./amocrm-mutations";

type Mutations = ReturnType<typeof createAmoMutations>["mutations"];
type FieldValue = { field_id?: number; field_code?: string | null; values: { value: unknown }[] | null };
type WriteItem = { id?: number; request_id?: string; custom_fields_values?: FieldValue[] };

export const AMO_WRITE_CAP = 250;
const FIELD_TYPES = new Set(["text", "numeric", "checkbox", "select", "multiselect", "date", "url", "textarea", "radiobutton", "streetaddress", "birthday", "date_time", "price", "monetary"]);
const FIELD_PATHS = { "/api/v4/leads/custom_fields": "leads", "/api/v4/contacts/custom_fields": "contacts" } as const;
type NewField = { name?: unknown; type?: unknown; code?: unknown; sort?: unknown; is_api_only?: unknown };

const ENTITIES = { "/api/v4/leads": { entity: "lead", key: "leads" }, "/api/v4/contacts": { entity: "contact", key: "contacts" } } as const;

export function createAmoWrites(tables: AmoTables, mutations: Mutations) {
  /** Per accepted or refused PATCH: its path and how many objects it carried. */
  const batches: { path: string; size: number }[] = [];

  function patch(path: string, raw: string): { status: number; body: unknown } | null {
    const target = ENTITIES[path as keyof typeof ENTITIES];
    if (!target) return null;
    let items: unknown;
    try {
      items = JSON.parse(raw);
    } catch {
      return problem(400, "Request body is not valid JSON");
    }
    if (!Array.isArray(items)) return problem(400, "An array of objects is expected");
    batches.push({ path, size: items.length });
    if (items.length === 0 || items.length > AMO_WRITE_CAP) return problem(400, `Between 1 and ${AMO_WRITE_CAP} objects per request`);
    const fields = tables.fields[target.key];
    const errors: { request_id: string; errors: { code: string; path: string; detail: string }[] }[] = [];
    (items as WriteItem[]).forEach((item, index) => {
      const requestId = item.request_id ?? String(index);
      const problems: { code: string; path: string; detail: string }[] = [];
      if (!item.id || !mutations.get(target.entity, item.id)) problems.push({ code: "NotFound", path: "id", detail: "Entity not found" });
      (item.custom_fields_values ?? []).forEach((value, n) => {
        if (!fields.some((field) => field.id === value.field_id || (value.field_code && field.code === value.field_code))) {
          problems.push({ code: "NotSupportedChoice", path: `custom_fields_values.${n}.field_id`, detail: "The field does not exist" });
        }
      });
      if (problems.length) errors.push({ request_id: requestId, errors: problems });
    });
    if (errors.length) return { status: 400, body: { "validation-errors": errors, title: "Bad Request", type: "https://httpstatus.es/400", status: 400, detail: "Request validation failed" } };
    const written = (items as WriteItem[]).map((item, index) => {
      const row = mutations.get(target.entity, item.id!)!;
      const current = (row.custom_fields_values as (FieldValue & AmoRow)[] | null) ?? [];
      let next = [...current];
      for (const value of item.custom_fields_values ?? []) {
        const field = fields.find((f) => f.id === value.field_id || (value.field_code && f.code === value.field_code))!;
        next = next.filter((existing) => existing.field_id !== field.id);
        if (value.values !== null) next.push({ field_id: field.id, field_name: field.name, field_code: field.code, field_type: field.type, values: value.values });
      }
      const updated = mutations.update(target.entity, item.id!, { custom_fields_values: next.length ? next : null });
      return { id: item.id, updated_at: updated.updated_at, request_id: item.request_id ?? String(index) };
    });
    return { status: 200, body: { _links: { self: { href: path } }, _embedded: { [target.key]: written } } };
  }

  function createFields(path: string, raw: string, canManageFields: boolean): { status: number; body: unknown } | null {
    const key = FIELD_PATHS[path as keyof typeof FIELD_PATHS];
    if (!key) return null;
    if (!canManageFields) return { status: 403, body: { title: "Forbidden", type: "https://httpstatus.es/403", status: 403, detail: "Access denied" } };
    let items: unknown;
    try {
      items = JSON.parse(raw);
    } catch {
      return problem(400, "Request body is not valid JSON");
    }
    if (!Array.isArray(items) || items.length === 0) return problem(400, "An array of objects is expected");
    const errors = (items as NewField[]).flatMap((item, index) => {
      const problems: { code: string; path: string; detail: string }[] = [];
      if (typeof item.name !== "string" || item.name.trim() === "") problems.push({ code: "NotBlank", path: "name", detail: "This value should not be blank." });
      if (typeof item.type !== "string" || !FIELD_TYPES.has(item.type)) problems.push({ code: "NotSupportedChoice", path: "type", detail: "The value you selected is not a valid choice." });
      return problems.length ? [{ request_id: String(index), errors: problems }] : [];
    });
    if (errors.length) return { status: 400, body: { "validation-errors": errors, title: "Bad Request", type: "https://httpstatus.es/400", status: 400, detail: "Request validation failed" } };
    const fields = tables.fields[key];
    const created = (items as NewField[]).map((item) => {
      const id = Math.max(...fields.map((field) => field.id)) + 1;
      const field = {
        id, name: String(item.name), code: typeof item.code === "string" ? item.code : null, sort: typeof item.sort === "number" ? item.sort : 500, type: String(item.type),
        entity_type: key, is_predefined: false, is_deletable: true, is_api_only: item.is_api_only === true, group_id: null, required_statuses: [], enums: null,
      };
      (fields as unknown as (typeof field)[]).push(field); // the dataset's rows are typed by their literals
      return field;
    });
    return { status: 200, body: { _total_items: created.length, _embedded: { custom_fields: created } } };
  }

  return { batches, patch, createFields };
}

function problem(status: number, detail: string) {
  return { status, body: { title: "Bad Request", type: `https://httpstatus.es/${status}`, status, detail } };
}
