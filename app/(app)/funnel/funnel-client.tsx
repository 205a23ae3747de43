"use client";
// The Funnel dashboard's island: the filter bar, then per pipeline its funnel chart, the table of its
// stages and its won/lost totals. The first figures come from the server; a filter change refetches the JSON.
import { use } from "react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { FunnelChart } from "@/components/charts/funnel-chart";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { ReportCard } from "@/components/dashboard/report-card";
import { reportQueryString } from "@/lib/reports/report-query";
import { useReport, type FirstRender, type InitialReport } from "@/components/dashboard/use-report";
import { dealsHref } from "@/components/deals/deal-links";
import type { Role } from "@/lib/auth/permissions";
import { formatMoney, formatNumber, type Locale, formatPlural, formatRate, periodDates, localeTag } from "@/lib/format";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import type { SalesFunnelRow } from "@/lib/reports/sales-funnel";
import type { ReportResponse } from "@/lib/reports/run-report";
import { DataTable, type Column } from "@/components/ui/data-table";

/** The JSON of GET /api/reports/sales-funnel. */
export type FunnelReport = ReportResponse<"sales-funnel">;

type Props = { first: Promise<FirstRender<InitialReport<FunnelReport>>>; role: Role; locale: Locale; t: DashboardMessages };
type Pipeline = { id: string; name: string; rows: SalesFunnelRow[]; wonCount: number; lostCount: number };

const semanticOrder = { open: 0, won: 1, lost: 2 } as const;

export function FunnelClient({ first, role, locale, t }: Props) {
  const { initial, options } = use(first);
  const query = reportQueryString(useSearchParams());
  const { data, error, isLoading } = useReport("sales-funnel", query, initial, locale);
  const pipelines = data ? groupByPipeline(data) : [];
  const isEmpty = data !== null && !data.rows.some((row) => row.reachedCount > 0);
  const card = { isLoading, loadingText: t.loading, error, errorTitle: t.failed, emptyText: t.funnel.empty };
  const router = useRouter();
  // A stage's deals: created in the period and in that stage now (the "now in stage" columns).
  const stageDeals = (stageId: string) => dealsHref("funnel", query, { stageId, periodOn: "created" });
  // The deals behind a bar: those that reached the stage during the period (the "reached" column).
  const reachedDeals = (stageId: string) => dealsHref("funnel", query, { reachedStageId: stageId });
  // A pipeline's won or lost deals: closed in the period (the totals under the table).
  const closedDeals = (pipelineId: string, status: "won" | "lost") => dealsHref("funnel", query, { pipelineId, status, periodOn: "closed" });

  return (
    <div className="space-y-4">
      <FilterBar options={options} role={role} locale={locale} t={t.filters} period={data ? periodDates(data.period, data.timezone) : null} />
      {!data || isEmpty ? (
        <ReportCard title={t.funnel.title} testId="funnel-card" isEmpty={isEmpty} {...card}>
          {null}
        </ReportCard>
      ) : (
        pipelines.map((pipeline, index) => (
          // A pipeline no deal reached in the period says so instead of drawing empty bars.
          <ReportCard
            key={pipeline.id}
            title={pipeline.name}
            testId="funnel-card"
            exportReport={index === 0 ? "sales-funnel" : undefined}
            isEmpty={!pipeline.rows.some((row) => row.reachedCount > 0)}
            {...card}
          >
            <div className="space-y-4" data-pipeline-id={pipeline.id}>
              <FunnelChart
                name={`${pipeline.name}: ${t.funnel.chart}`}
                data={pipeline.rows.map((row) => ({ stageId: row.stageId, name: row.stageName, semantic: row.semantic, reached: row.reachedCount }))}
                locale={locale}
                label={t.funnel.chart}
                onSelectStage={(stageId) => router.push(reachedDeals(stageId))}
              />
              <StageTable pipeline={pipeline} currency={data.currency} locale={locale} t={t.funnel} stageDeals={stageDeals} reachedDeals={reachedDeals} closedDeals={closedDeals} />
            </div>
          </ReportCard>
        ))
      )}
    </div>
  );
}

type StageTableProps = {
  pipeline: Pipeline;
  currency: string;
  locale: Locale;
  t: DashboardMessages["funnel"];
  stageDeals: (stageId: string) => string;
  reachedDeals: (stageId: string) => string;
  closedDeals: (pipelineId: string, status: "won" | "lost") => string;
};

