import { DashboardPage, type DashboardContext, type SearchParams } from "@/components/dashboard/dashboard-page";
import { loadInitialReport } from "@/components/dashboard/load-report";
import { getDb } from "@/db/client";
import { getFilterOptions } from "@/lib/reports/filter-options";
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

async function TrafficData({ viewer, query, locale, t }: DashboardContext) {
  const [report, options] = await Promise.all([loadInitialReport(viewer, "traffic-teams", query), getFilterOptions(await getDb(), viewer)]);
  return <TrafficClient initial={report} options={options} role={viewer.role} locale={locale} t={t} />;
}
