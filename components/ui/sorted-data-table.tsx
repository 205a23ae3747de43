"use client";
// A DataTable whose rows are all in the browser and sort by a click on a header (again: the other
// way round). The footer (totals) never moves. A new `key` starts it from `initialSort` again.
import type { ComponentProps } from "react";
import { DataTable } from "./data-table";
import type { SortState } from "./data-table-rows";
import { useSortedRows } from "./use-sorted-rows";

type Props<Row> = Omit<ComponentProps<typeof DataTable<Row>>, "sorting"> & { initialSort: SortState; sortLabel: string };

export function SortedDataTable<Row>({ initialSort, sortLabel, ...table }: Props<Row>) {
  const { rows, sorting } = useSortedRows(table.rows, table.columns, initialSort);
  return <DataTable {...table} rows={rows} sorting={{ ...sorting, label: sortLabel }} />;
}
