import { DashboardPage, type DashboardContext, type SearchParams } from "@/components/dashboard/dashboard-page";
import { firstRender, loadInitialReport } from "@/components/dashboard/load-report";
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

function FunnelData({ viewer, query, locale, t }: DashboardContext) {
  return <FunnelClient first={firstRender(viewer, loadInitialReport(viewer, "sales-funnel", query))} role={viewer.role} locale={locale} t={t} />;
}
