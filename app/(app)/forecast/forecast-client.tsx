"use client";
// The Forecast dashboard's island: the filter bar, the next 3 or 6 months' totals, the chart of
// actual and forecast with its 80 % and 95 % bands, the table of months and the backtest that says
// how often the bands held. The first figures come from the server; a filter change refetches the JSON.
import { use, useState } from "react";
import { useSearchParams } from "next/navigation";
import { monthOfToday } from "@/components/charts/chart-format";
import { ForecastChart, type ForecastChartPoint } from "@/components/charts/forecast-chart";
import { IncompleteMonthNote } from "@/components/charts/incomplete-month-note";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { ReportCard } from "@/components/dashboard/report-card";
import { useReport, type FirstRender, type InitialReport } from "@/components/dashboard/use-report";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { Role } from "@/lib/auth/permissions";
import { formatDate, formatMoney, formatMonthKey, formatNumber, periodDates, type Locale } from "@/lib/format";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import { fill } from "@/lib/i18n/fill";
import { reportQueryString } from "@/lib/reports/report-query";
import type { ReportResponse } from "@/lib/reports/run-report";

export type ForecastReport = ReportResponse<"forecast">;
type Row = ForecastReport["rows"][number];
type TestedRow = ForecastReport["backtest"]["rows"][number];

type Props = { first: Promise<FirstRender<InitialReport<ForecastReport>>>; role: Role; locale: Locale; t: DashboardMessages };

