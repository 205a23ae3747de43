"use client";
// The monthly trend card of the traffic dashboard: one line per team for the figure chosen with the
// toggle. The Unattributed row is a dashed grey line where it has the figure (leads, revenue). The
// month still running is starred and explained under the chart.
import { useState } from "react";
import { monthOfToday } from "@/components/charts/chart-format";
import { IncompleteMonthNote } from "@/components/charts/incomplete-month-note";
import { TrafficTrend, type TrafficTrendPoint, type TrafficTrendSeries, type TrafficTrendValue } from "@/components/charts/traffic-trend";
import { teamColour } from "@/lib/attribution/team-colour";
import { ReportCard } from "@/components/dashboard/report-card";
import type { TrafficMonthRow, TrafficTeamsResult } from "@/lib/reports/traffic-teams";
import type { FigureFormat, TrafficTexts } from "./traffic-columns";

type Metric = "leads" | "revenue" | "spend" | "romi";
type CardState = { isLoading: boolean; loadingText: string; error: string | null; errorTitle: string; isEmpty: boolean; emptyText: string };

const valueTypes: Record<Metric, TrafficTrendValue> = { leads: "integer", revenue: "money", spend: "money", romi: "percent" };

function valueOf(row: TrafficMonthRow | undefined, metric: Metric): number | null {
  if (!row) return null;
  if (metric === "leads") return row.leads;
  if (metric === "romi") return row.romi;
  const amount = metric === "revenue" ? row.revenue : row.spend;
  return amount === null ? null : Number(amount);
}

/** The chart's points: a month per point, each row's value under its team id ("none" for Unattributed). */
export function trendPoints(result: Pick<TrafficTeamsResult, "byMonth">, metric: Metric): TrafficTrendPoint[] {
  const months = [...new Set(result.byMonth.map((row) => row.month))];
  return months.map((month) => {
    const point: TrafficTrendPoint = { month };
    for (const row of result.byMonth.filter((r) => r.month === month)) point[row.teamId ?? "none"] = valueOf(row, metric);
    return point;
  });
}

type Props = { data: TrafficTeamsResult | null; card: CardState; format: FigureFormat; t: TrafficTexts; today: string | undefined; incompleteMonthText: string };

export function TrafficTrendCard({ data, card, format, t, today, incompleteMonthText }: Props) {
  const [metric, setMetric] = useState<Metric>("revenue");
  const labels: Record<Metric, string> = { leads: t.leads, revenue: t.revenueColumn, spend: format.isAllocated ? t.allocatedSpendColumn : t.spendColumn, romi: "ROMI" };
  const hasUnattributedLine = metric === "leads" || metric === "revenue";
  const series: TrafficTrendSeries[] = (data?.rows ?? [])
    .filter((row) => row.teamId !== null || hasUnattributedLine)
    .map((row) => ({ key: row.teamId ?? "none", name: row.teamName ?? t.unattributed, color: teamColour(row.color), isDashed: row.teamId === null }));
  return (
    <ReportCard
      title={
        <span className="flex flex-wrap items-center justify-between gap-2">
          <span>{t.trend}</span>
          <span className="inline-flex gap-1" role="group" aria-label={t.metric}>
            {(["revenue", "spend", "leads", "romi"] as const).map((key) => (
              <button
                key={key}
                type="button"
                aria-pressed={metric === key}
                onClick={() => setMetric(key)}
                className={`rounded-lg px-3 py-1 text-xs font-medium ${metric === key ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
              >
                {labels[key]}
              </button>
            ))}
          </span>
        </span>
      }
      testId="traffic-trend-card"
      {...card}
    >
      {data ? (
        <>
          <TrafficTrend name={`${t.trend}: ${labels[metric]}`} data={trendPoints(data, metric)} series={series} valueType={valueTypes[metric]} currency={format.currency} locale={format.locale} incompleteMonth={monthOfToday(today)} />
          <IncompleteMonthNote months={data.byMonth.map((row) => row.month)} today={today} locale={format.locale} text={incompleteMonthText} />
        </>
      ) : null}
    </ReportCard>
  );
}
