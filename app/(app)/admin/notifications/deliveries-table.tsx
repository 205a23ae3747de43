// The latest sale messages: where each went, how many attempts, Telegram's error, the next attempt;
// a dead one can be sent again.
import { formatDateTime, type Locale } from "@/lib/format";
import { FailureText } from "@/components/ui/failure-text";
import type { NotificationsMessages } from "@/lib/i18n/notifications-messages";
import type { DeliveryRow, DeliveryStatus } from "@/lib/notifications/deliveries";
import { formatSaleAmount } from "@/lib/notifications/template";
import { retryDeliveryAction } from "./actions";
import { tableScroll } from "@/components/ui/table-scroll";

const tone: Record<DeliveryStatus, string> = {
  pending: "bg-slate-100 text-slate-700",
  failed: "bg-orange-100 text-orange-800",
  dead: "bg-red-100 text-red-800",
  sent: "bg-emerald-100 text-emerald-800",
};

type Props = { rows: DeliveryRow[]; t: NotificationsMessages; locale: Locale; timeZone: string };

export function DeliveriesTable({ rows, t, locale, timeZone }: Props) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t.empty}</p>;
  const c = t.columns;
  const when = (date: Date) => formatDateTime(date, timeZone, locale);
  return (
    <div className={tableScroll}>
      <table className="w-full text-left text-sm" data-testid="deliveries-table">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            {[c.created, c.deal, c.team, c.chat, c.status, c.attempts, c.error, c.next, ""].map((label, index) => (
              <th key={index} className="px-2 py-2 font-medium">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} data-testid="delivery-row" data-status={row.status}>
              <td className="whitespace-nowrap px-2 py-2">{when(row.createdAt)}</td>
              <td className="px-2 py-2">
                {row.dealTitle}
                <span className="block text-xs text-slate-500">{formatSaleAmount(row.amount, row.currency, locale)}</span>
              </td>
              <td className="px-2 py-2">{row.teamName ?? "—"}</td>
              <td className="px-2 py-2 font-mono text-xs">{row.chatId ?? "—"}</td>
              <td className="px-2 py-2">
                <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${tone[row.status]}`}>{t.status[row.status]}</span>
              </td>
              <td className="px-2 py-2 tabular-nums">{row.attempts}</td>
              <td className="max-w-xs px-2 py-2 text-xs text-red-700">{row.status === "sent" ? "" : <FailureText failure={row.lastFailure} legacyText={row.lastError} locale={locale} />}</td>
              <td className="whitespace-nowrap px-2 py-2 text-xs">{row.status === "pending" || row.status === "failed" ? when(row.nextAttemptAt) : ""}</td>
              <td className="px-2 py-2">
                {row.status === "dead" ? (
                  <form action={retryDeliveryAction}>
                    <input type="hidden" name="id" value={row.id} />
                    <button type="submit" className="text-brand-600 hover:underline">
                      {t.retry}
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
