import { Card } from "@/components/ui/card";
import { formatPhone } from "@/lib/contact-details";
import { formatDate, formatMoney, MONEY_DECIMALS, formatNumber, type Locale } from "@/lib/format";
import type { getCustomer } from "@/lib/customers/queries";
import type { CustomersMessages } from "@/lib/i18n/customers-messages";
import { tableScroll } from "@/components/ui/table-scroll";

type Props = { detail: Awaited<ReturnType<typeof getCustomer>>; closeHref: string; t: CustomersMessages; locale: Locale; timeZone: string };

/** One customer's orders, newest first, each in its own currency. */
export function CustomerOrders({ detail, closeHref, t, locale, timeZone }: Props) {
  const { customer, orders } = detail;
  return (
    <Card title={`${t.orders}: ${customer.name ?? (customer.phone && formatPhone(customer.phone)) ?? customer.email ?? t.noName}`}>
      <div className="text-sm" data-testid="customer-orders">
        <p className="mb-2 text-slate-500">
          {[customer.phone && formatPhone(customer.phone), customer.email, t.category[customer.category]].filter(Boolean).join(" · ")}{" "}
          <a href={closeHref} className="float-right hover:text-slate-800">
            {t.close}
          </a>
        </p>
        <div className={tableScroll}>
          <table className="w-full text-left">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                {[t.order.number, t.order.date, t.order.status, t.order.total, t.order.items].map((label) => (
                  <th key={label} className="px-2 py-2 font-medium">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {orders.map((order) => (
                <tr key={order.id} data-testid="customer-order">
                  <td className="px-2 py-2">{order.number ?? "—"}</td>
                  <td className="px-2 py-2">{formatDate(order.createdAt, timeZone, locale)}</td>
                  <td className="px-2 py-2" translate={Object.hasOwn(t.orderStatus, order.status.toLowerCase()) ? undefined : "no"}>
                    {t.orderStatus[order.status.toLowerCase()] ?? order.status}
                  </td>
                  <td className="px-2 py-2 tabular-nums">{formatMoney(order.total, order.currency, locale, MONEY_DECIMALS.record)}</td>
                  <td className="px-2 py-2 tabular-nums">{formatNumber(order.items.length, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Card>
  );
}
