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
import { DeleteRateButton } from "./delete-rate-button";
import { RateForm } from "./rate-form";
import { tableScroll } from "@/components/ui/table-scroll";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("rates");

const PAGE_SIZE = 50;

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
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number.parseInt(one(params.page), 10) || 1));
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const formatRate = new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 8 });
  const href = (query: Record<string, string | number | null>) => {
    const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== null).map(([k, v]) => [k, String(v)]));
    return search.size ? `/admin/rates?${search}` : "/admin/rates";
  };
  const tab = (active: boolean) => `rounded-full px-3 py-1 text-sm ${active ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`;
  const initial = { currency: one(params.editCurrency), day: one(params.editDay), rate: one(params.editRate) };

  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t.title} intro={fill(t.intro, { base })} back={{ href: "/admin", label: t.backToAdmin }} />
      <Card title={t.form.title}>
        <RateForm t={t.form} base={base} initial={initial} currencies={currencies} />
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
        {shown.length === 0 ? (
          <p className="text-sm text-slate-500">{selected ? fill(t.list.emptyCurrency, { currency: selected }) : t.list.empty}</p>
        ) : (
          <div className={tableScroll}>
            <table className="w-full text-sm [&_td]:pr-3 [&_th]:pr-3" data-testid="rates-table">
              <caption className="sr-only">{t.list.table}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-500">
                  <th className="py-2 font-medium">{t.list.currency}</th>
                  <th className="py-2 font-medium">{t.list.day}</th>
                  <th className="py-2 text-right font-medium">{t.list.rate}</th>
                  <th className="py-2 text-right font-medium">{t.list.actions}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((rate) => (
                  <tr key={rate.id} className="border-b border-slate-100">
                    <td className="py-2">{rate.currency}</td>
                    <td className="py-2 tabular-nums">{rate.day}</td>
                    <td className="py-2 text-right tabular-nums">{formatRate.format(Number(rate.rate))}</td>
                    <td className="py-2 text-right">
                      <Link
                        href={href({ currency: selected, page: page > 1 ? page : null, editCurrency: rate.currency, editDay: rate.day, editRate: rate.rate.replace(/\.?0+$/, "") })}
                        className="px-2 py-1 text-brand-700 hover:underline"
                      >
                        {t.list.edit}
                      </Link>
                      <DeleteRateButton t={t.list} rate={rate} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 ? (
          <div className="mt-4 flex items-center justify-between text-sm text-slate-600">
            {page > 1 ? <Link href={href({ currency: selected, page: page - 1 })}>{t.list.newer}</Link> : <span />}
            <span>{fill(t.list.shown, { from: (page - 1) * PAGE_SIZE + 1, to: (page - 1) * PAGE_SIZE + shown.length, total: rows.length })}</span>
            {page < pages ? <Link href={href({ currency: selected, page: page + 1 })}>{t.list.older}</Link> : <span />}
          </div>
        ) : null}
      </Card>
    </div>
  );
}
