import { DashboardPage, type DashboardContext, type SearchParams } from "@/components/dashboard/dashboard-page";
import { firstRender, loadInitialReport } from "@/components/dashboard/load-report";
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

function SalesData({ viewer, query, locale, t }: DashboardContext) {
  return <SalesClient first={firstRender(viewer, loadInitialReport(viewer, "sales-by-month", query))} role={viewer.role} locale={locale} t={t} />;
}
