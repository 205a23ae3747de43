"use client";
// Sorting in the browser for a DataTable whose rows are all on the page: a click on a header sorts by
// that column's `sortValue`, a second click turns it round.
import { useState } from "react";
import type { Column, Sorting } from "./data-table";
import { nextSort, sortRows, type SortState } from "./data-table-rows";

export function useSortedRows<Row>(rows: readonly Row[], columns: Column<Row>[], initial: SortState): { rows: Row[]; sorting: Sorting } {
  const [state, setState] = useState(initial);
  const column = columns.find((c) => c.key === state.sort && c.sortValue) ?? columns.find((c) => c.sortValue);
  const sorted = column?.sortValue ? sortRows(rows, column.sortValue, state.order) : [...rows];
  const sortBy = (key: string) => setState((current) => nextSort(current, key, columns.find((c) => c.key === key)?.ascendingFirst ?? !columns.find((c) => c.key === key)?.isNumeric));
  return { rows: sorted, sorting: { sort: column?.key ?? state.sort, order: state.order, sortBy } };
}
