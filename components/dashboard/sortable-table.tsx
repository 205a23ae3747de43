"use client";
// A table whose rows sort by a click on a column header (again: the other direction). The footer
// (totals) never moves. Headers are buttons with aria-sort, so the order is announced and testable.
import { useState, type ReactNode } from "react";
import { tableScroll } from "@/components/ui/table-scroll";

export type SortDirection = "asc" | "desc";

export type SortableColumn<Row> = {
  key: string;
  label: string;
  /** What the column sorts by; null sorts last in either direction. */
  sortValue: (row: Row) => number | string | null;
  render: (row: Row) => ReactNode;
  isNumeric?: boolean;
  /** The direction of the first click; numbers start from the largest. */
  firstDirection?: SortDirection;
};

type Props<Row> = {
  columns: SortableColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  initialSort: { key: string; direction: SortDirection };
  footer?: ReactNode;
  testId?: string;
  rowTestId?: string;
  sortLabel: string;
};

export function SortableTable<Row>({ columns, rows, rowKey, initialSort, footer, testId, rowTestId, sortLabel }: Props<Row>) {
  const [sort, setSort] = useState(initialSort);
  const column = columns.find((c) => c.key === sort.key) ?? columns[0];
  const sign = sort.direction === "asc" ? 1 : -1;
  const sorted = [...rows].sort((a, b) => {
    const [x, y] = [column.sortValue(a), column.sortValue(b)];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "ru")) * sign;
  });

  const onSort = (c: SortableColumn<Row>) =>
    setSort((current) =>
      current.key === c.key
        ? { key: c.key, direction: current.direction === "asc" ? "desc" : "asc" }
        : { key: c.key, direction: c.firstDirection ?? (c.isNumeric ? "desc" : "asc") },
    );

  return (
    <div className={tableScroll}>
      <table className="w-full text-sm tabular-nums" data-testid={testId}>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((c) => {
              const isActive = c.key === column.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={isActive ? (sort.direction === "asc" ? "ascending" : "descending") : "none"}
                  className={`py-2 pr-4 font-medium last:pr-0 ${c.isNumeric ? "text-right" : "text-left"}`}
                >
                  <button
                    type="button"
                    title={`${sortLabel}: ${c.label}`}
                    onClick={() => onSort(c)}
                    className={`inline-flex items-center gap-1 uppercase hover:text-slate-800 ${isActive ? "text-slate-800" : ""}`}
                  >
                    {c.label}
                    <span aria-hidden className="w-2">
                      {isActive ? (sort.direction === "asc" ? "↑" : "↓") : ""}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sorted.map((row) => (
            <tr key={rowKey(row)} data-testid={rowTestId}>
              {columns.map((c) => (
                <td key={c.key} className={`py-2 pr-4 last:pr-0 ${c.isNumeric ? "text-right" : ""}`} data-testid={c.key}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {footer ? <tfoot className="border-t-2 border-slate-200 font-semibold">{footer}</tfoot> : null}
      </table>
    </div>
  );
}
