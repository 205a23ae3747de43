"use client";
// The schedule form: what (a dashboard and its period, or a saved view), when, in which files, to
// whom. New, it posts to /api/report-schedules; given a schedule, it starts from its values and
// sends them to PATCH /api/report-schedules/<id>. A refusal shows beside its field.
import { useState } from "react";
import { FieldError, errorProps } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import type { SchedulesMessages } from "@/lib/i18n/schedules-messages";
import { SAVED_VIEW_DASHBOARDS } from "@/lib/saved-views/dashboards";
import { bodyOf } from "./schedule-body";

/** What the form needs of a stored schedule (lib/report-schedules/schedules.ts `Schedule`), client-safe. */
export type EditableSchedule = {
  id: string;
  name: string;
  dashboard: string | null;
  viewId: string | null;
  query: string;
  frequency: string;
  weekday: number | null;
  monthDay: number | null;
  localTime: string;
  formats: string[];
  channel: string;
  telegramChatId: string | null;
  recipients: { userId: string | null; email: string }[];
};

type Props = {
  schedule?: EditableSchedule;
  people: { id: string; name: string; email: string }[];
  views: { id: string; name: string }[];
  canUseEmails: boolean;
  viewerName: string;
  timeZone: string;
  locale: Locale;
  t: SchedulesMessages;
};

export function ScheduleForm({ schedule, people, views, canUseEmails, viewerName, timeZone, locale, t }: Props) {
  const [frequency, setFrequency] = useState(schedule?.frequency ?? "weekly");
  const [channel, setChannel] = useState(schedule?.channel ?? "email");
  const [isView, setIsView] = useState(Boolean(schedule?.viewId));
  const send = (data: FormData) =>
    schedule ? callApi(`/api/report-schedules/${schedule.id}`, { method: "PATCH", body: bodyOf(data, schedule.query) }) : callApi("/api/report-schedules", { body: bodyOf(data) });
  const form = useApiForm({ send, locale, fields: t.fieldHints, saved: () => (schedule ? t.saved : t.created), resetOnSave: !schedule });
  const errors = form.fieldErrors;
  const error = (field: string) => errors[field];
  // Several forms share the page (the new one, and one per schedule being edited): ids must differ.
  const id = (field: string) => (schedule ? `schedule-${schedule.id}-${field}` : `schedule-${field}`);
  const initial = {
    source: schedule ? (schedule.viewId ? `view:${schedule.viewId}` : (schedule.dashboard ?? "overview")) : "overview",
    preset: new URLSearchParams(schedule?.query ?? "").get("preset") ?? "",
    userIds: new Set(schedule?.recipients.flatMap((recipient) => (recipient.userId ? [recipient.userId] : [])) ?? []),
    emails: schedule?.recipients.flatMap((recipient) => (recipient.userId ? [] : [recipient.email])).join(", ") ?? "",
    formats: schedule?.formats ?? ["pdf"],
  };
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" data-testid={schedule ? "schedule-edit-form" : "schedule-form"} noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t.name} htmlFor={id("name")}>
          <Input id={id("name")} name="name" required maxLength={100} defaultValue={schedule?.name} {...errorProps(id("name"), error("name"))} />
          <FieldError id={id("name")} message={error("name")} />
        </Field>
        <Field label={t.source} htmlFor={id("source")}>
          <Select id={id("source")} name="source" defaultValue={initial.source} onChange={(event) => setIsView(event.target.value.startsWith("view:"))}>
            {SAVED_VIEW_DASHBOARDS.map((dashboard) => (
              <option key={dashboard} value={dashboard}>
                {t.dashboards[dashboard]}
              </option>
            ))}
            {views.length ? (
              <optgroup label={t.savedViewsGroup}>
                {views.map((view) => (
                  <option key={view.id} value={`view:${view.id}`}>
                    {view.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </Select>
        </Field>
        {isView ? null : (
          <Field label={t.period} htmlFor={id("preset")}>
            <Select id={id("preset")} name="preset" defaultValue={initial.preset}>
              {Object.entries(t.presets).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label={t.frequency} htmlFor={id("frequency")}>
          <Select id={id("frequency")} name="frequency" value={frequency} onChange={(event) => setFrequency(event.target.value)}>
            {Object.entries(t.frequencies).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        {frequency === "weekly" ? (
          <Field label={t.weekday} htmlFor={id("weekday")}>
            <Select id={id("weekday")} name="weekday" defaultValue={String(schedule?.weekday ?? 1)}>
              {t.weekdays.map((label, index) => (
                <option key={label} value={index + 1}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        {frequency === "monthly" ? (
          <Field label={t.monthDay} htmlFor={id("month-day")} hint={t.monthDayHint}>
            <Input id={id("month-day")} name="monthDay" type="number" min={1} max={31} defaultValue={schedule?.monthDay ?? 1} {...errorProps(id("month-day"), error("monthDay"))} />
            <FieldError id={id("month-day")} message={error("monthDay")} />
          </Field>
        ) : null}
        <Field label={t.time} htmlFor={id("time")} hint={fill(t.timeHint, { tz: timeZone })}>
          <Input id={id("time")} name="localTime" type="time" defaultValue={schedule?.localTime ?? "09:00"} required {...errorProps(id("time"), error("localTime"))} />
          <FieldError id={id("time")} message={error("localTime")} />
        </Field>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-700">{t.formats}</legend>
          <div className="flex gap-4 text-sm">
            {(["pdf", "xlsx"] as const).map((format) => (
              <label key={format} className="flex items-center gap-2">
                <input type="checkbox" name="formats" value={format} defaultChecked={initial.formats.includes(format)} /> {format.toUpperCase()}
              </label>
            ))}
          </div>
          <FieldError id={id("formats")} message={error("formats")} />
        </fieldset>
        <Field label={t.channel} htmlFor={id("channel")}>
          <Select id={id("channel")} name="channel" value={channel} onChange={(event) => setChannel(event.target.value)}>
            {Object.entries(t.channels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {channel === "telegram" ? (
        <Field label={t.chat} htmlFor={id("chat")} hint={t.chatHint}>
          <Input id={id("chat")} name="telegramChatId" defaultValue={schedule?.telegramChatId ?? ""} {...errorProps(id("chat"), error("telegramChatId"))} />
          <FieldError id={id("chat")} message={error("telegramChatId")} />
        </Field>
      ) : (
        <>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-700">{t.people}</legend>
            <p className="text-xs text-slate-500">{t.peopleHint}</p>
            <div className="grid max-h-48 gap-1 overflow-y-auto text-sm sm:grid-cols-2">
              {people.map((person) => (
                <label key={person.id} className="flex min-w-0 items-center gap-2">
                  <input type="checkbox" name="userIds" value={person.id} defaultChecked={initial.userIds.has(person.id)} />
                  <span className="truncate">{person.name}</span>
                </label>
              ))}
            </div>
            <FieldError id={id("recipients")} message={error("recipients")} />
          </fieldset>
          {canUseEmails ? (
            <Field label={t.emails} htmlFor={id("emails")} hint={fill(t.emailsHint, { name: viewerName })}>
              <Input id={id("emails")} name="emails" placeholder="partner@example.com" defaultValue={initial.emails} />
            </Field>
          ) : null}
        </>
      )}
      <Button type="submit" disabled={form.isPending}>
        {schedule ? (form.isPending ? t.saving : t.save) : form.isPending ? t.creating : t.create}
      </Button>
      <FormAlert state={form.outcome} />
    </form>
  );
}
