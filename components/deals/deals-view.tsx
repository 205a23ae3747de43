"use client";
// The deals behind a dashboard figure: what was clicked, how many deals and their sum, and the
// table sorted on the server (headers put `sort`/`order` in the URL) with keyset pages.
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { filterKeys } from "@/lib/reports/report-query";
import type { DealListPage, DealListRow, DealSort } from "@/lib/deals/deal-list";
import { formatDate, formatMoney, formatNumber, MONEY_DECIMALS, formatPlural, type Locale } from "@/lib/format";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import { bucketCaption } from "./bucket-caption";
import { bucketKeys, dashboardBackLink, NO_TOUCH_DAYS, patternKeys, sortKeys } from "./deal-links";
import { useDeals } from "./use-deals";
import { ListCard } from "@/components/lists/list-card";
import { ListSummary } from "@/components/lists/list-summary";
import { ListPager, listQuery, SortHeader, useListSort } from "@/components/lists/list-table";

type Props = { locale: Locale; t: DashboardMessages["deals"]; loadingText: string; failedText: string };

const listKeys = [...filterKeys, ...bucketKeys, ...patternKeys, ...sortKeys] as readonly string[];

export function DealsView({ locale, t, loadingText, failedText }: Props) {
  const searchParams = useSearchParams();
  const params = listQuery(searchParams, listKeys);
  const query = new URLSearchParams(params).toString();
  const deals = useDeals(query, locale);
  const { data } = deals;
  const sorting = useListSort<DealSort>(params, "created", ["title", "manager"]);
  const pathname = usePathname();
  const isNoTouch = Boolean(params.noTouchDays);
  const toggleNoTouch = () => {
    const next = new URLSearchParams(searchParams.toString());
    if (isNoTouch) next.delete("noTouchDays");
    else next.set("noTouchDays", String(NO_TOUCH_DAYS));
    window.history.replaceState(null, "", `${pathname}?${next.toString()}`);
  };

  const money = (amount: string | null, currency: string) => (amount === null ? t.noRate : formatMoney(amount, currency, locale, MONEY_DECIMALS.record));
  const date = (iso: string | null) => (iso && data ? formatDate(new Date(iso), data.timezone, locale) : "—");
  const header = (key: DealSort | null, label: string, isNumeric = false) => <SortHeader label={label} sortKey={key ?? undefined} isNumeric={isNumeric} sorting={sorting} />;

  const back = dashboardBackLink(searchParams);
  return (
    <div className="space-y-4">
      {back ? (
        <Link href={back.href} className="inline-block text-sm text-brand-700 hover:underline" data-testid="deals-back">
          {t.backTo[back.dashboard]}
        </Link>
      ) : null}
      <BucketSummary params={params} rows={data?.deals ?? []} reachedStage={data?.reachedStage ?? null} teamName={data?.teamName ?? null} period={data?.period ?? null} timezone={data?.timezone ?? "UTC"} locale={locale} t={t} />
      <button
        type="button"
        aria-pressed={isNoTouch}
        onClick={toggleNoTouch}
        className={`rounded-full border px-3 py-1 text-sm ${isNoTouch ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 text-slate-700 hover:border-slate-400"}`}
        data-testid="deals-no-touch"
      >
        {t.noTouchFilter.replace("{n}", String(NO_TOUCH_DAYS))}
      </button>
      <ListCard
        kind="deals"
        params={params}
        total={data ? `${formatPlural(data.total, t.count, locale)} ${t.onAmount} ${formatMoney(data.totalBaseAmount, data.currency, locale)}` : t.list}
        list={deals}
        hasData={data !== null}
        isEmpty={data !== null && data.total === 0}
        texts={{ loading: loadingText, failed: failedText, empty: t.empty }}
        tableClassName="tabular-nums"
        header={
          <>
            {header("title", t.dealTitle)}
            {header("manager", t.manager)}
            {header(null, t.pipeline)}
            {header("amount", t.amount, true)}
            {header(null, t.baseAmount, true)}
            {header("created", t.created)}
            {header("closed", t.closed)}
            {header("touches", t.touches, true)}
            {header(null, t.daysSinceTouch, true)}
          </>
        }
        pager={<ListPager list={deals} t={t} testId="deals-page" />}
      >
        {data
          ? data.deals.map((deal) => (
            <tr key={deal.id} data-testid="deal-row" data-deal-id={deal.id} data-manager-id={deal.managerId ?? ""} data-semantic={deal.semantic} data-base-amount={deal.baseAmount ?? ""}>
              <td className="min-w-36 py-2 pr-4">
                <Link href={`/deals/${deal.id}`} prefetch={false} className="font-medium text-brand-700 hover:underline" data-testid="deal-title">
                  {deal.title}
                </Link>
                {deal.crmUrl ? (
                  <a href={deal.crmUrl} target="_blank" rel="noopener noreferrer" className="block text-xs text-slate-500 hover:underline" data-testid="deal-row-crm-link">
                    {t.openInCrm} ↗
                  </a>
                ) : null}
              </td>
              <td className={`py-2 pr-4 ${deal.managerName ? "" : "italic text-slate-500"}`} data-testid="deal-manager">{deal.managerName ?? t.noManager}</td>
              <td className="py-2 pr-4">
                {deal.pipelineName}
                <span className="block text-xs text-slate-500" data-testid="deal-stage">{deal.stageName}</span>
              </td>
              <td className="whitespace-nowrap py-2 pr-4 text-right" data-testid="deal-amount">{money(deal.amount, deal.currency)}</td>
              <td className="whitespace-nowrap py-2 pr-4 text-right" data-testid="deal-base-amount">{money(deal.baseAmount, data.currency)}</td>
              <td className="whitespace-nowrap py-2 pr-4" data-testid="deal-created">{date(deal.createdAt)}</td>
              <td className="whitespace-nowrap py-2 pr-4" data-testid="deal-closed">{date(deal.closedAt)}</td>
              <td className="py-2 pr-4 text-right" data-testid="deal-touches">{deal.patterns ? formatNumber(deal.patterns.touches, locale) : "—"}</td>
              <td className="py-2 pr-4 text-right" data-testid="deal-days-since-touch">
                {deal.patterns?.daysSinceTouch === null || deal.patterns?.daysSinceTouch === undefined ? "—" : formatNumber(deal.patterns.daysSinceTouch, locale)}
              </td>
            </tr>
          ))
          : null}
      </ListCard>
    </div>
  );
}

/** What the list holds, in words: "Выигранные · закрыты в периоде · март 2025 · Этап: …". */
function BucketSummary(props: { params: Record<string, string>; rows: DealListRow[]; reachedStage: DealListPage["reachedStage"]; teamName: string | null; period: { from: string; to: string } | null; timezone: string; locale: Locale; t: DashboardMessages["deals"] }) {
  const { params, rows, reachedStage, teamName, period, timezone, locale, t } = props;
  const parts = bucketCaption({ params, rows, reachedStage, teamName, locale, t });
  return <ListSummary kind="deals" parts={parts} allText={t.allDeals} period={period} timezone={timezone} locale={locale} t={t} />;
}
