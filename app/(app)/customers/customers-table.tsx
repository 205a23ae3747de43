import { formatPhone } from "@/lib/contact-details";
import { formatDate, formatMoney, formatNumber, type Locale } from "@/lib/format";
import type { CustomersMessages } from "@/lib/i18n/customers-messages";
import type { topCustomers } from "@/lib/customers/queries";
import { tableScroll } from "@/components/ui/table-scroll";

type Row = Awaited<ReturnType<typeof topCustomers>>[number];
type Props = { rows: Row[]; openHref: (id: string) => string; t: CustomersMessages; locale: Locale; currency: string; timeZone: string; testId: string };

export function CustomersTable({ rows, openHref, t, locale, currency, timeZone, testId }: Props) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t.empty}</p>;
  const c = t.columns;
  const money = (value: string) => formatMoney(value, currency, locale);
  return (
    <div className={tableScroll}>
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            {[c.name, c.phone, c.email, c.orders, c.completed, c.total, c.average, c.last, c.category].map((label) => (
              <th key={label} className="px-2 py-2 font-medium">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} data-testid="customer-row">
              <td className="px-2 py-2">
                <a href={openHref(row.id)} className="text-brand-600 hover:underline">
                  {row.name ?? t.noName}
                </a>
              </td>
              <td className="whitespace-nowrap px-2 py-2 tabular-nums">{row.phone ? formatPhone(row.phone) : "—"}</td>
              <td className="px-2 py-2">{row.email ?? "—"}</td>
              <td className="px-2 py-2 tabular-nums">{formatNumber(row.orderCount, locale)}</td>
              <td className="px-2 py-2 tabular-nums">{formatNumber(row.completedOrderCount, locale)}</td>
              <td className="whitespace-nowrap px-2 py-2 tabular-nums">{money(row.totalSpent)}</td>
              <td className="whitespace-nowrap px-2 py-2 tabular-nums">{money(row.averageCheck)}</td>
              <td className="whitespace-nowrap px-2 py-2">{row.lastOrderAt ? formatDate(row.lastOrderAt, timeZone, locale) : "—"}</td>
              <td className="px-2 py-2" data-category={row.category}>
                {t.category[row.category]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
