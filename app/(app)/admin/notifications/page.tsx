import Link from "next/link";
import { asc, eq } from "drizzle-orm";
import { PageHeader } from "@/components/admin/page-header";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { trafficTeams } from "@/db/schema";
import { requirePermission } from "@/lib/auth/session";
import { fill } from "@/lib/i18n/fill";
import { resolveLocale } from "@/lib/i18n/locale";
import { notificationsMessages } from "@/lib/i18n/notifications-messages";
import { countDeliveries, listDeliveries } from "@/lib/notifications/deliveries";
import { getNotificationSettings } from "@/lib/notifications/settings";
import { ApiButton } from "@/components/ui/api-button";
import { DeliveriesTable } from "./deliveries-table";
import { NotificationSettingsForm } from "./settings-form";
import { TestMessageForm } from "./test-message-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("notifications");
export const dynamic = "force-dynamic";

export default async function NotificationsPage() {
  const viewer = await requirePermission("org:update");
  const locale = await resolveLocale(viewer);
  const t = notificationsMessages[locale];
  const db = await getDb();
  const [settings, teams, rows, counts] = await Promise.all([
    getNotificationSettings(db, viewer.orgId),
    db
      .select({ id: trafficTeams.id, name: trafficTeams.name, chatId: trafficTeams.telegramChatId })
      .from(trafficTeams)
      .where(eq(trafficTeams.orgId, viewer.orgId))
      .orderBy(asc(trafficTeams.name)),
    listDeliveries(db, viewer.orgId),
    countDeliveries(db, viewer.orgId),
  ]);
  return (
    <div className="max-w-6xl space-y-6">
      <PageHeader title={t.title} intro={t.intro} back={{ href: "/admin", label: t.back }} />
      <Card title={t.settings}>
        <NotificationSettingsForm settings={settings} orgLocale={viewer.org.locale} locale={locale} t={t} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t.test}>
          <TestMessageForm teams={teams} fallbackChatId={settings.fallbackChatId} locale={locale} t={t} />
        </Card>
        <Card title={t.teamChats}>
          {teams.length === 0 ? <p className="text-sm text-slate-500">{t.noTeams}</p> : null}
          <ul className="space-y-1 text-sm" data-testid="team-chats">
            {teams.map((team) => (
              <li key={team.id} className="flex justify-between gap-3">
                <span>{team.name}</span>
                <span className="font-mono text-xs text-slate-600">{team.chatId ?? t.noChat}</span>
              </li>
            ))}
          </ul>
          <Link href="/admin/traffic-teams" className="mt-3 inline-block text-sm text-brand-600 hover:underline">
            {t.teamChatsHint}
          </Link>
        </Card>
      </div>
      <Card title={t.deliveries}>
        <p className="mb-2 text-sm text-slate-500">{t.deliveriesIntro}</p>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
          <span data-testid="delivery-counts">{fill(t.counts, counts)}</span>
          {counts.dead > 0 ? (
            <ApiButton url="/api/notifications/deliveries/retry" method="POST" label={t.retryAll} variant="ghost" locale={locale} />
          ) : null}
        </div>
        <DeliveriesTable rows={rows} t={t} locale={locale} timeZone={viewer.org.timezone} />
      </Card>
    </div>
  );
}
