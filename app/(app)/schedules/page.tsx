// «Рассылки отчётов»: admins and directors create schedules and watch each one's history.
import { and, asc, eq, or } from "drizzle-orm";
import { PageHeader } from "@/components/admin/page-header";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { requirePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { resolveLocale } from "@/lib/i18n/locale";
import { schedulesMessages } from "@/lib/i18n/schedules-messages";
import { listScheduleHistory } from "@/lib/report-schedules/history";
import { listSchedules } from "@/lib/report-schedules/schedules";
import { listSavedViews } from "@/lib/saved-views/saved-views";
import type { Schedule } from "@/lib/report-schedules/schedules";
import { ScheduleForm, type EditableSchedule } from "./schedule-form";
import { ScheduleList } from "./schedule-list";

export const generateMetadata = pageTitle("schedules");
export const dynamic = "force-dynamic";

export default async function SchedulesPage() {
  const viewer = await requirePermission("schedules:manage");
  const locale = await resolveLocale(viewer);
  const t = schedulesMessages[locale];
  const db = await getDb();
  // A director names people of their own department; an admin anyone active.
  const people = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.orgId, viewer.orgId), eq(users.isActive, true), viewer.role === "admin" ? undefined : or(eq(users.id, viewer.userId), viewer.departmentId ? eq(users.departmentId, viewer.departmentId) : undefined)))
    .orderBy(asc(users.name));
  const [schedules, views] = await Promise.all([listSchedules(db, viewer), listSavedViews(db, viewer)]);
  const histories = await Promise.all(schedules.map((schedule) => listScheduleHistory(db, viewer, schedule.id, 10)));
  const formProps = {
    people,
    views: views.map((view) => ({ id: view.id, name: view.name })),
    canUseEmails: viewer.role === "admin",
    viewerName: viewer.name,
    timeZone: viewer.org.timezone,
    locale,
    t,
  };
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader title={t.title} intro={t.intro} />
      <Card title={t.newSchedule}>
        <ScheduleForm {...formProps} />
      </Card>
      <Card title={t.list}>
        <ScheduleList schedules={schedules} histories={histories} timeZone={viewer.org.timezone} locale={locale} t={t} editForm={(schedule) => <ScheduleForm {...formProps} schedule={editableOf(schedule)} />} />
      </Card>
    </div>
  );
}

/** Only what the edit form starts from goes to the browser. */
function editableOf(schedule: Schedule): EditableSchedule {
  const { id, name, dashboard, viewId, query, frequency, weekday, monthDay, localTime, formats, channel, telegramChatId } = schedule;
  const recipients = schedule.recipients.map((recipient) => ({ userId: recipient.userId, email: recipient.email }));
  return { id, name, dashboard, viewId, query, frequency, weekday, monthDay, localTime, formats, channel, telegramChatId, recipients };
}
