// Changing the mock portal between syncs: add, update and delete rows the way a user would in
// Bitrix24, with fresh DATE_MODIFY times (a mutation clock after every generated date) and a
// stage-history row when a deal changes stage.
import { B24_DEAL_STAGES, b24Date, type Bitrix24Tables, type Row } from "./bitrix24-data";

export type B24MutableEntity = "deal" | "lead" | "contact" | "company" | "activity";

const MODIFY_FIELD: Record<B24MutableEntity, string> = { deal: "DATE_MODIFY", lead: "DATE_MODIFY", contact: "DATE_MODIFY", company: "DATE_MODIFY", activity: "LAST_UPDATED" };
const CREATE_FIELD: Record<B24MutableEntity, string> = { deal: "DATE_CREATE", lead: "DATE_CREATE", contact: "DATE_CREATE", company: "DATE_CREATE", activity: "CREATED" };
const ALL_STAGES = Object.entries(B24_DEAL_STAGES).flatMap(([category, stages]) => stages.map((s) => ({ ...s, category })));

export function createBitrix24Mutations(tables: Bitrix24Tables, clockStart: number) {
  let clock = clockStart;
  const tick = () => (clock += 1000);

  function recordStage(dealId: number, stageId: string, at: number, isFirst: boolean) {
    const stage = ALL_STAGES.find((s) => s.id === stageId);
    if (!stage) return;
    tables.dealHistory.add((id) => ({
      ID: String(id), TYPE_ID: isFirst ? "1" : stage.semantic === "P" ? "2" : "3", OWNER_ID: String(dealId), CREATED_TIME: b24Date(at),
      CATEGORY_ID: stage.category, STAGE_SEMANTIC_ID: stage.semantic, STAGE_ID: stage.id,
    }));
  }

  const mutations = {
    /** The time the next change will carry. */
    now: () => clock + 1000,
    /** A new row, shaped like the table's first row, with `fields` on top. */
    add(entity: B24MutableEntity, fields: Row = {}): Row {
      const at = tick();
      const table = tables[entity];
      const template = table.get(1) ?? {};
      const row = table.add((id) => ({
        ...template,
        ...(entity === "deal" ? { TITLE: `Новая сделка #${id}`, CATEGORY_ID: "0", STAGE_ID: "NEW", STAGE_SEMANTIC_ID: "P", CLOSED: "N", IS_NEW: "Y", LEAD_ID: null, MOVED_TIME: b24Date(at) } : {}),
        ...fields,
        ID: String(id),
        [CREATE_FIELD[entity]]: b24Date(at),
        [MODIFY_FIELD[entity]]: b24Date(at),
      }));
      if (entity === "deal") recordStage(Number(row.ID), String(row.STAGE_ID), at, true);
      return row;
    },
    update(entity: B24MutableEntity, id: number, patch: Row): Row {
      const table = tables[entity];
      const current = table.get(id);
      if (!current) throw new Error(`mock Bitrix24: no ${entity} ${id} to update`);
      const at = tick();
      const next: Row = { ...current, ...patch, [MODIFY_FIELD[entity]]: b24Date(at) };
      if (entity === "deal" && patch.STAGE_ID !== undefined && patch.STAGE_ID !== current.STAGE_ID) {
        const stage = ALL_STAGES.find((s) => s.id === patch.STAGE_ID);
        if (!stage) throw new Error(`mock Bitrix24: unknown stage ${String(patch.STAGE_ID)}`);
        Object.assign(next, { CATEGORY_ID: stage.category, STAGE_SEMANTIC_ID: stage.semantic, CLOSED: stage.semantic === "P" ? "N" : "Y", MOVED_TIME: b24Date(at), IS_NEW: "N" });
        recordStage(id, stage.id, at, false);
      }
      table.put(id, next);
      return next;
    },
    remove(entity: B24MutableEntity, id: number): void {
      if (!tables[entity].get(id)) throw new Error(`mock Bitrix24: no ${entity} ${id} to delete`);
      tick();
      tables[entity].put(id, null);
    },
    /** A timeline comment on a deal, written now (comments have no modification time). */
    addComment(dealId: number, comment: string, authorId = "1"): Row {
      const at = tick();
      return tables.timelineComment.add((id) => ({ ID: String(id), ENTITY_ID: String(dealId), ENTITY_TYPE: "deal", CREATED: b24Date(at), AUTHOR_ID: authorId, COMMENT: comment, FILES: [] }));
    },
    editComment(id: number, comment: string): Row {
      const current = tables.timelineComment.get(id);
      if (!current) throw new Error(`mock Bitrix24: no comment ${id} to edit`);
      tick();
      const next = { ...current, COMMENT: comment };
      tables.timelineComment.put(id, next);
      return next;
    },
    removeComment(id: number): void {
      if (!tables.timelineComment.get(id)) throw new Error(`mock Bitrix24: no comment ${id} to delete`);
      tick();
      tables.timelineComment.put(id, null);
    },
    get(entity: B24MutableEntity, id: number): Row | null {
      return tables[entity].get(id);
    },
    /** Every live row of an entity in ID order (for assertions; fine up to some 10^5 rows). */
    rows(entity: B24MutableEntity | "dealHistory" | "leadHistory" | "callStats" | "timelineComment"): Row[] {
      return [...tables[entity].scan()];
    },
  };
  return { mutations };
}
