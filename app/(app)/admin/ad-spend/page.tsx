import { PageHeader } from "@/components/admin/page-header";
import { Card } from "@/components/ui/card";
import { DateField } from "@/components/dashboard/date-field";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";
import { getDb } from "@/db/client";
import { spendQuerySchema } from "@/lib/ad-spend/schemas";
import { listSpend, listTeamRefs } from "@/lib/ad-spend/store";
import { requirePermission } from "@/lib/auth/session";
import { formatMoney, MONEY_DECIMALS, formatNumber } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import { resolveLocale } from "@/lib/i18n/locale";
import { trafficMessages } from "@/lib/i18n/traffic-messages";
import { CsvImport } from "./csv-import";
import { DeleteSpendButton } from "./delete-spend-button";
import { SpendForm } from "./spend-form";
import { DataPager, DataTable, FooterRow, type Column } from "@/components/ui/data-table";
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

  const last = first + rows.length - 1;
  const money = (amount: string, currency: string) => formatMoney(amount, currency, locale, MONEY_DECIMALS.record);
  const columns: Column<(typeof rows)[number]>[] = [
    { key: "day", label: t.day, className: "whitespace-nowrap tabular-nums", render: (row) => row.day },
    { key: "team", label: t.team, render: (row) => row.teamName },
    { key: "utmSource", label: "utm_source", className: "font-mono text-xs", render: (row) => row.utmSource || "—" },
    { key: "utmCampaign", label: "utm_campaign", className: "font-mono text-xs", render: (row) => row.utmCampaign || "—" },
    { key: "amount", label: t.amount, isNumeric: true, render: (row) => money(row.amount, row.currency) },
    { key: "delete", label: t.delete, isNumeric: true, render: (row) => <DeleteSpendButton id={row.id} label={t.delete} failedText={t.deleteFailed} locale={locale} /> },
  ];

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
          {(["from", "to"] as const).map((name) => (
            <div key={name} className="flex w-40 flex-col gap-1">
              <label htmlFor={`spend-${name}`} className="text-xs text-slate-500">
                {t[name]}
              </label>
              <DateField id={`spend-${name}`} name={name} defaultValue={filters[name]} locale={locale} labels={dashboardMessages[locale].filters.calendar} alignEnd={name === "to"} />
            </div>
          ))}
          <button className="rounded-lg border border-slate-300 px-4 py-2">{t.apply}</button>
        </form>
        <DataTable
          columns={columns}
          rows={rows}
          rowKey={(row) => row.id}
          label={t.list}
          empty={t.empty}
          footer={totals.map((total) => (
            <FooterRow key={total.currency} columns={columns} name={`${t.total}, ${total.currency}`} cells={{ amount: money(total.amount, total.currency) }} testId={`spend-total-${total.currency}`} />
          ))}
          pager={
            list.count > 0 ? (
              <div data-testid="spend-pages">
                <DataPager
                  label={t.list}
                  previous={{ text: t.previous, href: pageHref(list.page - 1), isDisabled: list.page === 1 }}
                  next={{ text: t.next, href: pageHref(list.page + 1), isDisabled: last >= list.count }}
                  status={fill(t.shown, { from: formatNumber(Math.min(first, list.count), locale), to: formatNumber(Math.min(last, list.count), locale), count: formatNumber(list.count, locale) })}
                  testId="spend-shown"
                />
              </div>
            ) : null
          }
        />
      </Card>
    </div>
  );
}
