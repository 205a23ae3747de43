"use client";
// The Sales dashboard's island: the filter bar, the monthly chart and the table of months. The month
// still running is marked, and «Год назад» says which days it counts (the same days, to date). The
// first figures come from the server; a filter change refetches only the report's JSON.
import { use } from "react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { monthOfToday } from "@/components/charts/chart-format";
import { IncompleteMonthNote } from "@/components/charts/incomplete-month-note";
import { MonthlyBars } from "@/components/charts/monthly-bars";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { PlanCard } from "@/components/dashboard/plan-card";
import { can } from "@/lib/auth/permissions";
import { ReportCard } from "@/components/dashboard/report-card";
import { reportQueryString } from "@/lib/reports/report-query";
import { useReport, type FirstRender, type InitialReport } from "@/components/dashboard/use-report";
import { dealsHref, wonBucket } from "@/components/deals/deal-links";
import type { Role } from "@/lib/auth/permissions";
import { formatDateRange, formatMoney, formatMonthKey, formatNumber, periodDates, type Locale } from "@/lib/format";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import type { SalesByMonthTotals } from "@/lib/reports/sales-by-month";
import type { ReportResponse } from "@/lib/reports/run-report";
import { tableScroll } from "@/components/ui/table-scroll";

export type SalesReport = ReportResponse<"sales-by-month">;

type Props = { first: Promise<FirstRender<InitialReport<SalesReport>>>; role: Role; locale: Locale; t: DashboardMessages };

export function SalesClient({ first, role, locale, t }: Props) {
  const { initial, options } = use(first);
  const query = reportQueryString(useSearchParams());
  const { data, error, isLoading } = useReport("sales-by-month", query, initial, locale);
  const router = useRouter();
  // The deals behind a month: won in that month (and inside the period), by their close moment.
  const dealsOf = (month?: string) => dealsHref("sales", query, { ...wonBucket, month });
  const isEmpty = data !== null && data.totals.wonCount === 0;
  const money = (amount: string | null) => (amount === null ? "—" : formatMoney(amount, data?.currency ?? "KZT", locale));
  const card = { isLoading, loadingText: t.loading, error, errorTitle: t.failed, isEmpty, emptyText: t.sales.empty };

  return (
    <div className="space-y-4">
      <FilterBar options={options} role={role} locale={locale} t={t.filters} period={data ? periodDates(data.period, data.timezone) : null} />
      {data ? <PlanCard planMonth={data.planMonth} plan={data.plan} currency={data.currency} canSetPlans={can(role, "plans:manage")} locale={locale} t={t.plan} /> : null}
      <ReportCard title={t.sales.chart} testId="sales-chart" {...card}>
        {data ? (
          <MonthlyBars
            name={t.sales.chart}
            data={data.rows.map((row) => ({ month: row.month, current: Number(row.wonAmount), previous: Number(row.previousYearWonAmount) }))}
            currency={data.currency}
            locale={locale}
            labels={{ current: t.sales.wonAmount, previous: t.sales.previousYear }}
            incompleteMonth={monthOfToday(data.today)}
            onSelectMonth={(month) => router.push(dealsOf(month))}
          />
        ) : null}
        {data ? <IncompleteMonthNote months={data.rows.map((row) => row.month)} today={data.today} locale={locale} text={t.charts.incompleteMonth} /> : null}
      </ReportCard>
      <ReportCard title={t.sales.table} testId="sales-table-card" exportReport="sales-by-month" {...card}>
        {data ? (
          <div className={tableScroll}>
            <table className="w-full text-sm tabular-nums" data-testid="sales-table">
              <thead className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="py-2 pr-4 font-medium">{t.sales.month}</th>
                  <th className="py-2 pr-4 text-right font-medium">{t.sales.wonCount}</th>
                  <th className="py-2 pr-4 text-right font-medium">{t.sales.wonAmount}</th>
                  <th className="py-2 pr-4 text-right font-medium">{t.sales.averageAmount}</th>
                  <th className="py-2 text-right font-medium">{t.sales.previousYear}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.rows.map((row) => (
                  <tr key={row.month} data-testid="sales-row">
                    <td className="py-2 pr-4">
                      {formatMonthKey(row.month, locale)}
                      {row.month === monthOfToday(data.today) ? "*" : ""}
                    </td>
                    <Figures figures={row} locale={locale} money={money} dealsHref={dealsOf(row.month)} />
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t-2 border-slate-200 font-semibold">
                <tr data-testid="sales-totals">
                  <td className="py-2 pr-4">{t.sales.total}</td>
                  <Figures figures={data.totals} locale={locale} money={money} dealsHref={dealsOf()} />
                </tr>
              </tfoot>
            </table>
            <p className="mt-2 text-xs text-slate-500" data-testid="previous-year-period">
              {t.sales.previousYearPeriod.replace("{period}", formatDateRange({ from: new Date(data.previousYearPeriod.from), to: new Date(data.previousYearPeriod.to) }, data.timezone, locale))}
            </p>
          </div>
        ) : null}
      </ReportCard>
    </div>
  );
}

function Figures(props: { figures: SalesByMonthTotals; locale: Locale; money: (amount: string | null) => string; dealsHref: string }) {
  const { figures, locale, money, dealsHref } = props;
  return (
    <>
      <td className="py-2 pr-4 text-right" data-testid="won-count">
        {figures.wonCount > 0 ? (
          <Link href={dealsHref} prefetch={false} className="text-brand-700 underline decoration-dotted underline-offset-2 hover:decoration-solid" data-testid="won-deals-link">
            {formatNumber(figures.wonCount, locale)}
          </Link>
        ) : (
          formatNumber(figures.wonCount, locale)
        )}
      </td>
      <td className="py-2 pr-4 text-right" data-testid="won-amount">
        {money(figures.wonAmount)}
      </td>
      <td className="py-2 pr-4 text-right" data-testid="average-amount">
        {money(figures.averageAmount)}
      </td>
      <td className="py-2 text-right text-slate-500" data-testid="previous-year-amount">
        {money(figures.previousYearWonAmount)}
      </td>
    </>
  );
}



