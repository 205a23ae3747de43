import { formatPhone } from "@/lib/contact-details";
import { formatDate, formatMoney, formatNumber, type Locale } from "@/lib/format";
import type { CustomersMessages } from "@/lib/i18n/customers-messages";
import type { topCustomers } from "@/lib/customers/queries";
import { DataTable, type Column } from "@/components/ui/data-table";

type Row = Awaited<ReturnType<typeof topCustomers>>[number];
type Props = { rows: Row[]; openHref: (id: string) => string; t: CustomersMessages; locale: Locale; currency: string; timeZone: string; label: string; testId: string };

export function CustomersTable({ rows, openHref, t, locale, currency, timeZone, label, testId }: Props) {
  const c = t.columns;
  const money = (value: string) => formatMoney(value, currency, locale);
  const nowrap = "whitespace-nowrap";
  const columns: Column<Row>[] = [
    {
      key: "name",
      label: c.name,
      render: (row) => (
        <a href={openHref(row.id)} className="text-brand-600 hover:underline">
          {row.name ?? t.noName}
        </a>
      ),
    },
    { key: "phone", label: c.phone, className: `${nowrap} tabular-nums`, render: (row) => (row.phone ? formatPhone(row.phone) : "—") },
    { key: "email", label: c.email, render: (row) => row.email ?? "—" },
    { key: "orders", label: c.orders, isNumeric: true, render: (row) => formatNumber(row.orderCount, locale) },
    { key: "completed", label: c.completed, isNumeric: true, render: (row) => formatNumber(row.completedOrderCount, locale) },
    { key: "total", label: c.total, isNumeric: true, className: nowrap, render: (row) => money(row.totalSpent) },
    { key: "average", label: c.average, isNumeric: true, className: nowrap, render: (row) => money(row.averageCheck) },
    { key: "last", label: c.last, className: nowrap, render: (row) => (row.lastOrderAt ? formatDate(row.lastOrderAt, timeZone, locale) : "—") },
    { key: "category", label: c.category, render: (row) => <span data-category={row.category}>{t.category[row.category]}</span> },
  ];
  return <DataTable columns={columns} rows={rows} rowKey={(row) => row.id} label={label} testId={testId} empty={t.empty} rowProps={() => ({ "data-testid": "customer-row" })} />;
}
