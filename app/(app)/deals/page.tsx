import { DashboardPage, type SearchParams } from "@/components/dashboard/dashboard-page";
import { DealsView } from "@/components/deals/deals-view";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("deals");

// The deals behind a bar, a stage or a card: filters, bucket and sort all live in the URL.
export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return (
    <DashboardPage searchParams={searchParams} heading={(t) => t.deals}>
      {({ locale, t }) => <DealsView locale={locale} t={t.deals} loadingText={t.loading} failedText={t.failed} />}
    </DashboardPage>
  );
}
