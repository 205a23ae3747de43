"use client";
// The Conversations dashboard's island: the filter bar, how many texts are analysed, objections by
// manager, the tone by month, objections by month and by stage, lost deals by their last objection
// and example quotes. The first figures come from the server; a filter change refetches the JSON.
import { use } from "react";
import { useSearchParams } from "next/navigation";
import { monthOfToday } from "@/components/charts/chart-format";
import { ObjectionBars, type ObjectionBarsPoint } from "@/components/charts/objection-bars";
import { SentimentLine } from "@/components/charts/sentiment-line";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { ReportCard } from "@/components/dashboard/report-card";
import { useReport, type FirstRender, type InitialReport } from "@/components/dashboard/use-report";
import { DataTable, type Column } from "@/components/ui/data-table";
import { OBJECTION_TYPES } from "@/lib/ai/kinds";
import type { Role } from "@/lib/auth/permissions";
import { formatMonthKey, formatNumber, formatRate, periodDates, type Locale } from "@/lib/format";
import { conversationsMessages } from "@/lib/i18n/conversations-messages";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import { fill } from "@/lib/i18n/fill";
import { reportQueryString } from "@/lib/reports/report-query";
import type { ReportResponse } from "@/lib/reports/run-report";
import { LostDealsList, QuotesList } from "./conversations-lists";

type Report = ReportResponse<"conversations">;
type Counts = Record<(typeof OBJECTION_TYPES)[number] | "total", number>;
type Props = { first: Promise<FirstRender<InitialReport<Report>>>; role: Role; locale: Locale; t: DashboardMessages };

