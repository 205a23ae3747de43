// Every dashboard's loading.tsx: shown at once on a navigation to it (and prefetched with the menu's
// links), while the server renders the page and its first figures into the same response: the click
// paints now, the figures stream in after it (issue 16 §6, docs/measurements.md "Page speed in a
// browser"). Only the dashboards have one: under a loading boundary a page's response has begun
// before its notFound() or redirect() is known, so the admin pages' 404 and the landing page's
// redirect to a default view (app/(app)/page.tsx) would arrive as a 200.
import { DashboardSkeleton } from "./dashboard-skeleton";
import { getViewer } from "@/lib/auth/session";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";
import { resolveLocale } from "@/lib/i18n/locale";

export async function DashboardLoading() {
  // getViewer is once per request: the layout has asked already.
  const locale = await resolveLocale(await getViewer());
  return <DashboardSkeleton loadingText={dashboardMessages[locale].loading} />;
}
