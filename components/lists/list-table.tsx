"use client";
// What the deals and leads tables share: their params in the URL, a sort on the server
// (`sort`/`order` in the URL, DataTable's header buttons) and the keyset pager under the table.
import { usePathname, useSearchParams } from "next/navigation";
import { DataPager } from "@/components/ui/data-table";
import { nextSort } from "@/components/ui/data-table-rows";

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
  const sortBy = (key: string) => {
    const next = new URLSearchParams(searchParams.toString());
    const after = nextSort<string>({ sort, order }, key, ascendingFirst.includes(key as S));
    next.set("sort", after.sort);
    next.set("order", after.order);
    window.history.replaceState(null, "", `${pathname}?${next.toString()}`);
  };
  return { sort, order, sortBy };
}

/** "← Previous · Page 2 · Next →" under a keyset-paginated table; `testId` names the page number. */
export function ListPager(props: {
  list: { hasPrevious: boolean; hasNext: boolean; pageNumber: number; previous: () => void; next: () => void };
  t: { list: string; previous: string; next: string; page: string };
  testId: string;
}) {
  const { list, t, testId } = props;
  return (
    <DataPager
      label={t.list}
      previous={{ text: t.previous, onClick: list.previous, isDisabled: !list.hasPrevious }}
      next={{ text: t.next, onClick: list.next, isDisabled: !list.hasNext }}
      status={t.page.replace("{n}", String(list.pageNumber))}
      testId={testId}
    />
  );
}
