"use client";
// One line per traffic team across the period's months, for the figure chosen (leads, revenue,
// spend, ROMI). Data in props only; a month with nothing to divide by (ROMI without spend) is a gap.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, formatRate, type Locale } from "@/lib/format";
import { compactMoney, monthTick, TOOLTIP_SEPARATOR, tooltipEntry, valueAxis } from "./chart-format";
import { useIsNarrow } from "./use-narrow";
import { ChartFigure } from "./chart-figure";
import { ChartLegend } from "./chart-legend";

export type TrafficTrendSeries = { key: string; name: string; color: string; isDashed?: boolean };
/** One point per month: each series' value under its key. */
export type TrafficTrendPoint = { month: string } & Record<string, number | string | null>;
export type TrafficTrendValue = "integer" | "money" | "percent";

/** name: the chart's accessible name; incompleteMonth: the month still running ("YYYY-MM"), starred on the axis. */
type Props = { name: string; data: TrafficTrendPoint[]; series: TrafficTrendSeries[]; valueType: TrafficTrendValue; currency: string; locale: Locale; height?: number; incompleteMonth?: string };

export function TrafficTrend({ name, data, series, valueType, currency, locale, height = 300, incompleteMonth }: Props) {
  const isNarrow = useIsNarrow();
  const tick = (value: number) => (valueType === "money" ? compactMoney(value, currency, locale) : valueType === "percent" ? formatRate(value, locale) : formatNumber(value, locale));
  const axis = { tick: { fontSize: 12, fill: "#64748b" }, tickLine: false, axisLine: false } as const;
  return (
    <ChartFigure name={name} height={height} testId="traffic-trend">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart aria-label={name} data={data} margin={{ top: 8, right: 8, bottom: 0, left: isNarrow ? 0 : 8 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="month" tickFormatter={(month: string) => monthTick(month, locale, incompleteMonth)} interval="preserveStartEnd" minTickGap={12} {...axis} />
          <YAxis {...valueAxis(data.flatMap((point) => series.map((line) => point[line.key] as number | null)), valueType, tick)} tickFormatter={tick} {...axis} />
          <Tooltip
            separator={TOOLTIP_SEPARATOR}
            labelFormatter={(month) => monthTick(String(month), locale, incompleteMonth)}
            formatter={(value, name) => tooltipEntry(value, String(name), valueType, currency, locale)}
          />
          <Legend content={<ChartLegend />} />
          {series.map((line) => (
            <Line
              key={line.key}
              dataKey={line.key}
              name={line.name}
              stroke={line.color}
              strokeWidth={2}
              strokeDasharray={line.isDashed ? "4 4" : undefined}
              dot={{ r: 3 }}
              connectNulls={false}
              type="monotone"
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
