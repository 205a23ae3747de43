"use client";
// Bitrix24 shows the outgoing webhook's application token only after the webhook is saved, so it
// comes back here after the source exists; events are checked against it.
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import type { Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import { describeError } from "@/lib/i18n/describe-error";
import type { SourcesMessages } from "@/lib/i18n/sources-messages";
import { callApi } from "@/lib/api/call-api";

export function AppTokenForm({ sourceId, t, locale, onSaved }: { sourceId: string; t: SourcesMessages; locale: Locale; onSaved: () => void }) {
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const applicationToken = String(new FormData(event.currentTarget).get("applicationToken") ?? "").trim();
    try {
      await callApi(`/api/sources/${sourceId}`, { method: "PATCH", body: { applicationToken } });
      setMessage({ tone: "success", text: t.appToken.saved });
      onSaved();
    } catch (e) {
      setMessage({ tone: "error", text: fill(t.error, { message: describeError(e, locale, { applicationToken: t.appToken.label }) }) });
    }
  }
  return (
    <form onSubmit={save} className="mt-3 space-y-2">
      <p className="text-xs text-amber-700">{t.appToken.missing}</p>
      <div className="flex gap-2">
        <Input name="applicationToken" aria-label={t.appToken.label} placeholder={t.appToken.label} required minLength={8} autoComplete="off" />
        <Button type="submit" variant="secondary">
          {t.appToken.save}
        </Button>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </form>
  );
}
