// Changing the mock amoCRM account between syncs: add, update and delete leads, contacts,
// companies and tasks with fresh `updated_at` times; a lead's status change also writes a
// `lead_status_changed` event and sets `closed_at` when it reaches 142 or 143.
import { AMO_ACCOUNT_ID, AMO_ID_OFFSET, AMO_T0, eventId, type AmoRow, type AmoTables } from "./amocrm-data";

export type AmoMutableEntity = "lead" | "contact" | "company" | "task" | "note" | "contactNote" | "companyNote";

export function createAmoMutations(tables: AmoTables) {
  let clock = AMO_T0 + 366 * 86_400; // unix seconds, after every generated time
  const tick = () => ++clock;

  function recordStatus(leadId: number, before: { status: number; pipeline: number } | null, after: { status: number; pipeline: number }, at: number, by: number) {
    tables.event.add((n) => ({
      id: eventId(n), type: before ? "lead_status_changed" : "lead_added", entity_id: AMO_ID_OFFSET.lead + leadId, entity_type: "lead", created_by: by, created_at: at,
      value_after: before ? [{ lead_status: { id: after.status, pipeline_id: after.pipeline } }] : [],
      value_before: before ? [{ lead_status: { id: before.status, pipeline_id: before.pipeline } }] : [],
      account_id: AMO_ACCOUNT_ID, _embedded: { entity: { id: AMO_ID_OFFSET.lead + leadId } },
    }));
  }

  const mutations = {
    now: () => clock + 1,
    add(entity: AmoMutableEntity, fields: AmoRow = {}): AmoRow {
      const at = tick();
      const table = tables[entity];
      const template = table.get(1) ?? {};
      const row = table.add((n) => ({ ...template, ...fields, id: AMO_ID_OFFSET[entity] + n, created_at: at, updated_at: at, ...(entity === "lead" ? { closed_at: null } : {}) }));
      if (entity === "lead") recordStatus(Number(row.id) - AMO_ID_OFFSET.lead, null, { status: Number(row.status_id), pipeline: Number(row.pipeline_id) }, at, Number(row.responsible_user_id));
      return row;
    },
    /** `id` is the wire id (e.g. 30000005). */
    update(entity: AmoMutableEntity, id: number, patch: AmoRow): AmoRow {
      const n = id - AMO_ID_OFFSET[entity];
      const current = tables[entity].get(n);
      if (!current) throw new Error(`mock amoCRM: no ${entity} ${id} to update`);
      const at = tick();
      const next: AmoRow = { ...current, ...patch, updated_at: at };
      if (entity === "lead" && (patch.status_id !== undefined || patch.pipeline_id !== undefined)) {
        const after = { status: Number(next.status_id), pipeline: Number(next.pipeline_id) };
        const before = { status: Number(current.status_id), pipeline: Number(current.pipeline_id) };
        if (after.status !== before.status || after.pipeline !== before.pipeline) {
          next.closed_at = after.status === 142 || after.status === 143 ? at : null;
          recordStatus(n, before, after, at, Number(next.responsible_user_id));
        }
      }
      tables[entity].put(n, next);
      return next;
    },
    remove(entity: AmoMutableEntity, id: number): void {
      const n = id - AMO_ID_OFFSET[entity];
      if (!tables[entity].get(n)) throw new Error(`mock amoCRM: no ${entity} ${id} to delete`);
      tick();
      tables[entity].put(n, null);
    },
    get(entity: AmoMutableEntity, id: number): AmoRow | null {
      return tables[entity].get(id - AMO_ID_OFFSET[entity]);
    },
    rows(entity: AmoMutableEntity | "event"): AmoRow[] {
      return [...tables[entity].scan()];
    },
  };
  return { mutations };
}
