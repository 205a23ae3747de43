import { DashboardPage, type DashboardContext, type SearchParams } from "@/components/dashboard/dashboard-page";
import { loadInitialReport } from "@/components/dashboard/load-report";
import { getDb } from "@/db/client";
import { getFilterOptions } from "@/lib/reports/filter-options";
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

async function ManagersData({ viewer, query, locale, t }: DashboardContext) {
  const [initial, options] = await Promise.all([loadInitialReport(viewer, "manager-activity", query), getFilterOptions(await getDb(), viewer)]);
  return <ManagersClient initial={initial} options={options} role={viewer.role} locale={locale} t={t} />;
}
