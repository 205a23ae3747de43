// The one table of the app: a header in one style (sort buttons with aria-sort where a column
// sorts), rows, an empty state, an optional footer and pager, and the box that scrolls sideways
// inside its card on a phone with the first column held in view (table-scroll.ts). No hooks, so a
// server page renders it as well as a client island; sorting lives in the caller (useSortedRows in
// the browser, `sort`/`order` in the URL for lists sorted on the server).
import Link from "next/link";
import type { HTMLAttributes, ReactNode } from "react";
import { tableScroll } from "./table-scroll";
import type { SortOrder } from "./data-table-rows";

export type Column<Row> = {
  key: string;
  label: string;
  render: (row: Row) => ReactNode;
  isNumeric?: boolean;
  /** What a click on the header asks to sort by (the server's sort name); none: the header is plain text. */
  sortKey?: string;
  /** For rows sorted in the browser (useSortedRows): the value; null sorts last. The sort key is `key`. */
  sortValue?: (row: Row) => number | string | null;
  /** A first click sorts A→Z (text) instead of largest / newest first. */
  ascendingFirst?: boolean;
  /** A heading over this and the neighbouring columns of the same group («Now»: count, amount). */
  group?: string;
  /** The cell's own classes (alignment and padding come from the table). */
  className?: string | ((row: Row) => string);
  testId?: string;
};

/** The current sort and what a header click does; `label` ("Sort by") titles the header buttons. */
export type Sorting = { sort: string; order: SortOrder; sortBy: (key: string) => void; label?: string };

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | undefined };

type Props<Row> = {
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The table's name for screen readers (a hidden caption). */
  label: string;
  testId?: string;
  rowProps?: (row: Row) => RowAttributes;
  /** Shown instead of the table when there are no rows; without it an empty table is drawn. */
  empty?: ReactNode;
  sorting?: Sorting;
  footer?: ReactNode;
  pager?: ReactNode;
  className?: string;
};

