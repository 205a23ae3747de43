"use client";
// The deals behind a dashboard figure: what was clicked, how many deals and their sum, and the
// table sorted on the server (headers put `sort`/`order` in the URL) with keyset pages.
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { filterKeys } from "@/lib/reports/report-query";
import type { DealListPage, DealListRow, DealSort } from "@/lib/deals/deal-list";
import { formatDate, formatMoney, formatNumber, MONEY_DECIMALS, formatPlural, formatRate, type Locale } from "@/lib/format";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import { bucketCaption } from "./bucket-caption";
import { bucketKeys, dashboardBackLink, NO_TOUCH_DAYS, patternKeys, sortKeys } from "./deal-links";
import { useDeals } from "./use-deals";
import { ListCard } from "@/components/lists/list-card";
import { ListSummary } from "@/components/lists/list-summary";
import { ListPager, listQuery, useListSort } from "@/components/lists/list-table";
import type { Column } from "@/components/ui/data-table";

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
  const nowrap = "whitespace-nowrap";
  const columns: Column<DealListPage["deals"][number]>[] = [
    {
      key: "title",
      sortKey: "title",
      label: t.dealTitle,
      className: "min-w-36",
      render: (deal) => (
        <>
          <Link href={`/deals/${deal.id}`} prefetch={false} className="font-medium text-brand-700 hover:underline" data-testid="deal-title">
            {deal.title}
          </Link>
          {deal.crmUrl ? (
            <a href={deal.crmUrl} target="_blank" rel="noopener noreferrer" className="block text-xs text-slate-500 hover:underline" data-testid="deal-row-crm-link">
              {t.openInCrm} ↗
            </a>
          ) : null}
        </>
      ),
    },
    { key: "manager", sortKey: "manager", label: t.manager, testId: "deal-manager", className: (deal) => (deal.managerName ? "" : "italic text-slate-500"), render: (deal) => deal.managerName ?? t.noManager },
    {
      key: "pipeline",
      label: t.pipeline,
      render: (deal) => (
        <>
          {deal.pipelineName}
          <span className="block text-xs text-slate-500" data-testid="deal-stage">{deal.stageName}</span>
        </>
      ),
    },
    { key: "amount", sortKey: "amount", label: t.amount, isNumeric: true, className: nowrap, testId: "deal-amount", render: (deal) => money(deal.amount, deal.currency) },
    { key: "baseAmount", label: t.baseAmount, isNumeric: true, className: nowrap, testId: "deal-base-amount", render: (deal) => money(deal.baseAmount, data?.currency ?? deal.currency) },
    { key: "created", sortKey: "created", label: t.created, className: nowrap, testId: "deal-created", render: (deal) => date(deal.createdAt) },
    { key: "closed", sortKey: "closed", label: t.closed, className: nowrap, testId: "deal-closed", render: (deal) => date(deal.closedAt) },
    { key: "touches", sortKey: "touches", label: t.touches, isNumeric: true, testId: "deal-touches", render: (deal) => (deal.patterns ? formatNumber(deal.patterns.touches, locale) : "—") },
    {
      key: "daysSinceTouch",
      label: t.daysSinceTouch,
      isNumeric: true,
      testId: "deal-days-since-touch",
      render: (deal) => (deal.patterns?.daysSinceTouch === null || deal.patterns?.daysSinceTouch === undefined ? "—" : formatNumber(deal.patterns.daysSinceTouch, locale)),
    },
    { key: "winProbability", label: t.winProbability, isNumeric: true, testId: "deal-win-probability", render: (deal) => formatRate(deal.winProbability, locale) },
  ];

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
        label={t.list}
        columns={columns}
        rows={data?.deals ?? []}
        rowKey={(deal) => deal.id}
        rowProps={(deal) => ({ "data-testid": "deal-row", "data-deal-id": deal.id, "data-manager-id": deal.managerId ?? "", "data-semantic": deal.semantic, "data-base-amount": deal.baseAmount ?? "" })}
        sorting={sorting}
        pager={<ListPager list={deals} t={t} testId="deals-page" />}
      />
    </div>
  );
}

/** What the list holds, in words: "Выигранные · закрыты в периоде · март 2025 · Этап: …". */
function BucketSummary(props: { params: Record<string, string>; rows: DealListRow[]; reachedStage: DealListPage["reachedStage"]; teamName: string | null; period: { from: string; to: string } | null; timezone: string; locale: Locale; t: DashboardMessages["deals"] }) {
  const { params, rows, reachedStage, teamName, period, timezone, locale, t } = props;
  const parts = bucketCaption({ params, rows, reachedStage, teamName, locale, t });
  return <ListSummary kind="deals" parts={parts} allText={t.allDeals} period={period} timezone={timezone} locale={locale} t={t} />;
}
