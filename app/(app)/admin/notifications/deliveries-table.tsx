// The latest sale messages: where each went, how many attempts, Telegram's error, the next attempt;
// a dead one can be sent again.
import { formatDateTime, type Locale } from "@/lib/format";
import { FailureText } from "@/components/ui/failure-text";
import type { NotificationsMessages } from "@/lib/i18n/notifications-messages";
import type { DeliveryRow, DeliveryStatus } from "@/lib/notifications/deliveries";
import { formatSaleAmount } from "@/lib/notifications/template";
import { ApiButton } from "@/components/ui/api-button";
import { DataTable, type Column } from "@/components/ui/data-table";

const tone: Record<DeliveryStatus, string> = {
  pending: "bg-slate-100 text-slate-700",
  failed: "bg-orange-100 text-orange-800",
  dead: "bg-red-100 text-red-800",
  sent: "bg-emerald-100 text-emerald-800",
};

type Props = { rows: DeliveryRow[]; t: NotificationsMessages; locale: Locale; timeZone: string };

export function DeliveriesTable({ rows, t, locale, timeZone }: Props) {
  const c = t.columns;
  const when = (date: Date) => formatDateTime(date, timeZone, locale);
  const columns: Column<DeliveryRow>[] = [
    { key: "created", label: c.created, className: "whitespace-nowrap", render: (row) => when(row.createdAt) },
    {
      key: "deal",
      label: c.deal,
      render: (row) => (
        <>
          {row.dealTitle}
          <span className="block text-xs text-slate-500">{formatSaleAmount(row.amount, row.currency, locale)}</span>
        </>
      ),
    },
    { key: "team", label: c.team, render: (row) => row.teamName ?? "—" },
    { key: "chat", label: c.chat, className: "font-mono text-xs", render: (row) => row.chatId ?? "—" },
    { key: "status", label: c.status, render: (row) => <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${tone[row.status]}`}>{t.status[row.status]}</span> },
    { key: "attempts", label: c.attempts, className: "tabular-nums", render: (row) => row.attempts },
    { key: "error", label: c.error, className: "max-w-xs text-xs text-red-700", render: (row) => (row.status === "sent" ? "" : <FailureText failure={row.lastFailure} legacyText={row.lastError} locale={locale} />) },
    { key: "next", label: c.next, className: "whitespace-nowrap text-xs", render: (row) => (row.status === "pending" || row.status === "failed" ? when(row.nextAttemptAt) : "") },
    {
      key: "retry",
      label: t.retry,
      render: (row) =>
        row.status === "dead" ? (
          <ApiButton url={`/api/notifications/deliveries/${row.id}/retry`} method="POST" label={t.retry} variant="ghost" locale={locale} />
        ) : null,
    },
  ];
  return <DataTable columns={columns} rows={rows} rowKey={(row) => row.id} label={t.deliveries} testId="deliveries-table" empty={t.empty} rowProps={(row) => ({ "data-testid": "delivery-row", "data-status": row.status })} />;
}