export function DataTable<Row>({ columns, rows, rowKey, label, testId, rowProps, empty, sorting, footer, pager, className = "" }: Props<Row>) {
  if (rows.length === 0 && empty !== undefined) {
    return (
      <p className="text-sm text-slate-500" data-testid={testId ? `${testId}-empty` : undefined}>
        {empty}
      </p>
    );
  }
  return (
    <>
      <div className={tableScroll}>
        <table className={`w-full text-sm ${className}`} data-testid={testId}>
          <caption className="sr-only">{label}</caption>
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <HeaderRows columns={columns} sorting={sorting} />
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={rowKey(row)} {...rowProps?.(row)} className={`align-top ${rowProps?.(row).className ?? ""}`}>
                {columns.map((column) => (
                  <td key={column.key} className={`${cellClass(column)} ${typeof column.className === "function" ? column.className(row) : (column.className ?? "")}`} data-testid={column.testId}>
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {footer ? <tfoot className="border-t-2 border-slate-200 font-semibold">{footer}</tfoot> : null}
        </table>
      </div>
      {pager}
    </>
  );
}

const cellClass = <Row,>(column: Column<Row>) => `py-2 pr-4 last:pr-0 ${column.isNumeric ? "text-right tabular-nums" : ""}`;

/**
 * A footer row (totals, "Unattributed") under the same columns, for `footer`: the first cell names
 * it, the others are `cells` by column key.
 */
export function FooterRow<Row>({ columns, name, cells, testId, className = "" }: { columns: Column<Row>[]; name: ReactNode; cells: Record<string, ReactNode>; testId?: string; className?: string }) {
  return (
    <tr data-testid={testId} className={className}>
      <td className="py-2 pr-4">{name}</td>
      {columns.slice(1).map((column) => (
        <td key={column.key} className={cellClass(column)} data-testid={column.testId}>
          {cells[column.key] ?? ""}
        </td>
      ))}
    </tr>
  );
}

/** One header row; two when columns are grouped: the group's heading above its columns, the others spanning both. */
function HeaderRows<Row>({ columns, sorting }: { columns: Column<Row>[]; sorting?: Sorting }) {
  if (!columns.some((column) => column.group)) {
    return (
      <tr>
        {columns.map((column) => (
          <HeaderCell key={column.key} column={column} sorting={sorting} />
        ))}
      </tr>
    );
  }
  const top: { group?: string; columns: Column<Row>[] }[] = [];
  for (const column of columns) {
    const previous = top.at(-1);
    if (column.group && previous?.group === column.group) previous.columns.push(column);
    else top.push({ group: column.group, columns: [column] });
  }
  return (
    <>
      <tr>
        {top.map(({ group, columns: spanned }) =>
          group ? (
            <th key={group} scope="colgroup" colSpan={spanned.length} className="pt-2 pr-4 text-center font-medium">
              {group}
            </th>
          ) : (
            <HeaderCell key={spanned[0].key} column={spanned[0]} sorting={sorting} rowSpan={2} />
          ),
        )}
      </tr>
      <tr>
        {columns
          .filter((column) => column.group)
          .map((column) => (
            <HeaderCell key={column.key} column={column} sorting={sorting} />
          ))}
      </tr>
    </>
  );
}

function HeaderCell<Row>({ column, sorting, rowSpan }: { column: Column<Row>; sorting?: Sorting; rowSpan?: number }) {
  const align = `py-2 pr-4 font-medium last:pr-0 ${column.isNumeric ? "text-right" : "text-left"} ${rowSpan ? "align-bottom" : ""}`;
  const key = column.sortKey ?? (column.sortValue ? column.key : undefined);
  if (!sorting || key === undefined) {
    return (
      <th scope="col" rowSpan={rowSpan} className={align}>
        {column.label}
      </th>
    );
  }
  const isActive = sorting.sort === key;
  return (
    <th scope="col" rowSpan={rowSpan} className={align} aria-sort={isActive ? (sorting.order === "asc" ? "ascending" : "descending") : "none"}>
      <button type="button" className={`inline-flex items-center gap-1 uppercase hover:text-slate-800 ${isActive ? "text-slate-800" : ""}`} title={sorting.label ? `${sorting.label}: ${column.label}` : undefined} onClick={() => sorting.sortBy(key)} data-testid={`sort-${key}`}>
        {column.label}
        <span aria-hidden className="w-2">
          {isActive ? (sorting.order === "asc" ? "↑" : "↓") : ""}
        </span>
      </button>
    </th>
  );
}

/** A step of the pager: a link (pages in the URL) or a button (pages in the browser's state). */
type PagerStep = { text: string; href?: string; onClick?: () => void; isDisabled?: boolean };

/** "← Previous · Page 2 · Next →" under a table; `status` is the middle text, named by `testId`. */
export function DataPager({ label, previous, next, status, testId }: { label: string; previous: PagerStep; next: PagerStep; status: ReactNode; testId?: string }) {
  return (
    <nav className="mt-3 flex items-center justify-end gap-2 text-sm" aria-label={label}>
      <PagerButton step={previous} text={`← ${previous.text}`} />
      <span className="px-2 text-slate-500" data-testid={testId}>
        {status}
      </span>
      <PagerButton step={next} text={`${next.text} →`} />
    </nav>
  );
}

function PagerButton({ step, text }: { step: PagerStep; text: string }) {
  const style = "rounded-lg border border-slate-300 px-3 py-1";
  if (step.href && !step.isDisabled) {
    return (
      <Link href={step.href} className={`${style} hover:bg-slate-50`}>
        {text}
      </Link>
    );
  }
  return (
    <button type="button" className={`${style} disabled:opacity-40`} disabled={step.isDisabled ?? !step.onClick} onClick={step.onClick}>
      {text}
    </button>
  );
}
