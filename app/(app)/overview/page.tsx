import { DashboardPage, type DashboardContext, type SearchParams } from "@/components/dashboard/dashboard-page";
import { firstRender, loadInitialReport } from "@/components/dashboard/load-report";
import { OverviewClient } from "@/components/dashboard/overview-client";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("overview");

// The Overview: the `overview` report's KPI cards and sparkline, through the same shell and loader
// as the other dashboards (filters in the URL, refetch through the JSON API).
export default function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <DashboardPage searchParams={searchParams} heading={(t) => t.overview} exportName="overview">
      {(context) => <OverviewData {...context} />}
    </DashboardPage>
  );
}

function OverviewData({ viewer, query, locale, t }: DashboardContext) {
  return <OverviewClient first={firstRender(viewer, loadInitialReport(viewer, "overview", query))} role={viewer.role} locale={locale} t={t} />;
}
