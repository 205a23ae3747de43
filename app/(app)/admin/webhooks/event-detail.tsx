import { Card } from "@/components/ui/card";
import { formatDateTime, type Locale } from "@/lib/format";
import type { getEvent } from "@/lib/ingest/admin/events";
import { fill } from "@/lib/i18n/fill";
import type { WebhooksMessages } from "@/lib/i18n/webhooks-messages";
import { ApiButton } from "@/components/ui/api-button";
import { StatusBadge } from "./status-badge";
import { FailureText } from "@/components/ui/failure-text";

type Props = { detail: NonNullable<Awaited<ReturnType<typeof getEvent>>>; closeHref: string; t: WebhooksMessages; locale: Locale; timeZone: string };

/** One event opened: what came in, what happened to it, and a Replay button. */
export function EventDetail({ detail, closeHref, t, locale, timeZone }: Props) {
  const { event } = detail;
  return (
    <Card title={fill(t.event, { id: event.id })}>
      <div className="space-y-3 text-sm" data-testid="event-detail">
        <div className="flex flex-wrap items-center gap-3">
          <StatusBadge status={event.status} t={t} />
          <span>{detail.sourceName}</span>
          <span className="font-mono" translate="no">
            {event.eventType ?? "—"}
          </span>
          <span>{formatDateTime(event.receivedAt, timeZone, locale)}</span>
          {event.processedAt ? (
            <span className="text-slate-500">
              {t.processedAt}: {formatDateTime(event.processedAt, timeZone, locale)}
            </span>
          ) : null}
          <a href={closeHref} className="ml-auto text-slate-500 hover:text-slate-800">
            {t.close}
          </a>
        </div>
        {event.lastError || event.lastFailure ? (
          <div>
            <p className="text-slate-500">{t.lastError}</p>
            <p className="whitespace-pre-wrap rounded bg-red-50 p-2 text-xs text-red-800" data-testid="event-error">
              <FailureText failure={event.lastFailure} legacyText={event.lastError} locale={locale} />
            </p>
            {/* An unexpected exception is ours, not the sender's: its own text is for whoever reads the server's code. */}
            {event.lastFailure?.code === "webhook_apply_failed" && event.lastError ? (
              <details className="mt-1 text-xs text-slate-500">
                <summary>{t.technicalDetails}</summary>
                <pre className="whitespace-pre-wrap" translate="no">
                  {event.lastError}
                </pre>
              </details>
            ) : null}
          </div>
        ) : null}
        <div>
          <p className="text-slate-500">{t.headers}</p>
          <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-xs">{JSON.stringify(event.headers, null, 2)}</pre>
        </div>
        <div>
          <p className="text-slate-500">{t.body}</p>
          <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 text-xs" data-testid="event-body">
            {readableBody(event.body)}
          </pre>
        </div>
        <ApiButton url={`/api/webhook-events/${event.id}/replay`} method="POST" label={t.replay} isDisabled={event.status === "pending"} locale={locale} />
      </div>
    </Card>
  );
}

/** Form bodies are easier to read one decoded key per line; JSON pretty-printed. */
function readableBody(body: string): string {
  const trimmed = body.trim();
  if (trimmed.startsWith("{")) {
    try {
      return JSON.stringify(JSON.parse(trimmed), null, 2);
    } catch {
      return body;
    }
  }
  if (/^[^=&\s]+=/.test(trimmed)) return [...new URLSearchParams(trimmed)].map(([key, value]) => `${key} = ${value}`).join("\n");
  return body;
}
