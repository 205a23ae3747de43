// The REST methods of the mock Bitrix24 portal (docs/bitrix24-wire.md), each
// returning the method's `result` plus `total`/`next` for lists, or a Bitrix24 error.
import { toList } from "./bracket-query";
import { b24StatusRows, B24_CATEGORIES, B24_DEPARTMENTS, B24_USERS, b24Date, type Bitrix24Tables, type Row } from "./bitrix24-data";
import { compileFilter } from "./bitrix24-filter";
import type { LazyTable } from "./lazy-table";

export type MethodOutcome =
  | { result: unknown; total?: number; next?: number; rows: number }
  /** `error` is a code word, or a number from the `sale` methods. */
  | { status: number; error: string | number; error_description: string };

const PAGE = 50;
const MULTIFIELDS = new Set(["PHONE", "EMAIL", "WEB", "IM"]);
const STATUS_ROWS = b24StatusRows();

const ENTITY_TABLES = { deal: "deal", lead: "lead", contact: "contact", company: "company", activity: "activity" } as const;
const MODIFY_FIELD: Record<string, string> = { deal: "DATE_MODIFY", lead: "DATE_MODIFY", contact: "DATE_MODIFY", company: "DATE_MODIFY", activity: "LAST_UPDATED" };

export function methodScope(method: string): string | null {
  if (method.startsWith("crm.")) return "crm";
  if (method.startsWith("user.")) return "user";
  if (method.startsWith("department.")) return "department";
  if (method.startsWith("voximplant.")) return "telephony";
  if (method.startsWith("sale.")) return "sale";
  return null;
}

export function runMethod(method: string, params: Record<string, unknown>, tables: Bitrix24Tables, profileUserId: string, scopes: string[], now: number): MethodOutcome {
  const crud = method.match(/^crm\.(deal|lead|contact|company|activity)\.(list|get)$/);
  if (crud) {
    const entity = crud[1] as keyof typeof ENTITY_TABLES;
    const table = tables[ENTITY_TABLES[entity]];
    if (crud[2] === "get") {
      const id = Number(params.id ?? params.ID);
      const row = Number.isInteger(id) && id > 0 ? table.get(id) : null;
      if (!row) return { status: 400, error: "", error_description: "Not found" };
      return { result: project(row, ["*", "UF_*", "PHONE", "EMAIL"]), rows: 1 };
    }
    return listRows(table, params, MODIFY_FIELD[entity]);
  }
  switch (method) {
    case "crm.stagehistory.list": {
      const type = Number(params.entityTypeId);
      const table = type === 2 ? tables.dealHistory : type === 1 ? tables.leadHistory : undefined;
      if (!table) return { status: 400, error: "", error_description: "entityTypeId is not supported" };
      const outcome = listRows(table, params, "CREATED_TIME");
      return "result" in outcome ? { ...outcome, result: { items: outcome.result } } : outcome;
    }
    case "crm.timeline.comment.list": {
      // ENTITY_ID and ENTITY_TYPE are required (integrations-2.md, "Bitrix24 comments"); 50 a page by start.
      const filter = (params.filter ?? {}) as Record<string, unknown>;
      const entityId = String(filter.ENTITY_ID ?? "");
      const entityType = String(filter.ENTITY_TYPE ?? "").toLowerCase();
      if (!entityId || !entityType) return { status: 400, error: "", error_description: "ENTITY_ID and ENTITY_TYPE are required in filter" };
      const all = [...tables.timelineComment.scan()].filter((row) => row.ENTITY_ID === entityId && row.ENTITY_TYPE === entityType);
      return offsetPage(all, params);
    }
    case "voximplant.statistic.get":
      return listRows(tables.callStats, { ...params, filter: params.FILTER ?? params.filter }, "CALL_START_DATE");
    case "crm.category.list":
      if (Number(params.entityTypeId) !== 2) return { result: { categories: [] }, total: 0, rows: 0 };
      return { result: { categories: B24_CATEGORIES }, total: B24_CATEGORIES.length, rows: B24_CATEGORIES.length };
    case "crm.status.list": {
      const filter = compileFilter(params.filter ?? params.FILTER);
      return offsetPage(STATUS_ROWS.filter(filter.test), params);
    }
    case "user.get": {
      // FILTER wins unless lower-case filter is also sent (then FILTER is ignored; docs/bitrix24-wire.md).
      const filter = compileFilter(params.filter ?? params.FILTER);
      return offsetPage(B24_USERS.filter(filter.test), params);
    }
    case "department.get": {
      // department.get takes its filter as top-level fields (ID, NAME, PARENT, UF_HEAD).
      const { start: _start, sort: _sort, order: _order, ...fields } = params;
      void [_start, _sort, _order];
      return offsetPage(B24_DEPARTMENTS.filter(compileFilter(fields).test), params);
    }
    case "profile": {
      const user = B24_USERS.find((u) => u.ID === profileUserId) ?? B24_USERS[0];
      return { result: { ID: user.ID, ADMIN: user.ID === "1", NAME: user.NAME, LAST_NAME: user.LAST_NAME, PERSONAL_GENDER: "", TIME_ZONE: "" }, rows: 1 };
    }
    case "scope":
      return { result: scopes, rows: 0 };
    case "server.time":
      return { result: b24Date(now), rows: 0 };
  }
  return { status: 404, error: "ERROR_METHOD_NOT_FOUND", error_description: "Method not found!" };
}

