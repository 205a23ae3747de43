import { DashboardPage, type DashboardContext, type SearchParams } from "@/components/dashboard/dashboard-page";
import { firstRender, loadInitialReport } from "@/components/dashboard/load-report";
import { ConversationsClient } from "./conversations-client";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("conversations");

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return (
    <DashboardPage searchParams={searchParams} heading={(t) => t.conversations} exportName="conversations">
      {(context) => <ConversationsData {...context} />}
    </DashboardPage>
  );
}

function ConversationsData({ viewer, query, locale, t }: DashboardContext) {
  return <ConversationsClient first={firstRender(viewer, loadInitialReport(viewer, "conversations", query))} role={viewer.role} locale={locale} t={t} />;
}
