"use client";
// amoCRM: which stage of each pipeline makes a lead converted (default: won). Saved with the
// source's PATCH, which recomputes the source's lead facts.
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import type { Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import { describeError } from "@/lib/i18n/describe-error";
import type { SourcesMessages } from "@/lib/i18n/sources-messages";
import type { QualifiedStageChoice } from "@/lib/sources/qualified-stages";
import { callApi } from "@/lib/api/call-api";

type Props = { sourceId: string; choices: QualifiedStageChoice[]; t: SourcesMessages; locale: Locale; onSaved: () => void };

export function QualifiedStagesForm({ sourceId, choices, t, locale, onSaved }: Props) {
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [isSaving, setSaving] = useState(false);
  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const qualifiedStages = Object.fromEntries(choices.map((c) => [c.pipelineId, String(form.get(c.pipelineId) ?? "") || null]));
    setSaving(true);
    try {
      await callApi(`/api/sources/${sourceId}`, { method: "PATCH", body: { qualifiedStages } });
      setMessage({ tone: "success", text: t.qualified.saved });
      onSaved();
    } catch (e) {
      setMessage({ tone: "error", text: fill(t.error, { message: describeError(e, locale, { qualifiedStages: t.qualified.title }) }) });
    } finally {
      setSaving(false);
    }
  }
  return (
    <form onSubmit={save} className="mt-4 space-y-2" data-testid="qualified-stages">
      <h3 className="text-sm font-medium text-slate-900">{t.qualified.title}</h3>
      <p className="text-xs text-slate-500">{t.qualified.intro}</p>
      {choices.length === 0 ? <p className="text-xs text-slate-500">{t.qualified.none}</p> : null}
      {choices.map((choice) => (
        <label key={choice.pipelineId} className="flex flex-wrap items-center gap-2 text-sm">
          <span className="min-w-40 text-slate-700">{choice.pipelineName}</span>
          <Select name={choice.pipelineId} defaultValue={choice.stageId ?? ""} aria-label={choice.pipelineName}>
            <option value="">{t.qualified.won}</option>
            {choice.stages
              .filter((stage) => stage.semantic === "open")
              .map((stage) => (
                <option key={stage.id} value={stage.id}>
                  {stage.name}
                </option>
              ))}
          </Select>
        </label>
      ))}
      {choices.length > 0 ? (
        <Button type="submit" variant="secondary" disabled={isSaving}>
          {t.qualified.save}
        </Button>
      ) : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </form>
  );
}
