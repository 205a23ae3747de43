// A dashboard card: a title, the report's content, a loading veil over the previous figures while
// new ones arrive, and an empty state that says why it is empty.
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { FilterExport } from "./dashboard-export";

type Props = {
  title: ReactNode;
  isLoading?: boolean;
  loadingText: string;
  error?: string | null;
  errorTitle?: string;
  isEmpty?: boolean;
  emptyText: string;
  testId?: string;
  /** The report this card shows, for its export menu (CSV, Excel, PDF of the same filters). */
  exportReport?: string;
  children: ReactNode;
  /** Shown under the content in every state (a setting that belongs to the card, not to its figures). */
  footer?: ReactNode;
};

export function ReportCard({ title, isLoading = false, loadingText, error, errorTitle, isEmpty = false, emptyText, testId, exportReport, children, footer }: Props) {
  return (
    <section className="relative rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-busy={isLoading} data-testid={testId}>
      <div className="mb-3 flex items-start justify-between gap-3">
        <h2 className="flex-1 text-sm font-semibold text-slate-700">{title}</h2>
        {exportReport ? <FilterExport kind="report" name={exportReport} /> : null}
      </div>
      {error ? (
        <Alert tone="error">
          {errorTitle ? <span className="font-medium">{errorTitle}: </span> : null}
          {error}
        </Alert>
      ) : isEmpty ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-10 text-center text-sm text-slate-500" data-testid={testId ? `${testId}-empty` : undefined}>
          {emptyText}
        </p>
      ) : (
        children
      )}
      {footer}
      {isLoading ? (
        <div className="absolute inset-0 flex items-center justify-center rounded-xl bg-white/60" role="status">
          <span className="rounded-lg bg-white px-3 py-1 text-sm text-slate-600 shadow">{loadingText}</span>
        </div>
      ) : null}
    </section>
  );
}
