"use client";
// The card around a keyset list (deals, leads): the count and the export menu in its title; the
// loading, error and empty states; the table scrolling inside the card on a phone, and its pager.
// One frame, so the two lists cannot drift apart in how they load, fail or say they are empty; the
// table inside is the app's DataTable.
import type { ReactNode } from "react";
import { ReportCard } from "@/components/dashboard/report-card";
import { ExportMenu } from "@/components/export/export-menu";
import { DataTable, type Column, type Sorting } from "@/components/ui/data-table";

type Props<Row> = {
  kind: "deals" | "leads";
  /** The list's query, for the export links. */
  params: Record<string, string>;
  /** The title: how many rows there are (the list's name while it loads). */
  total: ReactNode;
  list: { isLoading: boolean; error: string | null };
  hasData: boolean;
  isEmpty: boolean;
  texts: { loading: string; failed: string; empty: string };
  label: string;
  columns: Column<Row>[];
  /** The page's rows (none while the first page loads). */
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowProps: (row: Row) => Record<`data-${string}`, string>;
  sorting: Sorting;
  pager: ReactNode;
  tableClassName?: string;
};

export function ListCard<Row>({ kind, params, total, list, hasData, isEmpty, texts, label, columns, rows, rowKey, rowProps, sorting, pager, tableClassName = "" }: Props<Row>) {
  return (
    <ReportCard
      title={
        <span className="flex flex-wrap items-center justify-between gap-2">
          <span data-testid={`${kind}-total`}>{total}</span>
          <ExportMenu kind={kind} params={params} />
        </span>
      }
      testId={`${kind}-card`}
      isLoading={list.isLoading}
      loadingText={texts.loading}
      error={list.error}
      errorTitle={texts.failed}
      isEmpty={isEmpty}
      emptyText={texts.empty}
    >
      {hasData ? (
        <DataTable columns={columns} rows={rows} rowKey={rowKey} rowProps={rowProps} label={label} testId={`${kind}-table`} sorting={sorting} pager={pager} className={tableClassName} />
      ) : null}
    </ReportCard>
  );
}
