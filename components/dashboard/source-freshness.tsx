// How fresh the numbers are: each connected CRM's last successful sync, under every dashboard's
// title, so nobody reads yesterday's funnel as today's.
import { getDb } from "@/db/client";
import type { Locale } from "@/lib/format";
import { sourcesMessages } from "@/lib/i18n/sources-messages";
import { freshnessText } from "@/lib/sync/freshness-text";
import { sourceFreshness } from "@/lib/sync/run-history";

export async function SourceFreshness({ orgId, locale, now = new Date() }: { orgId: string; locale: Locale; now?: Date }) {
  const sources = await sourceFreshness(await getDb(), orgId);
  if (sources.length === 0) return null;
  const t = sourcesMessages[locale];
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500" data-testid="source-freshness">
      {sources.map((source) => (
        <li key={source.sourceId} data-source-id={source.sourceId}>
          <span className="font-medium text-slate-600">{source.name}</span> ({t.kinds[source.kind]}): {freshnessText(source.lastSyncedAt, now, locale)}
          {/* A first full sync settles the dashboards' figures only at its end (docs/sync.md): say it is under way. */}
          {source.isRunning ? <span className="ml-1 animate-pulse">· {t.running.toLowerCase()}</span> : null}
        </li>
      ))}
    </ul>
  );
}
