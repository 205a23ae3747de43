// «Конструктор отчётов»: any whitelisted measures by up to two dimensions, within the viewer's scope
// (docs/builder.md). The state lives in the address; the island asks POST /api/reports/custom, saves
// the report as a view and exports it. A saved report opened without a filter outside the viewer's
// scope says so, as a dashboard does.
import { Suspense } from "react";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/admin/page-header";
import { DroppedFiltersNotice } from "@/components/dashboard/dropped-filters-notice";
import { requireViewer } from "@/lib/auth/session";
import { builderMessages } from "@/lib/i18n/builder-messages";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";
import { resolveLocale } from "@/lib/i18n/locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { getFilterOptions } from "@/lib/reports/filter-options";
import { DROPPED_PARAM, droppedFiltersIn } from "@/lib/saved-views/dropped-filters";
import { BuilderClient } from "./builder-client";

export const generateMetadata = pageTitle("builder");
export const dynamic = "force-dynamic";

export default async function BuilderPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const locale = await resolveLocale(viewer);
  const t = builderMessages[locale];
  const dropped = droppedFiltersIn((await searchParams)[DROPPED_PARAM]);
  // The dashboards' choices for this viewer: departments for an admin only (to filter and to share with), managers for an admin or a director.
  const options = await getFilterOptions(await getDb(), viewer);
  return (
    <div className="max-w-6xl space-y-6">
      <PageHeader title={t.title} intro={t.intro} />
      {dropped.length > 0 ? <DroppedFiltersNotice dropped={dropped} t={dashboardMessages[locale]} /> : null}
      <Suspense fallback={<p className="text-sm text-slate-500">{t.loading}</p>}>
        <BuilderClient locale={locale} t={t} role={viewer.role} options={options} filterLabels={dashboardMessages[locale].filters} />
      </Suspense>
    </div>
  );
}
