"use client";
// A site form: how many days apart a submission and a CRM lead may be to be matched. Saved with the
// source's PATCH, which re-matches the organisation's unmatched submissions.
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { Locale } from "@/lib/format";
import { MATCH_WINDOW_MAX_DAYS, MATCH_WINDOW_MIN_DAYS } from "@/lib/forms/match-window";
import { fill } from "@/lib/i18n/fill";
import { describeError } from "@/lib/i18n/describe-error";
import type { SourcesMessages } from "@/lib/i18n/sources-messages";
import { callApi } from "@/lib/api/call-api";

type Props = { sourceId: string; days: number; t: SourcesMessages; locale: Locale; onSaved: () => void };

export function MatchWindowForm({ sourceId, days, t, locale, onSaved }: Props) {
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [isSaving, setSaving] = useState(false);
  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = Number(new FormData(event.currentTarget).get("matchWindowDays"));
    setSaving(true);
    try {
      await callApi(`/api/sources/${sourceId}`, { method: "PATCH", body: { matchWindowDays: value } });
      setMessage({ tone: "success", text: t.matchWindow.saved });
      onSaved();
    } catch (e) {
      setMessage({ tone: "error", text: fill(t.error, { message: describeError(e, locale, { matchWindowDays: t.matchWindow.days }) }) });
    } finally {
      setSaving(false);
    }
  }
  return (
    <form onSubmit={save} className="mt-4 space-y-2" data-testid="match-window">
      <h3 className="text-sm font-medium text-slate-900">{t.matchWindow.title}</h3>
      <p className="text-xs text-slate-500">{t.matchWindow.intro}</p>
      <div className="flex flex-wrap items-end gap-2">
        <Field label={t.matchWindow.days} htmlFor={`match-window-${sourceId}`}>
          <Input id={`match-window-${sourceId}`} name="matchWindowDays" type="number" min={MATCH_WINDOW_MIN_DAYS} max={MATCH_WINDOW_MAX_DAYS} step={1} defaultValue={days} required />
        </Field>
        <Button type="submit" variant="secondary" disabled={isSaving}>
          {t.matchWindow.save}
        </Button>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </form>
  );
}
