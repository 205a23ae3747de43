import { PageHeader } from "@/components/admin/page-header";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { spendQuerySchema } from "@/lib/ad-spend/schemas";
import { listSpend, listTeamRefs } from "@/lib/ad-spend/store";
import { requirePermission } from "@/lib/auth/session";
import Link from "next/link";
import { formatMoney, MONEY_DECIMALS, formatNumber } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import { resolveLocale } from "@/lib/i18n/locale";
import { trafficMessages } from "@/lib/i18n/traffic-messages";
import { CsvImport } from "./csv-import";
import { DeleteSpendButton } from "./delete-spend-button";
import { SpendForm } from "./spend-form";
import { tableScroll } from "@/components/ui/table-scroll";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("adSpend");

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

export default async function AdSpendPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePermission("rules:manage");
  const locale = await resolveLocale(viewer);
  const t = trafficMessages[locale].spend;
  const params = await searchParams;
  // A malformed filter in a shared link shows everything rather than an error page.
  const parsed = spendQuerySchema.safeParse({ teamId: one(params.teamId), from: one(params.from), to: one(params.to), page: one(params.page) });
  const filters = parsed.success ? parsed.data : {};
  const db = await getDb();
  const teams = await listTeamRefs(db, viewer.orgId);
  const known = !filters.teamId || teams.some((team) => team.id === filters.teamId);
  const list = await listSpend(db, viewer, known ? filters : { ...filters, teamId: undefined });
  const { rows, totals } = list;
  const first = (list.page - 1) * list.pageSize + 1;
  const pageHref = (page: number) => {
    const query = new URLSearchParams(Object.entries({ teamId: filters.teamId, from: filters.from, to: filters.to }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    query.set("page", String(page));
    return `/admin/ad-spend?${query.toString()}`;
  };

  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader title={t.title} intro={t.intro} back={{ href: "/admin", label: trafficMessages[locale].backToAdmin }} />
      <Card title={t.formTitle}>
        <SpendForm teams={teams} baseCurrency={viewer.org.baseCurrency} t={t} locale={locale} />
      </Card>
      <Card title={t.importTitle}>
        <CsvImport t={t} locale={locale} />
      </Card>
      <Card title={t.list}>
        <form className="mb-4 flex flex-wrap items-end gap-3 text-sm" method="get">
          <select name="teamId" defaultValue={filters.teamId ?? ""} className="rounded-lg border border-slate-300 px-3 py-2" aria-label={t.team}>
            <option value="">{t.filterTeam}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
          <label>
            {t.from} <input type="date" name="from" defaultValue={filters.from} className="rounded-lg border border-slate-300 px-3 py-2" />
          </label>
          <label>
            {t.to} <input type="date" name="to" defaultValue={filters.to} className="rounded-lg border border-slate-300 px-3 py-2" />
          </label>
          <button className="rounded-lg border border-slate-300 px-4 py-2">{t.apply}</button>
        </form>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-500">{t.empty}</p>
        ) : (
          <div className={tableScroll}>
            <table className="w-full text-sm [&_td]:pr-3 [&_th]:pr-3" aria-label={t.list}>
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <th className="py-2">{t.day}</th>
                  <th>{t.team}</th>
                  <th>utm_source</th>
                  <th>utm_campaign</th>
                  <th className="text-right">{t.amount}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className="border-t border-slate-100">
                    <td className="whitespace-nowrap py-1 tabular-nums">{row.day}</td>
                    <td>{row.teamName}</td>
                    <td className="font-mono text-xs">{row.utmSource || "—"}</td>
                    <td className="font-mono text-xs">{row.utmCampaign || "—"}</td>
                    <td className="text-right tabular-nums">{formatMoney(row.amount, row.currency, locale, MONEY_DECIMALS.record)}</td>
                    <td className="text-right">
                      <DeleteSpendButton id={row.id} label={t.delete} failedText={t.deleteFailed} locale={locale} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                {totals.map((total) => (
                  <tr key={total.currency} className="border-t border-slate-200 font-medium" data-testid={`spend-total-${total.currency}`}>
                    <td className="py-1" colSpan={4}>
                      {t.total}, {total.currency}
                    </td>
                    <td className="text-right tabular-nums">{formatMoney(total.amount, total.currency, locale, MONEY_DECIMALS.record)}</td>
                    <td />
                  </tr>
                ))}
              </tfoot>
            </table>
          </div>
        )}
        {list.count > 0 ? (
          <nav className="mt-3 flex flex-wrap items-center justify-end gap-3 text-sm" aria-label={t.list} data-testid="spend-pages">
            <span className="text-slate-500 tabular-nums" data-testid="spend-shown">
              {fill(t.shown, { from: formatNumber(Math.min(first, list.count), locale), to: formatNumber(Math.min(first + rows.length - 1, list.count), locale), count: formatNumber(list.count, locale) })}
            </span>
            {list.page > 1 ? (
              <Link className="rounded-lg border border-slate-300 px-3 py-1" href={pageHref(list.page - 1)}>
                {t.previous}
              </Link>
            ) : null}
            {first + rows.length - 1 < list.count ? (
              <Link className="rounded-lg border border-slate-300 px-3 py-1" href={pageHref(list.page + 1)}>
                {t.next}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
