// The arithmetic behind DataTable, apart from React so it is tested on its own: the order of the
// rows under a sort, the sort a header click gives, and which rows a page shows.
export type SortOrder = "asc" | "desc";
export type SortState<K extends string = string> = { sort: K; order: SortOrder };

/** Rows by one value; null (no value) sorts last in either direction. Text compares as Russian does. */
export function sortRows<Row>(rows: readonly Row[], value: (row: Row) => number | string | null, order: SortOrder): Row[] {
  const sign = order === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "ru")) * sign;
  });
}

/**
 * The sort after a click on a column: the current column turns round; another one starts from the
 * largest / newest, or A→Z when it is a text column (`ascendingFirst`).
 */
export function nextSort<K extends string>(current: SortState<K>, key: K, ascendingFirst: boolean): SortState<K> {
  if (current.sort === key) return { sort: key, order: current.order === "asc" ? "desc" : "asc" };
  return { sort: key, order: ascendingFirst ? "asc" : "desc" };
}

export type Page<Row> = { rows: Row[]; page: number; pages: number; from: number; to: number; total: number };

/** One page of `size` rows; a page past either end shows the nearest one. `from`/`to` count from 1. */
export function pageOf<Row>(rows: readonly Row[], requested: number, size: number): Page<Row> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const page = Math.min(pages, Math.max(1, Number.isFinite(requested) ? Math.trunc(requested) : 1));
  const shown = rows.slice((page - 1) * size, page * size);
  return { rows: shown, page, pages, from: shown.length ? (page - 1) * size + 1 : 0, to: (page - 1) * size + shown.length, total: rows.length };
}
