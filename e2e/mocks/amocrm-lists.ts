// List endpoints of the mock amoCRM account: filters by time range, ids, types; order by id or
// updated_at; `page` / `limit` (≤ 250, events ≤ 100) with HAL `_links.next` on full pages and an
// empty 204 after the last one (docs/amocrm-wire.md, "Lists", "Other endpoints").
import { toList, type Nested } from "./bracket-query";
import type { AmoRow } from "./amocrm-data";
import type { LazyTable } from "./lazy-table";

export type ListSpec = { table: LazyTable<AmoRow>; key: string; path: string; maxLimit?: number; timeField?: "updated_at" | "created_at"; embedContacts?: boolean };
export type ListAnswer = { status: 200; body: unknown; rows: number } | { status: 204 };

type Cursor = { ids: number[]; source: Generator<[number, AmoRow]>; isDone: boolean };
const caches = new WeakMap<LazyTable<AmoRow>, Map<string, Cursor>>();

export function listPage(spec: ListSpec, query: Nested, baseUrl: string): ListAnswer {
  const limit = Math.min(spec.maxLimit ?? 250, Math.max(1, Number(query.limit ?? 50) || 50));
  const page = Math.max(1, Number(query.page ?? 1) || 1);
  const ids = matchingIds(spec, query, page * limit);
  const slice = ids.slice((page - 1) * limit, page * limit);
  if (slice.length === 0) return { status: 204 };
  const withList = toList(query.with);
  const rows = slice.map((id) => shape(spec.table.get(id)!, withList, spec));
  const qs = (p: number) => `?page=${p}&limit=${limit}`;
  const links: Record<string, { href: string }> = { self: { href: `${baseUrl}${spec.path}${qs(page)}` } };
  // Like amoCRM, a full page always links a next one, even when it will be empty (→ 204).
  if (slice.length === limit) links.next = { href: `${baseUrl}${spec.path}${qs(page + 1)}` };
  if (page > 1) links.prev = { href: `${baseUrl}${spec.path}${qs(page - 1)}` };
  return { status: 200, body: { _page: page, _links: links, _embedded: { [spec.key]: rows } }, rows: rows.length };
}

function shape(row: AmoRow, withList: string[], spec: ListSpec): AmoRow {
  if (!spec.embedContacts || withList.includes("contacts")) return row;
  const embedded = { ...(row._embedded as Record<string, unknown>) };
  delete embedded.contacts; // contacts are embedded only with `with=contacts`
  return { ...row, _embedded: embedded };
}

/**
 * The first `needed` ids matching the query, in the requested order. A cursor per query (until
 * the table changes) is extended page by page, so paging through 200,000 rows stays linear.
 */
function matchingIds(spec: ListSpec, query: Nested, needed: number): number[] {
  const filter = (query.filter ?? {}) as Nested;
  const order = (query.order ?? {}) as Nested;
  const [orderField, direction] = Object.entries(order)[0] ?? ["id", "asc"];
  const isDescending = String(direction).toLowerCase() === "desc";
  const cache = caches.get(spec.table) ?? caches.set(spec.table, new Map()).get(spec.table)!;
  const key = `${spec.table.version}|${JSON.stringify(filter)}|${orderField}:${direction}`;
  let cursor = cache.get(key);
  if (!cursor) {
    const timeField = spec.timeField ?? "updated_at";
    const from = timeRange(filter[timeField]).from * 1000;
    const test = compile(filter);
    const ordered = orderField === "updated_at" && timeField === "updated_at" ? spec.table.entriesByModified(from) : spec.table.entries(0, from);
    cursor = { ids: [], source: filtered(ordered, test), isDone: false };
    if (cache.size > 50) cache.clear();
    cache.set(key, cursor);
  }
  while (!cursor.isDone && (isDescending || cursor.ids.length < needed)) {
    const next = cursor.source.next();
    if (next.done) cursor.isDone = true;
    else cursor.ids.push(next.value[0]);
  }
  return isDescending ? [...cursor.ids].reverse() : cursor.ids;
}

function* filtered(entries: Generator<[number, AmoRow]>, test: (row: AmoRow) => boolean): Generator<[number, AmoRow]> {
  for (const entry of entries) if (test(entry[1])) yield entry;
}

function timeRange(value: unknown): { from: number; to: number } {
  if (value === undefined) return { from: -Infinity, to: Infinity };
  if (typeof value === "string") return { from: Number(value), to: Infinity }; // a single value means "from"
  const range = value as Nested;
  return { from: range.from !== undefined ? Number(range.from) : -Infinity, to: range.to !== undefined ? Number(range.to) : Infinity };
}

function compile(filter: Nested): (row: AmoRow) => boolean {
  const checks: ((row: AmoRow) => boolean)[] = [];
  for (const field of ["updated_at", "created_at", "closed_at"]) {
    if (filter[field] === undefined) continue;
    const { from, to } = timeRange(filter[field]);
    checks.push((row) => row[field] !== null && Number(row[field]) >= from && Number(row[field]) <= to);
  }
  for (const field of ["id", "pipeline_id", "responsible_user_id", "entity_id", "note_type", "type", "entity_type", "task_type_id"]) {
    if (filter[field] === undefined) continue;
    const wanted = new Set(toList(filter[field]));
    checks.push((row) => wanted.has(String(row[field])));
  }
  if (filter.is_completed !== undefined) checks.push((row) => String(Number(row.is_completed)) === String(filter.is_completed));
  if (filter.entity !== undefined) {
    const wanted = new Set(toList(filter.entity));
    checks.push((row) => wanted.has(String(row.entity_type)));
  }
  if (filter.statuses !== undefined) {
    const pairs = Object.values(filter.statuses as Nested).map((p) => p as Nested);
    checks.push((row) => pairs.some((p) => String(row.pipeline_id) === p.pipeline_id && String(row.status_id) === p.status_id));
  }
  return (row) => checks.every((check) => check(row));
}
