import { headers } from "next/headers";
import { PageHeader } from "@/components/admin/page-header";
import { Card } from "@/components/ui/card";
import { PageLinks } from "@/components/ui/page-links";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { eventFiltersSchema, EVENT_STATUSES, getEvent, listEvents, listOrgSources, PAGE_SIZE, type EventFilters } from "@/lib/ingest/admin/events";
import { inboxStats } from "@/lib/ingest/inbox-stats";
import { resolveLocale } from "@/lib/i18n/locale";
import { webhooksMessages } from "@/lib/i18n/webhooks-messages";
import { inboundWebhookUrl, requestOrigin } from "@/lib/sources/inbound-url";
import { EventDetail } from "./event-detail";
import { EventsTable } from "./events-table";
import { SourceCard } from "./source-card";
import { pageTitle } from "@/lib/i18n/page-title";
import { listQuery, stringParams } from "@/lib/url/list-query";

export const generateMetadata = pageTitle("webhooks");
export const dynamic = "force-dynamic";

export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePermission("sources:manage");
  const locale = await resolveLocale(viewer);
  const t = webhooksMessages[locale];
  const filters = eventFiltersSchema.parse(stringParams(await searchParams));
  const db = await getDb();
  const [sourceRows, stats, events, detail, origin] = await Promise.all([
    listOrgSources(db, viewer.orgId),
    inboxStats(db, viewer.orgId),
    listEvents(db, viewer.orgId, filters),
    filters.event ? getEvent(db, viewer.orgId, filters.event) : null,
    headers().then(requestOrigin),
  ]);
  const href = (changes: Partial<EventFilters>) => `/admin/webhooks?${listQuery({ ...filters, event: undefined, ...changes })}`;
  const pages = Math.max(1, Math.ceil(events.total / PAGE_SIZE));
  const tz = viewer.org.timezone;
  return (
    <div className="max-w-6xl space-y-6">
      <PageHeader title={t.title} intro={t.intro} back={{ href: "/admin", label: t.back }} />
      {sourceRows.length === 0 ? <p className="text-sm text-slate-500">{t.noSources}</p> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {sourceRows.map((source) => (
          <SourceCard key={source.id} source={{ id: source.id, name: source.name, kind: source.kind }} url={inboundWebhookUrl(origin, source, "hidden")} stats={stats.find((s) => s.sourceId === source.id)} t={t} locale={locale} />
        ))}
      </div>
      {detail ? <EventDetail detail={detail} closeHref={href({})} t={t} locale={locale} timeZone={tz} /> : null}
      <Card title={t.events}>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-2 text-sm" aria-label={t.filters}>
          <select name="source" aria-label={t.columns.source} defaultValue={filters.source ?? ""} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t.allSources}</option>
            {sourceRows.map((source) => (
              <option key={source.id} value={source.id}>
                {source.name}
              </option>
            ))}
          </select>
          <select name="status" aria-label={t.columns.status} defaultValue={filters.status ?? ""} className="rounded border border-slate-300 px-2 py-1.5">
            <option value="">{t.allStatuses}</option>
            {EVENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t.status[status]}
              </option>
            ))}
          </select>
          <input name="type" aria-label={t.type} defaultValue={filters.type ?? ""} placeholder={t.type} className="rounded border border-slate-300 px-2 py-1.5" />
          <button type="submit" className="rounded-lg bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
            {t.apply}
          </button>
        </form>
        <EventsTable rows={events.rows} openHref={(id) => href({ event: id })} t={t} locale={locale} timeZone={tz} />
        <PageLinks label={t.events} page={filters.page} pages={pages} href={(page) => href({ page })} texts={t} locale={locale} />
      </Card>
    </div>
  );
}

