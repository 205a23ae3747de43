// Each schedule: when it sends next, to whom (and in whose scope), its buttons, and its latest messages.
import type { ReactNode } from "react";
import { ApiButton } from "@/components/ui/api-button";
import { FailureText } from "@/components/ui/failure-text";
import { formatDateTime, type Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import type { SchedulesMessages } from "@/lib/i18n/schedules-messages";
import type { DeliveryRow } from "@/lib/report-schedules/history";
import type { Schedule } from "@/lib/report-schedules/schedules";
import { ToggleScheduleButton } from "./toggle-button";

/** editForm: the schedule's edit form, opened under it (the page builds it with its people and views). */
type Props = { schedules: Schedule[]; histories: DeliveryRow[][]; timeZone: string; locale: Locale; t: SchedulesMessages; editForm: (schedule: Schedule) => ReactNode };

function ruleText(schedule: Schedule, t: SchedulesMessages): string {
  const when = schedule.frequency === "weekly" ? t.weekdays[(schedule.weekday ?? 1) - 1] : schedule.frequency === "monthly" ? `${schedule.monthDay}` : "";
  return [t.frequencies[schedule.frequency], when, schedule.localTime].filter(Boolean).join(" · ");
}

export function ScheduleList({ schedules, histories, timeZone, locale, t, editForm }: Props) {
  if (schedules.length === 0) return <p className="text-sm text-slate-500">{t.empty}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="schedules">
      {schedules.map((schedule, index) => (
        <li key={schedule.id} className="space-y-2 py-4" data-testid="schedule">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <p className="break-words font-medium">{schedule.name}</p>
              <p className="text-sm text-slate-600">
                {schedule.viewName ?? t.dashboards[schedule.dashboard ?? "overview"]} · {ruleText(schedule, t)} · {schedule.formats.join(", ").toUpperCase()} · {t.channels[schedule.channel]}
              </p>
              <p className="text-xs text-slate-500">
                {schedule.isEnabled ? fill(t.next, { at: formatDateTime(schedule.nextRunAt, timeZone, locale) }) : t.off} · {fill(t.author, { name: schedule.createdBy.name })}
              </p>
            </div>
            <div className="flex flex-wrap gap-2">
              <ApiButton url={`/api/report-schedules/${schedule.id}/send`} method="POST" label={t.sendNow} variant="secondary" locale={locale} />
              <ToggleScheduleButton id={schedule.id} isEnabled={schedule.isEnabled} label={schedule.isEnabled ? t.disable : t.enable} locale={locale} />
              <ApiButton url={`/api/report-schedules/${schedule.id}`} method="DELETE" label={t.remove} variant="ghost" confirm={`${t.remove}: ${schedule.name}?`} locale={locale} />
            </div>
          </div>
          {schedule.channel === "email" ? (
            <p className="break-words text-sm">
              <span className="text-slate-500">{t.recipients}: </span>
              {schedule.recipients.map((recipient, at) => (
                <span key={recipient.id} data-testid="recipient">
                  {at > 0 ? ", " : ""}
                  {recipient.name ?? recipient.email} ({recipient.scope === "own" ? t.ownScope : t.creatorScope}
                  {recipient.isUnsubscribed ? `, ${t.unsubscribed}` : ""})
                </span>
              ))}
            </p>
          ) : (
            <p className="break-all text-sm">Telegram: {schedule.telegramChatId}</p>
          )}
          <details data-testid="schedule-edit">
            <summary className="cursor-pointer text-sm text-brand-600">{t.edit}</summary>
            <div className="mt-2">{editForm(schedule)}</div>
          </details>
          <details>
            <summary className="cursor-pointer text-sm text-brand-600">{t.history}</summary>
            {histories[index].length === 0 ? <p className="text-sm text-slate-500">{t.noHistory}</p> : null}
            <ul className="mt-1 space-y-1 text-xs" data-testid="history">
              {histories[index].map((row) => (
                <li key={row.id} className="break-words">
                  {formatDateTime(row.createdAt, timeZone, locale)} · {row.recipient ?? "—"} · <strong>{t.statuses[row.status]}</strong>
                  {row.attempts > 1 ? ` · ${fill(t.attempts, { n: row.attempts })}` : ""}
                  {row.lastFailure && row.status !== "sent" ? (
                    <>
                      {" · "}
                      <FailureText failure={row.lastFailure} locale={locale} />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ul>
  );
}
