// What a dashboard shows while its figures are on their way: grey blocks where the filter bar and
// the cards will be. The page's content replaces it whole, and nothing sits below it (the sidebar
// keeps its own height, components/layout/nav-drawer.tsx), so its arrival moves nothing already on
// screen. Marked aria-busy, as the report cards are while they load, and named for screen readers.
const block = "animate-pulse rounded-xl border border-slate-200 bg-slate-100";

/** The report area: the filter bar and two cards. */
export function ReportAreaSkeleton({ loadingText }: { loadingText: string }) {
  return (
    <div className="space-y-4" aria-busy="true" data-testid="report-area-skeleton">
      <span className="sr-only" role="status">
        {loadingText}
      </span>
      <div className={`${block} h-12 md:h-36`} />
      <div className={`${block} h-80`} />
      <div className={`${block} h-64`} />
    </div>
  );
}

/** A whole dashboard before anything of it is known: the header's lines, then the report area. */
export function DashboardSkeleton({ loadingText }: { loadingText: string }) {
  return (
    <div className="space-y-6">
      <header className="space-y-2" aria-hidden>
        <div className="h-8 w-56 animate-pulse rounded-lg bg-slate-100" />
        <div className="h-4 w-80 max-w-full animate-pulse rounded bg-slate-100" />
      </header>
      <ReportAreaSkeleton loadingText={loadingText} />
    </div>
  );
}
