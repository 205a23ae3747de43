// Shown at once on a navigation inside the app (and prefetched with the menu's links), while the
// server renders the page and its first figures into the same response: the click paints now, the
// figures stream in after it (issue 16 §6, docs/measurements.md "Page speed in a browser").
import { DashboardSkeleton } from "@/components/dashboard/dashboard-skeleton";
import { getViewer } from "@/lib/auth/session";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";
import { resolveLocale } from "@/lib/i18n/locale";

export default async function Loading() {
  // getViewer is once per request: the layout has asked already.
  const locale = await resolveLocale(await getViewer());
  return <DashboardSkeleton loadingText={dashboardMessages[locale].loading} />;
}
