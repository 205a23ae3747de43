"use client";
// Create or edit a team; "Preview" shows what a changed code or active flag would move before saving.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import type { AttributionPreview } from "@/lib/attribution/preview";
import type { Locale } from "@/lib/format";
import { notificationsMessages } from "@/lib/i18n/notifications-messages";
import type { TrafficMessages } from "@/lib/i18n/traffic-messages";
import { callApi } from "@/lib/api/call-api";
import type { Notify } from "./traffic-teams-client";
import type { TeamRow } from "./use-traffic";

type Props = { team: TeamRow | null; t: TrafficMessages; locale: Locale; onDone: () => void; onPreview: (preview: AttributionPreview) => void; notify: Notify };

export function TeamForm({ team, t, locale, onDone, onPreview, notify }: Props) {
  // The chat field belongs to sale notifications (lib/notifications); its texts live there.
  const chat = notificationsMessages[locale];
  const [form, setForm] = useState({
    name: team?.name ?? "",
    color: team?.color ?? "#2f6fed",
    emoji: team?.emoji ?? "",
    primarySourceCode: team?.primarySourceCode ?? "",
    telegramChatId: team?.telegramChatId ?? "",
    isActive: team?.isActive ?? true,
  });
  const set = (key: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setForm({ ...form, [key]: event.target.type === "checkbox" ? event.target.checked : event.target.value });
  const save = useApiForm({
    send: () => callApi(team ? `/api/traffic-teams/${team.id}` : "/api/traffic-teams", { method: team ? "PATCH" : "POST", body: form }),
    locale,
    onSaved: () => {
      notify.ok(t.teams.saved);
      onDone();
      if (!team) setForm({ name: "", color: "#2f6fed", emoji: "", primarySourceCode: "", telegramChatId: "", isActive: true });
    },
    onRefused: notify.fail,
  });
  const preview = useApiForm({
    send: () =>
      callApi<{ preview: AttributionPreview }>("/api/attribution-rules/preview", {
        body: { upsertTeams: [{ id: team?.id, name: form.name, primarySourceCode: form.primarySourceCode, isActive: form.isActive }] },
      }),
    locale,
    onSaved: (r) => onPreview(r.preview),
    onRefused: notify.fail,
  });
  return (
    <form
      className="grid gap-3 sm:grid-cols-2"
      data-testid="team-form"
      onSubmit={save.onSubmit}
    >
      <Field label={t.teams.name} htmlFor="team-name">
        <Input id="team-name" value={form.name} onChange={set("name")} required maxLength={80} />
      </Field>
      <Field label={t.teams.primaryCode} htmlFor="team-code" hint={t.teams.primaryCodeHint}>
        <Input id="team-code" value={form.primarySourceCode} onChange={set("primarySourceCode")} maxLength={100} />
      </Field>
      <Field label={t.teams.color} htmlFor="team-color">
        <Input id="team-color" type="color" value={form.color} onChange={set("color")} className="h-10" />
      </Field>
      <Field label={t.teams.emoji} htmlFor="team-emoji">
        <Input id="team-emoji" value={form.emoji} onChange={set("emoji")} maxLength={16} />
      </Field>
      <Field label={chat.teamChatLabel} htmlFor="team-chat" hint={chat.teamChatHint}>
        <Input id="team-chat" value={form.telegramChatId} onChange={set("telegramChatId")} maxLength={64} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={form.isActive} onChange={set("isActive")} /> {t.teams.active}
      </label>
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={save.isPending}>
          {team ? t.teams.save : t.teams.create}
        </Button>
        <Button type="button" variant="secondary" onClick={() => preview.run()} disabled={preview.isPending || !form.name}>
          {preview.isPending ? t.rules.previewing : t.rules.preview}
        </Button>
        {team ? (
          <Button type="button" variant="ghost" onClick={onDone}>
            {t.teams.cancel}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
