import { DashboardPage, type DashboardContext, type SearchParams } from "@/components/dashboard/dashboard-page";
import { firstRender, loadInitialReport } from "@/components/dashboard/load-report";
import { OverviewClient } from "@/components/dashboard/overview-client";
import { AttentionPanel } from "@/components/dashboard/attention-panel";
import { can } from "@/lib/auth/permissions";
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

// The KPIs first, then the "Attention" panel: anomalies of the last 2 weeks (docs/anomalies.md).
function OverviewData({ viewer, query, locale, t }: DashboardContext) {
  return (
    <div className="space-y-4">
      <OverviewClient first={firstRender(viewer, loadInitialReport(viewer, "overview", query))} role={viewer.role} locale={locale} t={t} />
      <AttentionPanel locale={locale} currency={viewer.org.baseCurrency} canEmail={can(viewer.role, "anomalies:email-own")} />
    </div>
  );
}
