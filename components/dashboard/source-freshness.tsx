// How fresh the numbers are: each connected CRM's last successful sync, under every dashboard's
// title, so nobody reads yesterday's funnel as today's. A source that does not work is an admin's
// business: admins see a banner that says so and leads to the fix; others never see it listed.
import Link from "next/link";
import { getDb } from "@/db/client";
import { Alert } from "@/components/ui/alert";
import type { Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import { describeHealth, sourceHealthMessages } from "@/lib/i18n/source-health-messages";
import { sourcesMessages } from "@/lib/i18n/sources-messages";
import { loadSourceHealth } from "@/lib/sources/source-health";
import { freshnessText } from "@/lib/sync/freshness-text";
import { sourceFreshness } from "@/lib/sync/run-history";

export async function SourceFreshness({ orgId, locale, isAdmin, now = new Date() }: { orgId: string; locale: Locale; isAdmin: boolean; now?: Date }) {
  const db = await getDb();
  const all = await sourceFreshness(db, orgId);
  if (all.length === 0) return null;
  const health = await loadSourceHealth(db, orgId, now, all.map((source) => source.sourceId));
  const isBroken = (sourceId: string) => health.get(sourceId)?.level === "broken";
  const broken = all.filter((source) => isBroken(source.sourceId));
  const listed = all.filter((source) => !isBroken(source.sourceId));
  const t = sourcesMessages[locale];
  const h = sourceHealthMessages[locale];
  return (
    <div className="space-y-2">
      {listed.length > 0 ? (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500" data-testid="source-freshness">
          {listed.map((source) => (
            <li key={source.sourceId} data-source-id={source.sourceId}>
              <span className="font-medium text-slate-600">{source.name}</span> ({t.kinds[source.kind]}): {freshnessText(source.lastSyncedAt, now, locale)}
              {/* A first full sync settles the dashboards' figures only at its end (docs/sync.md): say it is under way. */}
              {source.isRunning ? <span className="ml-1 animate-pulse">· {t.running.toLowerCase()}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {isAdmin
        ? broken.map((source) => {
            const words = describeHealth(health.get(source.sourceId)!, locale, now);
            return (
              <div key={source.sourceId} data-testid="broken-source-banner" data-source-id={source.sourceId}>
                <Alert tone="error">
                  <p className="font-medium">{fill(h.banner, { name: source.name })}</p>
                  <p className="mt-1">{words.problem}</p>
                  <Link href="/admin/sources" className="mt-1 inline-block font-medium underline">
                    {h.bannerLink}
                  </Link>
                </Alert>
              </div>
            );
          })
        : null}
    </div>
  );
}
