import { DashboardPage, type DashboardContext, type SearchParams } from "@/components/dashboard/dashboard-page";
import { firstRender, loadInitialReport } from "@/components/dashboard/load-report";
import { LeadsClient } from "./leads-client";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("leads");

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return (
    <DashboardPage searchParams={searchParams} heading={(t) => t.leads} exportName="leads">
      {(context) => <LeadsData {...context} />}
    </DashboardPage>
  );
}

function LeadsData({ viewer, query, locale, t }: DashboardContext) {
  const initial = Promise.all([loadInitialReport(viewer, "lead-conversion", query), loadInitialReport(viewer, "leads-by-source", query)]).then(([conversion, bySource]) => ({ conversion, bySource }));
  return <LeadsClient first={firstRender(viewer, initial)} role={viewer.role} locale={locale} t={t} />;
}
