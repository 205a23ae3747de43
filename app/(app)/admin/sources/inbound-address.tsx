"use client";
// Where a source posts, with its secret hidden (amoCRM's in the address, a shop's signing key) until
// the admin asks: "Reveal" shows it, "Rotate" replaces it. Both are audited by the server.
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import { describeError } from "@/lib/i18n/describe-error";
import type { SourcesMessages } from "@/lib/i18n/sources-messages";
import { describeKind } from "@/lib/connectors/descriptors";
import type { SourceListItem } from "@/lib/sources/manage-sources";

type Revealed = { secret: string; inboundWebhookUrl: string; isNew: boolean };

export function InboundAddress({ source, t, locale }: { source: SourceListItem; t: SourcesMessages; locale: Locale }) {
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { issuesSecret: hasSecret, signsBodies } = describeKind(source.kind);

  async function ask(action: "reveal" | "rotate") {
    if (action === "rotate" && !window.confirm(fill(t.secret.confirmRotate, { name: source.name }))) return;
    setError(null);
    try {
      const answer = await callApi<Omit<Revealed, "isNew">>(`/api/sources/${source.id}/secret${action === "rotate" ? "/rotate" : ""}`, { method: "POST", body: {} });
      setRevealed({ ...answer, isNew: action === "rotate" });
    } catch (e) {
      setError(fill(t.error, { message: describeError(e, locale) }));
    }
  }

  return (
    <div className="mt-3 space-y-2 text-xs text-slate-500">
      <p>
        {t.inbound}:{" "}
        <code className="break-all text-slate-700" data-testid="inbound-url">
          {revealed?.inboundWebhookUrl ?? source.inboundWebhookUrl}
        </code>
      </p>
      {revealed && signsBodies ? (
        <p>
          {t.secret.signingSecret}{" "}
          <code className="break-all text-slate-700" data-testid="signing-secret">
            {revealed.secret}
          </code>
        </p>
      ) : null}
      {revealed?.isNew ? <Alert tone="success">{t.secret.rotated}</Alert> : null}
      {hasSecret ? (
        <div className="flex flex-wrap gap-2">
          {revealed ? null : (
            <Button variant="secondary" onClick={() => ask("reveal")}>
              {t.secret.reveal}
            </Button>
          )}
          <Button variant="ghost" onClick={() => ask("rotate")}>
            {t.secret.rotate}
          </Button>
        </div>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
