import { DashboardPage, type DashboardContext, type SearchParams } from "@/components/dashboard/dashboard-page";
import { loadInitialReport } from "@/components/dashboard/load-report";
import { getDb } from "@/db/client";
import { getFilterOptions } from "@/lib/reports/filter-options";
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

async function LeadsData({ viewer, query, locale, t }: DashboardContext) {
  const [conversion, bySource, options] = await Promise.all([
    loadInitialReport(viewer, "lead-conversion", query),
    loadInitialReport(viewer, "leads-by-source", query),
    getFilterOptions(await getDb(), viewer),
  ]);
  return <LeadsClient initial={{ conversion, bySource }} options={options} role={viewer.role} locale={locale} t={t} />;
}
