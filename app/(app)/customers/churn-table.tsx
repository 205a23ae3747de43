"use client";
// The churn candidates table: sorted on the server (churnSort/churnOrder in the address), so a
// header click changes the address and the page renders the list again.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { DataTable, type Column } from "@/components/ui/data-table";
import { nextSort } from "@/components/ui/data-table-rows";
import { formatPhone } from "@/lib/contact-details";
import { formatDate, formatMoney, formatNumber, formatRate, type Locale } from "@/lib/format";
import type { ChurnMessages } from "@/lib/i18n/churn-messages";
import type { CustomersMessages } from "@/lib/i18n/customers-messages";
import type { topCustomers, CustomerSort } from "@/lib/customers/queries";

type Row = Awaited<ReturnType<typeof topCustomers>>[number];
type Props = { rows: Row[]; sort: CustomerSort; order: "asc" | "desc"; t: CustomersMessages; churn: ChurnMessages; locale: Locale; currency: string; timeZone: string; empty: string };

export function ChurnTable({ rows, sort, order, t, churn, locale, currency, timeZone, empty }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const sortBy = (key: string) => {
    const next = nextSort<string>({ sort, order }, key, false);
    const params = new URLSearchParams(search.toString());
    params.set("churnSort", next.sort);
    params.set("churnOrder", next.order);
    params.delete("churnPage");
    router.push(`${pathname}?${params.toString()}`, { scroll: false });
  };
  const open = (id: string) => {
    const params = new URLSearchParams(search.toString());
    params.set("customer", id);
    return `${pathname}?${params.toString()}`;
  };
  const c = t.columns;
  const nowrap = "whitespace-nowrap";
  const columns: Column<Row>[] = [
    {
      key: "name",
      label: c.name,
      render: (row) => (
        <a href={open(row.id)} className="text-brand-600 hover:underline">
          {row.name ?? t.noName}
        </a>
      ),
    },
    { key: "phone", label: c.phone, className: `${nowrap} tabular-nums`, render: (row) => (row.phone ? formatPhone(row.phone) : (row.email ?? "—")) },
    { key: "risk", label: churn.risk, sortKey: "churnRisk", isNumeric: true, testId: "churn-risk", render: (row) => formatRate(row.churnRisk, locale) },
    { key: "gap", label: churn.gap, isNumeric: true, render: (row) => (row.churnGapDays === null ? "—" : formatNumber(Math.round(row.churnGapDays), locale)) },
    { key: "last", label: c.last, sortKey: "lastOrder", className: nowrap, render: (row) => (row.lastOrderAt ? formatDate(row.lastOrderAt, timeZone, locale) : "—") },
    { key: "orders", label: c.orders, isNumeric: true, render: (row) => formatNumber(row.orderCount, locale) },
    { key: "total", label: c.total, sortKey: "totalSpent", isNumeric: true, className: nowrap, render: (row) => formatMoney(row.totalSpent, currency, locale) },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      label={churn.candidates}
      testId="churn-candidates"
      empty={empty}
      sorting={{ sort, order, sortBy, label: churn.sortBy }}
      rowProps={() => ({ "data-testid": "churn-row" })}
    />
  );
}
