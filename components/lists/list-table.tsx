"use client";
// What the deals and leads tables share: their params in the URL, a header that sorts on the
// server (`sort`/`order` in the URL), and the keyset pager under the table.
import { usePathname, useSearchParams } from "next/navigation";

/** The list's params in one canonical order, so the cache and the export see the same query. */
export function listQuery(params: URLSearchParams, keys: readonly string[]): Record<string, string> {
  const entries = [...params.entries()].filter(([key, value]) => keys.includes(key) && value !== "");
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The current sort and a function that sorts by a column: a click on the current column turns it
 * round; a new column starts from the largest / newest, or A→Z for `ascendingFirst` columns.
 */
export function useListSort<S extends string>(params: Record<string, string>, fallback: S, ascendingFirst: readonly S[]) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const sort = (params.sort ?? fallback) as S;
  const order: "asc" | "desc" = params.order === "asc" ? "asc" : "desc";
  const sortBy = (key: S) => {
    const next = new URLSearchParams(searchParams.toString());
    const nextOrder = key === sort ? (order === "asc" ? "desc" : "asc") : ascendingFirst.includes(key) ? "asc" : "desc";
    next.set("sort", key);
    next.set("order", nextOrder);
    window.history.replaceState(null, "", `${pathname}?${next.toString()}`);
  };
  return { sort, order, sortBy };
}

/** A column header; with `sortKey` a button that sorts the list by it. */
export function SortHeader<S extends string>(props: { label: string; sortKey?: S; isNumeric?: boolean; sorting: { sort: S; order: "asc" | "desc"; sortBy: (key: S) => void } }) {
  const { label, sortKey, isNumeric = false, sorting } = props;
  const align = isNumeric ? "text-right" : "text-left";
  if (!sortKey) return <th className={`py-2 pr-4 font-medium ${align}`}>{label}</th>;
  const isActive = sorting.sort === sortKey;
  return (
    <th className={`py-2 pr-4 font-medium ${align}`} aria-sort={isActive ? (sorting.order === "asc" ? "ascending" : "descending") : "none"}>
      <button type="button" className="inline-flex items-center gap-1 uppercase hover:text-slate-800" onClick={() => sorting.sortBy(sortKey)} data-testid={`sort-${sortKey}`}>
        {label}
        <span aria-hidden>{isActive ? (sorting.order === "asc" ? "↑" : "↓") : ""}</span>
      </button>
    </th>
  );
}

/** "← Previous · Page 2 · Next →" under a keyset-paginated table; `testId` names the page number. */
export function ListPager(props: {
  list: { hasPrevious: boolean; hasNext: boolean; pageNumber: number; previous: () => void; next: () => void };
  t: { list: string; previous: string; next: string; page: string };
  testId: string;
}) {
  const { list, t, testId } = props;
  return (
    <nav className="mt-3 flex items-center justify-end gap-2 text-sm" aria-label={t.list}>
      <button type="button" className="rounded-lg border border-slate-300 px-3 py-1 disabled:opacity-40" disabled={!list.hasPrevious} onClick={list.previous}>
        ← {t.previous}
      </button>
      <span className="px-2 text-slate-500" data-testid={testId}>
        {t.page.replace("{n}", String(list.pageNumber))}
      </span>
      <button type="button" className="rounded-lg border border-slate-300 px-3 py-1 disabled:opacity-40" disabled={!list.hasNext} onClick={list.next}>
        {t.next} →
      </button>
    </nav>
  );
}
