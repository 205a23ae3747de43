// What every dashboard page shares: the viewer, their language, the filters from the URL, a
// header, and the report area behind Suspense while the first figures load.
import { redirect } from "next/navigation";
import { Suspense, type ReactNode } from "react";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import type { DashboardName } from "@/lib/export/export-document";
import type { Locale } from "@/lib/format";
import { dashboardMessages, type DashboardMessages } from "@/lib/i18n/dashboard-messages";
import { resolveLocale } from "@/lib/i18n/locale";
import { FilterExport } from "./dashboard-export";
import { ReportAreaSkeleton } from "./dashboard-skeleton";
import { reportQueryString } from "@/lib/reports/report-query";
import { SourceFreshness } from "./source-freshness";
import { DROPPED_PARAM, droppedFiltersIn } from "@/lib/saved-views/dropped-filters";
import { DroppedFiltersNotice } from "./dropped-filters-notice";
import { tvAddress } from "@/lib/displays/tv-address";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
export type DashboardContext = { viewer: Viewer; query: string; locale: Locale; t: DashboardMessages };

export async function DashboardPage({
  searchParams,
  heading,
  exportName,
  children,
}: {
  searchParams: SearchParams;
  heading: (t: DashboardMessages) => { title: string; subtitle: string };
  /** The dashboard's name for its whole-dashboard export; none for pages that are not a dashboard. */
  exportName?: DashboardName;
  children: (context: DashboardContext) => ReactNode;
}) {
  const params = await searchParams;
  const query = reportQueryString(params);
  const dropped = droppedFiltersIn(params[DROPPED_PARAM]);
  const viewer = await requireViewer();
  // `?tv=1`: the same dashboard and filters on the TV screen, as the signed-in person (app/tv/page.tsx).
  if (exportName && params.tv === "1") redirect(tvAddress(exportName, query));
  const locale = await resolveLocale(viewer);
  const t = dashboardMessages[locale];
  const { title, subtitle } = heading(t);
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{title}</h1>
          <p className="text-sm text-slate-500">{subtitle}</p>
          <SourceFreshness orgId={viewer.orgId} locale={locale} isAdmin={can(viewer.role, "sources:manage")} />
        </div>
        {exportName ? (
          <div className="flex items-center gap-3">
            <a href={`?${query ? `${query}&` : ""}tv=1`} className="text-sm text-slate-600 underline-offset-2 hover:underline" data-testid="tv-mode-link">
              {t.tvMode}
            </a>
            <FilterExport kind="dashboard" name={exportName} />
          </div>
        ) : null}
      </header>
      {dropped.length > 0 ? <DroppedFiltersNotice dropped={dropped} t={t} /> : null}
      <Suspense fallback={<ReportAreaSkeleton loadingText={t.loading} />}>{children({ viewer, query, locale, t })}</Suspense>
    </div>
  );
}