const linkClass = "text-brand-700 underline decoration-dotted underline-offset-2 hover:decoration-solid";

function StageTable({ pipeline, currency, locale, t, stageDeals, reachedDeals, closedDeals }: StageTableProps) {
  const percent = (value: number | null) => formatRate(value, locale);
  const days = (value: number | null) => (value === null ? "—" : new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 1 }).format(value));
  const count = (value: number, href: string, testId: string) =>
    value > 0 ? (
      <Link href={href} prefetch={false} className={linkClass} data-testid={testId}>
        {formatNumber(value, locale)}
      </Link>
    ) : (
      formatNumber(value, locale)
    );
  type Row = Pipeline["rows"][number];
  const columns: Column<Row>[] = [
    {
      key: "stage",
      label: t.stage,
      testId: "stage-name",
      render: (row) => (
        <>
          <span className={`mr-2 inline-block size-2 rounded-full ${row.semantic === "won" ? "bg-green-600" : row.semantic === "lost" ? "bg-red-600" : "bg-brand-600"}`} aria-hidden />
          {row.stageName}
        </>
      ),
    },
    { key: "current-count", group: t.now, label: t.nowCount, isNumeric: true, testId: "current-count", render: (row) => count(row.currentCount, stageDeals(row.stageId), "stage-deals-link") },
    { key: "current-amount", group: t.now, label: t.nowAmount, isNumeric: true, testId: "current-amount", render: (row) => formatMoney(row.currentAmount, currency, locale) },
    { key: "reached-count", label: t.reached, isNumeric: true, testId: "reached-count", render: (row) => count(row.reachedCount, reachedDeals(row.stageId), "reached-deals-link") },
    { key: "from-previous", label: t.fromPrevious, isNumeric: true, testId: "conversion-from-previous", render: (row) => percent(row.conversionFromPrevious) },
    { key: "from-first", label: t.fromFirst, isNumeric: true, testId: "conversion-from-first", render: (row) => percent(row.conversionFromFirst) },
    { key: "average-days", label: t.averageDays, isNumeric: true, testId: "average-days", render: (row) => days(row.averageDaysInStage) },
  ];
  return (
    <div>
      <DataTable
        columns={columns}
        rows={pipeline.rows}
        rowKey={(row) => row.stageId}
        label={pipeline.name}
        testId="funnel-table"
        rowProps={(row) => ({ "data-testid": "funnel-row", "data-stage-id": row.stageId, "data-semantic": row.semantic })}
      />
      <p className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="funnel-totals">
        <span>
          <span className="text-slate-500">{t.won}: </span>
          <Link href={closedDeals(pipeline.id, "won")} prefetch={false} className="font-semibold text-green-700 underline decoration-dotted underline-offset-2" data-testid="won-count">
            {formatPlural(pipeline.wonCount, t.deals, locale)}
          </Link>
        </span>
        <span>
          <span className="text-slate-500">{t.lost}: </span>
          <Link href={closedDeals(pipeline.id, "lost")} prefetch={false} className="font-semibold text-red-700 underline decoration-dotted underline-offset-2" data-testid="lost-count">
            {formatPlural(pipeline.lostCount, t.deals, locale)}
          </Link>
        </span>
      </p>
    </div>
  );
}

/** The report's rows per pipeline, each with its open stages in order, then won, then lost. */
function groupByPipeline({ rows, totals }: FunnelReport): Pipeline[] {
  const pipelines = new Map<string, Pipeline>();
  for (const row of rows) {
    const pipeline = pipelines.get(row.pipelineId) ?? pipelines.set(row.pipelineId, { id: row.pipelineId, name: row.pipelineName, rows: [], wonCount: 0, lostCount: 0 }).get(row.pipelineId)!;
    pipeline.rows.push(row);
  }
  for (const total of totals) {
    const pipeline = pipelines.get(total.pipelineId);
    if (pipeline) Object.assign(pipeline, { wonCount: total.wonCount, lostCount: total.lostCount });
  }
  for (const pipeline of pipelines.values()) pipeline.rows.sort((a, b) => semanticOrder[a.semantic] - semanticOrder[b.semantic] || a.position - b.position);
  return [...pipelines.values()];
}

