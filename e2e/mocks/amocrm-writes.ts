// Writes to the mock amoCRM account: PATCH /api/v4/leads and /api/v4/contacts with an array of up
// to 250 objects (integrations-2.md §2.3). Unknown ids and fields come back as `validation-errors`
// keyed by each object's request_id, and then nothing of the batch is applied (what amoCRM does with
// the valid rest of such a batch is not documented). Every batch's size is kept for the tests.
import type { AmoRow, AmoTables } from "./amocrm-data";
import type { createAmoMutations } from "./amocrm-mutations";

type Mutations = ReturnType<typeof createAmoMutations>["mutations"];
type FieldValue = { field_id?: number; field_code?: string | null; values: { value: unknown }[] | null };
type WriteItem = { id?: number; request_id?: string; custom_fields_values?: FieldValue[] };

export const AMO_WRITE_CAP = 250;
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

  return { batches, patch };
}

function problem(status: number, detail: string) {
  return { status, body: { title: "Bad Request", type: `https://httpstatus.es/${status}`, status, detail } };
}