export function ConversationsClient({ first, role, locale, t }: Props) {
  const { initial, options } = use(first);
  const query = reportQueryString(useSearchParams());
  const { data, error, isLoading } = useReport("conversations", query, initial, locale);
  const m = conversationsMessages[locale];
  const card = { isLoading, loadingText: t.loading, error, errorTitle: t.failed };
  const series = OBJECTION_TYPES.map((type) => ({ key: type, label: m.objection[type] }));
  const points = <R extends Counts>(rows: readonly R[], key: (row: R) => string, name: (row: R) => string): ObjectionBarsPoint[] =>
    rows.filter((row) => row.total > 0).map((row) => ({ ...row, key: key(row), name: name(row) }));
  const countColumns = <R extends Counts>(): Column<R>[] => [
    ...OBJECTION_TYPES.map((type): Column<R> => ({ key: type, label: m.objection[type], isNumeric: true, testId: `count-${type}`, render: (row) => formatNumber(row[type], locale) })),
    { key: "total", label: m.columns.total, isNumeric: true, testId: "count-total", className: "font-medium", render: (row) => formatNumber(row.total, locale) },
  ];
  const tone = (value: number | null) => (value === null ? "—" : value.toLocaleString(locale === "ru" ? "ru-RU" : "en-GB", { maximumFractionDigits: 2, signDisplay: "exceptZero" }));
  const managerName = (row: Report["rows"][number]) => row.managerName ?? m.noManager;

  const totals = data?.totals;
  const emptyText = !totals || totals.texts === 0 ? m.empty : totals.analysed === 0 ? m.notAnalysed : m.noQuotes;
  const hasObjections = totals !== undefined && totals.total > 0;
  const thisMonth = data ? monthOfToday(data.today) : undefined;

  type ManagerRow = Report["rows"][number];
  type MonthRow = Report["byMonth"][number];
  type StageRow = Report["byStage"][number];
  const managerColumns: Column<ManagerRow>[] = [
    { key: "manager", label: m.columns.manager, render: managerName },
    { key: "texts", label: m.columns.texts, isNumeric: true, render: (row) => formatNumber(row.texts, locale) },
    ...countColumns<ManagerRow>(),
    { key: "averageSentiment", label: m.columns.averageSentiment, isNumeric: true, render: (row) => tone(row.averageSentiment) },
  ];
  const monthColumns: Column<MonthRow>[] = [
    { key: "month", label: m.columns.month, render: (row) => formatMonthKey(row.month, locale) },
    { key: "analysed", label: m.columns.analysed, isNumeric: true, render: (row) => formatNumber(row.analysed, locale) },
    { key: "averageSentiment", label: m.columns.averageSentiment, isNumeric: true, testId: "month-sentiment", render: (row) => tone(row.averageSentiment) },
    { key: "positive", label: m.columns.positive, isNumeric: true, render: (row) => formatNumber(row.positive, locale) },
    { key: "neutral", label: m.columns.neutral, isNumeric: true, render: (row) => formatNumber(row.neutral, locale) },
    { key: "negative", label: m.columns.negative, isNumeric: true, render: (row) => formatNumber(row.negative, locale) },
  ];
  const stageColumns: Column<StageRow>[] = [{ key: "stage", label: m.columns.stage, render: (row) => `${row.pipelineName} · ${row.stageName}` }, ...countColumns<StageRow>()];

  return (
    <div className="space-y-4">
      <FilterBar options={options} role={role} locale={locale} t={t.filters} period={data ? periodDates(data.period, data.timezone) : null} />
      <p className="text-sm text-slate-600">{m.intro}</p>
      {totals ? (
        <p className="text-sm font-medium text-slate-700" data-testid="conversations-coverage">
          {fill(m.analysedOf, { analysed: formatNumber(totals.analysed, locale), texts: formatNumber(totals.texts, locale) })}
        </p>
      ) : null}
      <ReportCard title={m.byManager} testId="objections-by-manager" exportReport="conversations" {...card} isEmpty={data !== null && !hasObjections} emptyText={emptyText}>
        {data ? (
          <>
            <ObjectionBars name={m.byManager} data={points(data.rows, (row) => row.managerId ?? "none", managerName)} series={series} locale={locale} testId="manager-objection-bars" />
            <DataTable columns={managerColumns} rows={data.rows} rowKey={(row) => row.managerId ?? "none"} label={m.byManager} testId="objections-manager-table" rowProps={(row) => ({ "data-testid": "objection-row", "data-manager": managerName(row) })} />
          </>
        ) : null}
      </ReportCard>
      <ReportCard title={m.sentiment} testId="sentiment-card" {...card} isEmpty={data !== null && (totals?.analysed ?? 0) === 0} emptyText={emptyText}>
        {data ? (
          <>
            <SentimentLine name={m.sentiment} data={data.byMonth} label={m.columns.averageSentiment} locale={locale} incompleteMonth={thisMonth} />
            <p className="mb-3 text-xs text-slate-500">{m.sentimentNote}</p>
            <DataTable columns={monthColumns} rows={data.byMonth} rowKey={(row) => row.month} label={m.sentiment} testId="sentiment-table" />
          </>
        ) : null}
      </ReportCard>
      <div className="grid gap-4 lg:grid-cols-2">
        <ReportCard title={m.byMonth} testId="objections-by-month" {...card} isEmpty={data !== null && !hasObjections} emptyText={emptyText}>
          {data ? <ObjectionBars name={m.byMonth} data={points(data.byMonth, (row) => row.month, (row) => formatMonthKey(row.month, locale))} series={series} locale={locale} testId="month-objection-bars" /> : null}
        </ReportCard>
        <ReportCard title={m.lost} testId="lost-card" {...card} isEmpty={data !== null && data.lostByObjection.length === 0} emptyText={m.noLost}>
          {data ? (
            <>
              <ul className="mb-3 space-y-1 text-sm" data-testid="lost-by-objection">
                {data.lostByObjection.map((row) => (
                  <li key={row.type ?? "none"} className="flex justify-between gap-3" data-testid="lost-reason" data-type={row.type ?? "none"}>
                    <span>{row.type ? m.objection[row.type] : m.noObjection}</span>
                    <span className="tabular-nums text-slate-700">
                      {formatNumber(row.deals, locale)} · {formatRate(row.share, locale)}
                    </span>
                  </li>
                ))}
              </ul>
              <LostDealsList report={data} m={m} locale={locale} />
            </>
          ) : null}
        </ReportCard>
      </div>
      <ReportCard title={m.byStage} testId="objections-by-stage" {...card} isEmpty={data !== null && data.byStage.length === 0} emptyText={emptyText}>
        {data ? <DataTable columns={stageColumns} rows={data.byStage} rowKey={(row) => row.stageId} label={m.byStage} testId="objections-stage-table" /> : null}
      </ReportCard>
      <ReportCard title={m.quotes} testId="quotes-card" {...card} isEmpty={data !== null && data.quotes.length === 0} emptyText={emptyText}>
        {data ? <QuotesList report={data} m={m} locale={locale} /> : null}
      </ReportCard>
    </div>
  );
}
