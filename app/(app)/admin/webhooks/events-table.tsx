import { formatDateTime, type Locale } from "@/lib/format";
import type { EventListRow } from "@/lib/ingest/admin/events";
import type { WebhooksMessages } from "@/lib/i18n/webhooks-messages";
import { StatusBadge } from "./status-badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { FailureText } from "@/components/ui/failure-text";

type Props = { rows: EventListRow[]; openHref: (id: number) => string; t: WebhooksMessages; locale: Locale; timeZone: string };

export function EventsTable({ rows, openHref, t, locale, timeZone }: Props) {
  const c = t.columns;
  const columns: Column<EventListRow>[] = [
    { key: "id", label: c.id, className: "tabular-nums", render: (row) => row.id },
    { key: "received", label: c.received, className: "whitespace-nowrap", render: (row) => formatDateTime(row.receivedAt, timeZone, locale) },
    { key: "source", label: c.source, render: (row) => row.sourceName },
    {
      key: "type",
      label: c.type,
      className: "font-mono text-xs",
      render: (row) => <span translate="no">{row.eventType ?? "—"}</span>,
    },
    { key: "status", label: c.status, render: (row) => <StatusBadge status={row.status} t={t} /> },
    { key: "attempts", label: c.attempts, className: "tabular-nums", render: (row) => row.attempts },
    {
      key: "error",
      label: c.error,
      className: "max-w-xs text-xs text-slate-500",
      testId: "event-failure",
      render: (row) => (
        <span className="line-clamp-2">
          <FailureText failure={row.lastFailure} legacyText={row.lastError} locale={locale} />
        </span>
      ),
    },
    {
      key: "open",
      label: t.open,
      render: (row) => (
        <a href={openHref(row.id)} className="text-brand-600 hover:underline">
          {t.open}
        </a>
      ),
    },
  ];
  return <DataTable columns={columns} rows={rows} rowKey={(row) => String(row.id)} label={t.title} testId="events-table" empty={t.empty} rowProps={(row) => ({ "data-testid": `event-row-${row.id}` })} />;
}
