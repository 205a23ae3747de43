import { DashboardPage, type DashboardContext, type SearchParams } from "@/components/dashboard/dashboard-page";
import { loadInitialReport } from "@/components/dashboard/load-report";
import { getDb } from "@/db/client";
import { getFilterOptions } from "@/lib/reports/filter-options";
import { SalesClient } from "./sales-client";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("sales");

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return (
    <DashboardPage searchParams={searchParams} heading={(t) => t.sales} exportName="sales">
      {(context) => <SalesData {...context} />}
    </DashboardPage>
  );
}

async function SalesData({ viewer, query, locale, t }: DashboardContext) {
  const [initial, options] = await Promise.all([loadInitialReport(viewer, "sales-by-month", query), getFilterOptions(await getDb(), viewer)]);
  return <SalesClient initial={initial} options={options} role={viewer.role} locale={locale} t={t} />;
}
