import { DashboardPage, type DashboardContext, type SearchParams } from "@/components/dashboard/dashboard-page";
import { firstRender, loadInitialReport } from "@/components/dashboard/load-report";
import { ForecastClient } from "./forecast-client";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("forecast");

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return (
    <DashboardPage searchParams={searchParams} heading={(t) => t.forecast} exportName="forecast">
      {(context) => <ForecastData {...context} />}
    </DashboardPage>
  );
}

function ForecastData({ viewer, query, locale, t }: DashboardContext) {
  return <ForecastClient first={firstRender(viewer, loadInitialReport(viewer, "forecast", query))} role={viewer.role} locale={locale} t={t} />;
}
