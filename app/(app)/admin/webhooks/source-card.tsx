import { Card } from "@/components/ui/card";
import { formatRate, type Locale } from "@/lib/format";
import type { SourceStats } from "@/lib/ingest/inbox-stats";
import { sourcesMessages } from "@/lib/i18n/sources-messages";
import type { WebhooksMessages } from "@/lib/i18n/webhooks-messages";
import { ApiButton } from "@/components/ui/api-button";
import { StatusBadge } from "./status-badge";
import type { SourceKind } from "@/db/schema";
import { describeKind } from "@/lib/connectors/descriptors";

type Props = { source: { id: string; name: string; kind: SourceKind }; url: string; stats: SourceStats | undefined; t: WebhooksMessages; locale: Locale };

/** One source: where it posts, how to set it up, and how its last 24 hours went. */
export function SourceCard({ source, url, stats, t, locale }: Props) {
  const counts = stats?.counts;
  return (
    <Card title={`${source.name} · ${sourcesMessages[locale].kinds[source.kind]}`}>
      <div className="space-y-3 text-sm" data-testid={`webhook-source-${source.id}`}>
        <div>
          <p className="text-slate-500">{t.inboundUrl}</p>
          <code className="block break-all rounded bg-slate-100 px-2 py-1 text-xs" data-testid="inbound-url">
            {url}
          </code>
          {describeKind(source.kind).secretInUrl ? (
            <a href="/admin/sources" className="mt-1 block text-xs text-slate-500 underline">
              {t.secretHidden}
            </a>
          ) : null}
        </div>
        <p className="text-slate-600">{t.how[source.kind]}</p>
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-slate-500">{t.last24h}:</span>
          {counts
            ? (Object.keys(counts) as (keyof typeof counts)[])
                .filter((status) => counts[status] > 0)
                .map((status) => (
                  <span key={status} className="inline-flex items-center gap-1" data-testid={`count-${status}`}>
                    <StatusBadge status={status} t={t} /> <span className="tabular-nums">{counts[status]}</span>
                  </span>
                ))
            : "—"}
          <span className="ml-auto text-slate-500">
            {t.successRate}: <strong data-testid="success-rate">{formatRate(stats?.successRate ?? null, locale)}</strong>
          </span>
        </div>
        <ApiButton url={`/api/sources/${source.id}/replay-dead`} method="POST" label={t.replayDead} isDisabled={!counts?.dead} variant="secondary" locale={locale} />
      </div>
    </Card>
  );
}
