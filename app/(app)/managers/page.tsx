import { DashboardPage, type DashboardContext, type SearchParams } from "@/components/dashboard/dashboard-page";
import { firstRender, loadInitialReport } from "@/components/dashboard/load-report";
import { ManagersClient } from "./managers-client";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("managers");

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return (
    <DashboardPage searchParams={searchParams} heading={(t) => t.managers} exportName="managers">
      {(context) => <ManagersData {...context} />}
    </DashboardPage>
  );
}

function ManagersData({ viewer, query, locale, t }: DashboardContext) {
  return <ManagersClient first={firstRender(viewer, loadInitialReport(viewer, "manager-activity", query))} role={viewer.role} locale={locale} t={t} />;
}
