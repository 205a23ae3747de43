import { PageHeader } from "@/components/admin/page-header";
import { requirePermission } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/locale";
import { trafficMessages } from "@/lib/i18n/traffic-messages";
import { TrafficTeamsClient } from "./traffic-teams-client";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("trafficTeams");

export default async function TrafficTeamsPage() {
  const viewer = await requirePermission("rules:manage");
  const locale = await resolveLocale(viewer);
  const t = trafficMessages[locale];
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader title={t.teams.title} intro={t.teams.intro} back={{ href: "/admin", label: t.backToAdmin }} />
      <TrafficTeamsClient t={t} locale={locale} />
    </div>
  );
}
