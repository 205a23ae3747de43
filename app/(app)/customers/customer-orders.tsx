import { Card } from "@/components/ui/card";
import { formatPhone } from "@/lib/contact-details";
import { formatDate, formatMoney, MONEY_DECIMALS, formatNumber, type Locale } from "@/lib/format";
import type { getCustomer } from "@/lib/customers/queries";
import type { CustomersMessages } from "@/lib/i18n/customers-messages";
import { DataTable } from "@/components/ui/data-table";

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
        <DataTable
          columns={[
            { key: "number", label: t.order.number, render: (order) => order.number ?? "—" },
            { key: "date", label: t.order.date, render: (order) => formatDate(order.createdAt, timeZone, locale) },
            {
              key: "status",
              label: t.order.status,
              // A status the shop invented is its own word: not for the browser to translate.
              render: (order) => <span translate={Object.hasOwn(t.orderStatus, order.status.toLowerCase()) ? undefined : "no"}>{t.orderStatus[order.status.toLowerCase()] ?? order.status}</span>,
            },
            { key: "total", label: t.order.total, isNumeric: true, render: (order) => formatMoney(order.total, order.currency, locale, MONEY_DECIMALS.record) },
            { key: "items", label: t.order.items, isNumeric: true, render: (order) => formatNumber(order.items.length, locale) },
          ]}
          rows={orders}
          rowKey={(order) => order.id}
          label={t.orders}
          rowProps={() => ({ "data-testid": "customer-order" })}
        />
      </div>
    </Card>
  );
}
