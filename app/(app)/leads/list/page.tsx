import { DashboardPage, type SearchParams } from "@/components/dashboard/dashboard-page";
import { LeadsView } from "@/components/leads/leads-view";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("leadList");

// The leads behind a source row, a month, a team or a forms card figure: filters, bucket and sort live in the URL.
export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return (
    <DashboardPage searchParams={searchParams} heading={(t) => t.leadList}>
      {({ locale, t }) => <LeadsView locale={locale} t={t.leadList} loadingText={t.loading} failedText={t.failed} />}
    </DashboardPage>
  );
}
