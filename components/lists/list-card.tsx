"use client";
// The card around a keyset list (deals, leads): the count and the export menu in its title; the
// loading, error and empty states; the table scrolling inside the card on a phone, and its pager.
// One frame, so the two lists cannot drift apart in how they load, fail or say they are empty.
import type { ReactNode } from "react";
import { ReportCard } from "@/components/dashboard/report-card";
import { ExportMenu } from "@/components/export/export-menu";
import { tableScroll } from "@/components/ui/table-scroll";

type Props = {
  kind: "deals" | "leads";
  /** The list's query, for the export links. */
  params: Record<string, string>;
  /** The title: how many rows there are (the list's name while it loads). */
  total: ReactNode;
  list: { isLoading: boolean; error: string | null };
  hasData: boolean;
  isEmpty: boolean;
  texts: { loading: string; failed: string; empty: string };
  /** The header cells. */
  header: ReactNode;
  /** The rows. */
  children: ReactNode;
  pager: ReactNode;
  tableClassName?: string;
};

export function ListCard({ kind, params, total, list, hasData, isEmpty, texts, header, children, pager, tableClassName = "" }: Props) {
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
        <div className={tableScroll}>
          <table className={`w-full text-sm ${tableClassName}`} data-testid={`${kind}-table`}>
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>{header}</tr>
            </thead>
            <tbody className="divide-y divide-slate-100">{children}</tbody>
          </table>
          {pager}
        </div>
      ) : null}
    </ReportCard>
  );
}