export function ForecastClient({ first, role, locale, t }: Props) {
  const { initial, options } = use(first);
  const query = reportQueryString(useSearchParams());
  const { data, error, isLoading } = useReport("forecast", query, initial, locale);
  const [horizon, setHorizon] = useState<3 | 6>(6);
  const tf = t.forecast;
  const money = (amount: string | null) => (amount === null ? "—" : formatMoney(amount, data?.currency ?? "KZT", locale));
  const thisMonth = (data ? monthOfToday(data.today) : undefined) ?? "";
  const past = data ? data.rows.filter((row) => row.month < thisMonth) : [];
  const future = data ? data.rows.filter((row) => row.month >= thisMonth).slice(0, horizon) : [];
  const rows = [...past, ...future];
  const hasForecast = data !== null && data.history.months >= data.history.needed;
  const notEnough = data ? fill(tf.notEnough, { months: data.history.months, needed: data.history.needed }) : "";
  const card = { isLoading, loadingText: t.loading, error, errorTitle: t.failed };

  // The last past month starts the forecast line and its bands, so the dashed line leaves from the actual one.
  const lastPast = past.at(-1);
  const points: ForecastChartPoint[] = rows.map((row) => {
    const isJoin = hasForecast && row === lastPast;
    const band = (low: string | null, high: string | null): [number, number] | null => (isJoin ? [Number(row.actual), Number(row.actual)] : low === null || high === null ? null : [Number(low), Number(high)]);
    return {
      month: row.month,
      // The running month's revenue so far would read as a collapse: the table and the note give it.
      actual: row.actual === null || row.month === thisMonth ? null : Number(row.actual),
      forecast: isJoin ? Number(row.actual) : row.forecast === null ? null : Number(row.forecast),
      band80: band(row.low80, row.high80),
      band95: band(row.low95, row.high95),
    };
  });

  const figure = (key: "actual" | "forecast" | "low80" | "high80" | "low95" | "high95" | "pipeline", className = ""): Column<Row> => ({ key, label: tf[key], isNumeric: true, testId: key, className, render: (row) => money(row[key]) });
  const columns: Column<Row>[] = [
    { key: "month", label: tf.month, render: (row) => `${formatMonthKey(row.month, locale)}${row.month === thisMonth ? "*" : ""}` },
    figure("actual"),
    figure("forecast", "font-medium"),
    figure("low80", "text-slate-500"),
    figure("high80", "text-slate-500"),
    figure("low95", "text-slate-500"),
    figure("high95", "text-slate-500"),
    figure("pipeline"),
  ];
  const mark = (held: boolean) => (held ? tf.held : tf.missed);
  const testedColumns: Column<TestedRow>[] = [
    { key: "month", label: tf.month, render: (row) => formatMonthKey(row.month, locale) },
    { key: "actual", label: tf.actual, isNumeric: true, render: (row) => money(row.actual) },
    { key: "forecast", label: tf.forecast, isNumeric: true, render: (row) => money(row.forecast) },
    { key: "band80", label: tf.band80, isNumeric: true, className: "text-slate-500", render: (row) => `${money(row.low80)} – ${money(row.high80)}` },
    { key: "held80", label: tf.within80, render: (row) => mark(row.held80) },
    { key: "held95", label: tf.within95, render: (row) => mark(row.held95) },
  ];
  const total = data ? (horizon === 3 ? data.totals.next3 : data.totals.next6) : null;
  const tested = data?.backtest;
  const decimal = (value: number) => value.toLocaleString(locale === "ru" ? "ru-RU" : "en-GB", { maximumFractionDigits: 1 });

  return (
    <div className="space-y-4">
      <FilterBar options={options} role={role} locale={locale} t={t.filters} period={data ? periodDates(data.period, data.timezone) : null} />
      <section className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="forecast-summary">
        <div role="group" aria-label={tf.horizon} className="inline-flex rounded-lg border border-slate-200 p-0.5">
          {([3, 6] as const).map((n) => (
            <button
              key={n}
              type="button"
              aria-pressed={horizon === n}
              onClick={() => setHorizon(n)}
              data-testid={`horizon-${n}`}
              className={`rounded-md px-3 py-1.5 text-sm ${horizon === n ? "bg-brand-600 text-white" : "text-slate-600 hover:bg-slate-50"}`}
            >
              {fill(tf.months, { n })}
            </button>
          ))}
        </div>
        <p className="text-sm text-slate-600">
          {fill(tf.next, { n: horizon })}: <span className="text-lg font-semibold text-slate-900" data-testid="forecast-total">{total === null ? "—" : money(total)}</span>
        </p>
      </section>
      <ReportCard title={tf.chart} testId="forecast-chart-card" {...card} isEmpty={data !== null && !hasForecast} emptyText={notEnough}>
        {data ? (
          <>
            <ForecastChart
              name={tf.chart}
              data={points}
              labels={{ actual: tf.actual, forecast: tf.forecast, band80: tf.band80, band95: tf.band95 }}
              currency={data.currency}
              locale={locale}
              incompleteMonth={thisMonth}
            />
            <IncompleteMonthNote months={rows.map((row) => row.month)} today={data.today} locale={locale} text={t.charts.incompleteMonth} />
            <p className="mt-2 text-xs text-slate-500" data-testid="pipeline-note" data-basis={data.pipeline.basis}>
              {pipelineNote(data, tf, locale)}
            </p>
          </>
        ) : null}
      </ReportCard>
      <ReportCard title={tf.table} testId="forecast-table-card" exportReport="forecast" {...card} isEmpty={false} emptyText="">
        {data ? <DataTable columns={columns} rows={rows} rowKey={(row) => row.month} label={tf.table} testId="forecast-table" rowProps={() => ({ "data-testid": "forecast-row" })} /> : null}
      </ReportCard>
      <ReportCard title={tf.backtest} testId="backtest-card" {...card} isEmpty={tested !== undefined && tested.rows.length === 0} emptyText={fill(tf.noBacktest, { needed: data?.history.needed ?? 13 })}>
        {tested ? (
          <>
            <p className="text-sm text-slate-700" data-testid="backtest-summary">
              {fill(tf.held80, { held: tested.held80, count: tested.rows.length })}, {fill(tf.held95, { held: tested.held95, count: tested.rows.length })}.
              {tested.mape === null ? null : (
                <>
                  {" "}
                  {fill(tf.mape, { mape: decimal(tested.mape) })}
                  {tested.wape === null ? "" : `, ${fill(tf.wape, { wape: decimal(tested.wape) })}`}.
                </>
              )}
            </p>
            <p className="mt-1 mb-3 text-xs text-slate-500">{fill(tf.backtestNote, { origins: tested.origins })}</p>
            <DataTable columns={testedColumns} rows={tested.rows} rowKey={(row) => row.month} label={tf.backtest} testId="backtest-table" />
          </>
        ) : null}
      </ReportCard>
    </div>
  );
}

/** Which weighting fed the pipeline: each deal's model probability, or its stage's historical rate. */
function pipelineNote(data: ForecastReport, tf: DashboardMessages["forecast"], locale: Locale): string {
  const { model, meanDaysToClose } = data.pipeline;
  const days = meanDaysToClose === null ? "—" : String(meanDaysToClose).replace(".", locale === "ru" ? "," : ".");
  if (!model) return fill(tf.pipelineNote, { days });
  const note = fill(tf.pipelineModelNote, { version: model.version, date: formatDate(new Date(model.trainedAt), data.timezone, locale), deals: formatNumber(model.deals, locale), days });
  return model.fallback > 0 ? `${note} ${fill(tf.pipelineUnscoredNote, { deals: formatNumber(model.fallback, locale) })}` : note;
}
