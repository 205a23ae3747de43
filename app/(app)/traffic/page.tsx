import { DashboardPage, type DashboardContext, type SearchParams } from "@/components/dashboard/dashboard-page";
import { firstRender, loadInitialReport } from "@/components/dashboard/load-report";
import { TrafficClient } from "./traffic-client";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("traffic");

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return (
    <DashboardPage searchParams={searchParams} heading={(t) => t.traffic} exportName="traffic">
      {(context) => <TrafficData {...context} />}
    </DashboardPage>
  );
}

function TrafficData({ viewer, query, locale, t }: DashboardContext) {
  return <TrafficClient first={firstRender(viewer, loadInitialReport(viewer, "traffic-teams", query))} role={viewer.role} locale={locale} t={t} />;
}
