import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { fill } from "@/lib/i18n/fill";
import { resolveLocale } from "@/lib/i18n/locale";
import { localeTag } from "@/lib/format";
import { ratesMessages } from "@/lib/i18n/rates-messages";
import { listRates } from "@/lib/rates/rates";
import { RateForm } from "./rate-form";
import { ApiButton } from "@/components/ui/api-button";
import { DataPager, DataTable, type Column } from "@/components/ui/data-table";
import { pageOf } from "@/components/ui/data-table-rows";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("rates");

const PAGE_SIZE = 50;

type Rate = Awaited<ReturnType<typeof listRates>>[number];

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function RatesPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePermission("org:update");
  const locale = await resolveLocale(viewer);
  const t = ratesMessages[locale];
  const base = viewer.org.baseCurrency;
  const params = await searchParams;
  const all = await listRates(await getDb(), viewer);
  const currencies = [...new Set(all.map((rate) => rate.currency))];
  const selected = currencies.includes(one(params.currency).toUpperCase()) ? one(params.currency).toUpperCase() : null;
  const rows = selected ? all.filter((rate) => rate.currency === selected) : all;
  const shown = pageOf(rows, Number.parseInt(one(params.page), 10), PAGE_SIZE);
  const formatRate = new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 8 });
  const href = (query: Record<string, string | number | null>) => {
    const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== null).map(([k, v]) => [k, String(v)]));
    return search.size ? `/admin/rates?${search}` : "/admin/rates";
  };
  const tab = (active: boolean) => `rounded-full px-3 py-1 text-sm ${active ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`;
  const initial = { currency: one(params.editCurrency), day: one(params.editDay), rate: one(params.editRate) };
  const columns: Column<Rate>[] = [
    { key: "currency", label: t.list.currency, render: (rate) => rate.currency },
    { key: "day", label: t.list.day, className: "tabular-nums", render: (rate) => rate.day },
    { key: "rate", label: t.list.rate, isNumeric: true, render: (rate) => formatRate.format(Number(rate.rate)) },
    {
      key: "actions",
      label: t.list.actions,
      isNumeric: true,
      render: (rate) => (
        <>
          <Link
            href={href({ currency: selected, page: shown.page > 1 ? shown.page : null, editCurrency: rate.currency, editDay: rate.day, editRate: rate.rate.replace(/\.?0+$/, "") })}
            className="px-2 py-1 text-brand-700 hover:underline"
          >
            {t.list.edit}
          </Link>
          <ApiButton
            url={`/api/exchange-rates/${rate.id}`}
            method="DELETE"
            label={t.list.delete}
            pendingLabel={t.list.deleting}
            confirm={fill(t.list.confirmDelete, { currency: rate.currency, day: rate.day })}
            variant="ghost"
            className="px-2 py-1 text-red-700"
            ariaLabel={`${t.list.delete} ${rate.currency} ${rate.day}`}
            locale={locale}
          />
        </>
      ),
    },
  ];

  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t.title} intro={fill(t.intro, { base })} back={{ href: "/admin", label: t.backToAdmin }} />
      <Card title={t.form.title}>
        <RateForm t={t} base={base} initial={initial} currencies={currencies} locale={locale} />
      </Card>
      <Card>
        <nav className="mb-4 flex flex-wrap gap-2" aria-label={t.list.currency}>
          <Link href={href({})} className={tab(selected === null)} aria-current={selected === null ? "page" : undefined}>
            {t.list.all}
          </Link>
          {currencies.map((code) => (
            <Link key={code} href={href({ currency: code })} className={tab(selected === code)} aria-current={selected === code ? "page" : undefined}>
              {code}
            </Link>
          ))}
        </nav>
        <DataTable
          columns={columns}
          rows={shown.rows}
          rowKey={(rate) => rate.id}
          label={t.list.table}
          testId="rates-table"
          empty={selected ? fill(t.list.emptyCurrency, { currency: selected }) : t.list.empty}
          pager={
            shown.pages > 1 ? (
              <DataPager
                label={t.list.table}
                previous={{ text: t.list.newer, href: href({ currency: selected, page: shown.page - 1 }), isDisabled: shown.page === 1 }}
                next={{ text: t.list.older, href: href({ currency: selected, page: shown.page + 1 }), isDisabled: shown.page === shown.pages }}
                status={fill(t.list.shown, { from: shown.from, to: shown.to, total: shown.total })}
              />
            ) : null
          }
        />
      </Card>
    </div>
  );
}