/** A classic list: start=-1 keyset pages without COUNT, or offset pages with total and next. */
function listRows(table: LazyTable<Row>, params: Record<string, unknown>, modifyField: string): MethodOutcome {
  const filterParam = params.filter ?? params.FILTER;
  if (filterParam !== undefined && (typeof filterParam !== "object" || filterParam === null)) {
    return { status: 400, error: "", error_description: "Parameter 'filter' must be array." };
  }
  const filter = compileFilter(filterParam);
  const select = toList(params.select ?? params.SELECT);
  const start = Number(params.start ?? 0);
  const order = (params.order ?? params.ORDER) as Record<string, string> | undefined;
  const isDescending = order && String(Object.values(order)[0] ?? "").toUpperCase() === "DESC";
  const rows = table.scan(filter.afterId, filter.fromMs(modifyField));
  if (start === -1) {
    const page: Row[] = [];
    for (const row of rows) {
      if (!filter.test(row)) continue;
      page.push(project(row, select));
      if (page.length === PAGE) break;
    }
    return { result: page, total: 0, rows: page.length };
  }
  const offset = Math.max(0, Math.floor(start) || 0);
  if (isDescending) {
    const all = [...rows].filter(filter.test).reverse();
    return offsetResult(all.slice(offset, offset + PAGE).map((row) => project(row, select)), all.length, offset);
  }
  const page: Row[] = [];
  const keys = Object.keys((filterParam ?? {}) as object);
  if (filter.afterId === 0 && keys.every((k) => k === ">ID")) {
    // No filter: the count comes from the table's size, as an index would give it, so a
    // progress count on 200,000 rows does not stall the portal.
    let skipped = 0;
    for (const row of rows) {
      if (skipped++ < offset) continue;
      page.push(project(row, select));
      if (page.length === PAGE) break;
    }
    return offsetResult(page, table.count(), offset);
  }
  let total = 0;
  for (const row of rows) {
    if (!filter.test(row)) continue;
    if (total >= offset && page.length < PAGE) page.push(project(row, select));
    total++;
  }
  return offsetResult(page, total, offset);
}

function offsetPage(all: Row[], params: Record<string, unknown>): MethodOutcome {
  const offset = Math.max(0, Number(params.start ?? 0) || 0);
  return offsetResult(all.slice(offset, offset + PAGE), all.length, offset);
}

function offsetResult(page: Row[], total: number, offset: number): MethodOutcome {
  const next = offset + PAGE < total ? offset + PAGE : undefined;
  return { result: page, total, next, rows: page.length };
}

/** `select`: "*" = standard fields without multifields, multifields only by name, else the named fields (ID always). */
function project(row: Row, select: string[]): Row {
  if (select.length === 0 || select.includes("*")) {
    const out: Row = {};
    for (const [key, value] of Object.entries(row)) if (!MULTIFIELDS.has(key) || select.includes(key)) out[key] = value;
    return out;
  }
  const out: Row = { ID: row.ID };
  for (const key of select) if (key in row) out[key] = row[key];
  return out;
}
