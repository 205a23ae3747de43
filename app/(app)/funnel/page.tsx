import { DashboardPage, type DashboardContext, type SearchParams } from "@/components/dashboard/dashboard-page";
import { loadInitialReport } from "@/components/dashboard/load-report";
import { getDb } from "@/db/client";
import { getFilterOptions } from "@/lib/reports/filter-options";
import { FunnelClient } from "./funnel-client";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("funnel");

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return (
    <DashboardPage searchParams={searchParams} heading={(t) => t.funnel} exportName="funnel">
      {(context) => <FunnelData {...context} />}
    </DashboardPage>
  );
}

async function FunnelData({ viewer, query, locale, t }: DashboardContext) {
  const [initial, options] = await Promise.all([loadInitialReport(viewer, "sales-funnel", query), getFilterOptions(await getDb(), viewer)]);
  return <FunnelClient initial={initial} options={options} role={viewer.role} locale={locale} t={t} />;
}
