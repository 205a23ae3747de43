import { formatDateTime, type Locale } from "@/lib/format";
import type { EventListRow } from "@/lib/ingest/admin/events";
import type { WebhooksMessages } from "@/lib/i18n/webhooks-messages";
import { StatusBadge } from "./status-badge";
import { tableScroll } from "@/components/ui/table-scroll";
import { FailureText } from "@/components/ui/failure-text";

type Props = { rows: EventListRow[]; openHref: (id: number) => string; t: WebhooksMessages; locale: Locale; timeZone: string };

export function EventsTable({ rows, openHref, t, locale, timeZone }: Props) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t.empty}</p>;
  const c = t.columns;
  return (
    <div className={tableScroll}>
      <table className="w-full text-left text-sm" data-testid="events-table">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            {[c.id, c.received, c.source, c.type, c.status, c.attempts, c.error, ""].map((label, index) => (
              <th key={index} className="px-2 py-2 font-medium">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} data-testid={`event-row-${row.id}`}>
              <td className="px-2 py-2 tabular-nums">{row.id}</td>
              <td className="whitespace-nowrap px-2 py-2">{formatDateTime(row.receivedAt, timeZone, locale)}</td>
              <td className="px-2 py-2">{row.sourceName}</td>
              <td className="px-2 py-2 font-mono text-xs" translate="no">
                {row.eventType ?? "—"}
              </td>
              <td className="px-2 py-2">
                <StatusBadge status={row.status} t={t} />
              </td>
              <td className="px-2 py-2 tabular-nums">{row.attempts}</td>
              <td className="max-w-xs px-2 py-2 text-xs text-slate-500" data-testid="event-failure">
                <span className="line-clamp-2">
                  <FailureText failure={row.lastFailure} legacyText={row.lastError} locale={locale} />
                </span>
              </td>
              <td className="px-2 py-2">
                <a href={openHref(row.id)} className="text-brand-600 hover:underline">
                  {t.open}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
