"use client";
// The Sales dashboard's island: the filter bar, the chart (by month, or by day or week for a short
// period) and the table of months. The bar still running is marked, and «Год назад» says which days it counts (the same days, to date). The
// first figures come from the server; a filter change refetches only the report's JSON.
import { use } from "react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { monthOfToday } from "@/components/charts/chart-format";
import { IncompleteBarNote } from "@/components/charts/incomplete-bar-note";
import { IncompleteMonthNote } from "@/components/charts/incomplete-month-note";
import { PeriodBars } from "@/components/charts/period-bars";
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
import type { SalesByMonthTotals, SalesChartPoint } from "@/lib/reports/sales-by-month";
import { bucketKeyOf } from "@/lib/time/buckets";
import type { ReportResponse } from "@/lib/reports/run-report";
import { DataTable, FooterRow, type Column } from "@/components/ui/data-table";

export type SalesReport = ReportResponse<"sales-by-month">;

type Props = { first: Promise<FirstRender<InitialReport<SalesReport>>>; role: Role; locale: Locale; t: DashboardMessages };

export function SalesClient({ first, role, locale, t }: Props) {
  const { initial, options } = use(first);
  const query = reportQueryString(useSearchParams());
  const { data, error, isLoading } = useReport("sales-by-month", query, initial, locale);
  const router = useRouter();
  // The deals behind a month: won in that month (and inside the period), by their close moment.
  const dealsOf = (month?: string) => dealsHref("sales", query, { ...wonBucket, month });
  // A day's or week's bar: its days (already inside the period) become the list's period.
  const dealsOfBar = (point: Pick<SalesChartPoint, "key" | "from" | "to">) =>
    data?.chart.bucket === "month" ? dealsOf(point.key) : dealsHref("sales", query, { ...wonBucket, from: point.from, to: point.to });
  const chartTitle = !data || data.chart.bucket === "month" ? t.sales.chart : data.chart.bucket === "week" ? t.sales.chartByWeek : t.sales.chartByDay;
  const isEmpty = data !== null && data.totals.wonCount === 0;
  const money = (amount: string | null) => (amount === null ? "—" : formatMoney(amount, data?.currency ?? "KZT", locale));
  const card = { isLoading, loadingText: t.loading, error, errorTitle: t.failed, isEmpty, emptyText: t.sales.empty };

  const figures = (row: SalesByMonthTotals, href: string) => ({
    "won-count":
      row.wonCount > 0 ? (
        <Link href={href} prefetch={false} className="text-brand-700 underline decoration-dotted underline-offset-2 hover:decoration-solid" data-testid="won-deals-link">
          {formatNumber(row.wonCount, locale)}
        </Link>
      ) : (
        formatNumber(row.wonCount, locale)
      ),
    "won-amount": money(row.wonAmount),
    "average-amount": money(row.averageAmount),
    "previous-year-amount": money(row.previousYearWonAmount),
  });
  type Month = SalesReport["rows"][number];
  const figure = (key: string, label: string, className = ""): Column<Month> => ({ key, label, isNumeric: true, testId: key, className, render: (row) => figures(row, dealsOf(row.month))[key as "won-count"] });
  const columns: Column<Month>[] = [
    { key: "month", label: t.sales.month, render: (row) => `${formatMonthKey(row.month, locale)}${data && row.month === monthOfToday(data.today) ? "*" : ""}` },
    figure("won-count", t.sales.wonCount),
    figure("won-amount", t.sales.wonAmount),
    figure("average-amount", t.sales.averageAmount),
    figure("previous-year-amount", t.sales.previousYear, "text-slate-500"),
  ];
  return (
    <div className="space-y-4">
      <FilterBar options={options} role={role} locale={locale} t={t.filters} period={data ? periodDates(data.period, data.timezone) : null} />
      {data ? <PlanCard planMonth={data.planMonth} plan={data.plan} currency={data.currency} canSetPlans={can(role, "plans:manage")} locale={locale} t={t.plan} /> : null}
      <ReportCard title={chartTitle} testId="sales-chart" {...card}>
        {data ? (
          <PeriodBars
            name={chartTitle}
            data={data.chart.points.map((point) => ({ key: point.key, from: point.from, to: point.to, current: Number(point.wonAmount), previous: Number(point.previousYearWonAmount) }))}
            bucket={data.chart.bucket}
            currency={data.currency}
            locale={locale}
            labels={{ current: t.sales.wonAmount, previous: t.sales.previousYear }}
            incompleteKey={data.today ? bucketKeyOf(data.today, data.chart.bucket) : undefined}
            onSelect={(point) => router.push(dealsOfBar(point))}
          />
        ) : null}
        {data && data.chart.bucket === "month" ? <IncompleteMonthNote months={data.rows.map((row) => row.month)} today={data.today} locale={locale} text={t.charts.incompleteMonth} /> : null}
        {data && data.chart.bucket !== "month" ? (
          <IncompleteBarNote bucket={data.chart.bucket} keys={data.chart.points.map((point) => point.key)} today={data.today} locale={locale} texts={t.charts} />
        ) : null}
      </ReportCard>
      <ReportCard title={t.sales.table} testId="sales-table-card" exportReport="sales-by-month" {...card}>
        {data ? (
          <>
            <DataTable
              columns={columns}
              rows={data.rows}
              rowKey={(row) => row.month}
              label={t.sales.table}
              testId="sales-table"
              rowProps={() => ({ "data-testid": "sales-row" })}
              footer={<FooterRow columns={columns} name={t.sales.total} cells={figures(data.totals, dealsOf())} testId="sales-totals" />}
            />
            <p className="mt-2 text-xs text-slate-500" data-testid="previous-year-period">
              {t.sales.previousYearPeriod.replace("{period}", formatDateRange({ from: new Date(data.previousYearPeriod.from), to: new Date(data.previousYearPeriod.to) }, data.timezone, locale))}
            </p>
          </>
        ) : null}
      </ReportCard>
    </div>
  );
}
