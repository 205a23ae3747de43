"use client";
// The Overview dashboard's island: the filter bar, one card per KPI with the change and what «Было»
// is (which days, with which value), and the 12-month revenue sparkline with the month still running
// marked. A period still running is compared to date (docs/reports.md). The first figures come from the server.
import { use } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { monthOfToday } from "@/components/charts/chart-format";
import { IncompleteMonthNote } from "@/components/charts/incomplete-month-note";
import { dealsHref, wonBucket } from "@/components/deals/deal-links";
import { leadsHref } from "@/components/leads/lead-links";
import type { Role } from "@/lib/auth/permissions";
import { formatDateRange, formatMoney, formatNumber, formatPlural, formatRate, periodDates, type Locale } from "@/lib/format";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import type { OverviewKpi, OverviewRow } from "@/lib/reports/overview-kpis";
import { FilterBar } from "./filter-bar";
import { describeChange } from "./kpi-change";
import { ReportCard } from "./report-card";
import { reportQueryString } from "@/lib/reports/report-query";
import { useReport, type FirstRender, type InitialReport } from "./use-report";
import type { ReportResponse } from "@/lib/reports/run-report";

export type OverviewReport = ReportResponse<"overview">;

const SPARKLINE_HEIGHT = 120;
// Recharts is most of the JavaScript a sign-in downloads: loaded on its own, it no longer holds
// back the KPI cards, and the box it will fill keeps its height meanwhile (no layout shift).
const RevenueSparkline = dynamic(() => import("@/components/charts/revenue-sparkline").then((module) => module.RevenueSparkline), {
  loading: () => <div style={{ height: SPARKLINE_HEIGHT }} />,
});

type Props = { first: Promise<FirstRender<InitialReport<OverviewReport>>>; role: Role; locale: Locale; t: DashboardMessages };

/** The KPIs whose deals a click can list: all of them are won deals closed in the period. */
const wonKpis: readonly OverviewKpi[] = ["revenue", "wonDeals", "averageDeal"];

export function OverviewClient({ first, role, locale, t }: Props) {
  const { initial, options } = use(first);
  const query = reportQueryString(useSearchParams());
  const { data, error, isLoading } = useReport("overview", query, initial, locale);
  const o = t.overview;
  const isEmpty = data !== null && data.rows.every((row) => row.value === null || row.value === 0 || row.value === "0.00");
  const card = { isLoading, loadingText: t.loading, error, errorTitle: t.failed, emptyText: o.empty };
  const dates = (period: { from: string; to: string }) => formatDateRange({ from: new Date(period.from), to: new Date(period.to) }, data?.timezone ?? "UTC", locale);
  const previousDates = data ? dates(data.totals.previousPeriod) : "";
  // The won-deal KPIs open their deals; the new leads open the leads created in the period.
  const linkOf = (kpi: OverviewKpi): KpiLink => {
    if (wonKpis.includes(kpi)) return { href: dealsHref("overview", query, wonBucket), title: o.showDeals, testId: "kpi-deals-link" };
    if (kpi === "newLeads") return { href: leadsHref(query, {}), title: o.showLeads, testId: "kpi-leads-link" };
    return null;
  };

  const format = (kpi: OverviewKpi, value: OverviewRow["value"]): string => {
    if (value === null) return "—";
    switch (kpi) {
      case "revenue":
      case "averageDeal":
        return formatMoney(value, data?.currency ?? "KZT", locale);
      case "winRate":
      case "leadConversion":
        return formatRate(Number(value), locale);
      case "averageSalesCycleDays":
        return formatPlural(Number(value), o.days, locale);
      default:
        return formatNumber(Number(value), locale);
    }
  };

  return (
    <div className="space-y-4">
      <FilterBar options={options} role={role} locale={locale} t={t.filters} period={data ? periodDates(data.period, data.timezone) : null} />
      <ReportCard title={o.kpisTitle} testId="overview-kpis" exportReport="overview" isEmpty={isEmpty} {...card}>
        {data ? (
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {data.rows.map((row) => (
              <KpiCard
                key={row.kpi}
                row={row}
                label={o.kpis[row.kpi]}
                value={format(row.kpi, row.value)}
                previous={row.previousValue === null ? o.noData : format(row.kpi, row.previousValue)}
                previousDates={previousDates}
                t={o}
                locale={locale}
                link={linkOf(row.kpi)}
              />
            ))}
          </div>
        ) : null}
        {data?.totals.isToDate ? (
          <p className="mt-3 text-xs text-slate-500" data-testid="kpi-to-date-note">
            {o.toDate.replace("{current}", dates(data.totals.currentPeriod)).replace("{previous}", previousDates)}
          </p>
        ) : null}
      </ReportCard>
      <ReportCard title={o.sparkline} testId="overview-sparkline" isEmpty={data !== null && data.sparkline.every((point) => point.revenue === "0.00")} {...card} emptyText={o.sparklineEmpty}>
        {data ? (
          <>
            <RevenueSparkline
              name={o.sparkline}
              data={data.sparkline.map((point) => ({ month: point.month, revenue: Number(point.revenue) }))}
              currency={data.currency}
              locale={locale}
              label={o.kpis.revenue}
              height={SPARKLINE_HEIGHT}
              incompleteMonth={monthOfToday(data.today)}
            />
            <IncompleteMonthNote months={data.sparkline.map((point) => point.month)} today={data.today} locale={locale} text={t.charts.incompleteMonth} />
          </>
        ) : null}
      </ReportCard>
    </div>
  );
}

const toneClass = { good: "text-green-700", bad: "text-red-700", neutral: "text-slate-500" } as const;

/** A KPI's list: its won deals, or the leads it counted; null when it has none. */
type KpiLink = { href: string; title: string; testId: string } | null;
type KpiCardProps = { row: OverviewRow; label: string; value: string; previous: string; previousDates: string; t: DashboardMessages["overview"]; locale: Locale; link: KpiLink };

function KpiCard({ row, label, value, previous, previousDates, t, locale, link }: KpiCardProps) {
  // No previous value, or nothing to divide by: the change cannot be told.
  const change = row.previousValue === null ? null : describeChange(row.change, row.changeKind, locale, row.kpi === "averageSalesCycleDays");
  return (
    <div className="rounded-xl border border-slate-200 p-4" data-testid={`kpi-${row.kpi}`}>
      <p className="text-sm text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid="kpi-value">
        {link ? (
          <Link href={link.href} prefetch={false} className="hover:underline" title={link.title} data-testid={link.testId}>
            {value}
          </Link>
        ) : (
          value
        )}
      </p>
      <p className="mt-1 text-xs">
        <span className={change ? toneClass[change.tone] : "text-slate-500"} data-testid="kpi-change" data-tone={change?.tone}>
          {change ? `${change.arrow} ${change.text}` : t.noData}
        </span>
      </p>
      <p className="mt-1 text-xs text-slate-500" data-testid="kpi-previous-line">
        {t.previous}: <span data-testid="kpi-previous-period">{previousDates}</span> — <span data-testid="kpi-previous">{previous}</span>
      </p>
    </div>
  );
}
