"use client";
// Twelve months of won revenue as a small area chart, with a tooltip. Data in props only. The month
// still running gets a hollow dot and a star in the tooltip: its revenue so far is not a fall.
// Labelled without a value axis: the first and last months under it, the best month's revenue above
// its point, so the line reads as "мар ’25 … фев ’26, at most 2,9 млн ₸" without hovering.
import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis } from "recharts";
import type { Locale } from "@/lib/format";
import { compactMoney, monthTick, TOOLTIP_SEPARATOR, tooltipEntry } from "./chart-format";
import { ChartFigure } from "./chart-figure";

export type SparklinePoint = { month: string; revenue: number };

/** name: the chart's accessible name; label: the series' name in the tooltip («Выручка: 2 934 789 ₸»), not its data key. */
type Props = { name: string; data: SparklinePoint[]; currency: string; locale: Locale; label: string; height?: number; incompleteMonth?: string };
type DotProps = { cx?: number; cy?: number; payload?: SparklinePoint; index?: number };
type LabelProps = { x?: number | string; y?: number | string; index?: number };

export function RevenueSparkline({ name, data, currency, locale, label, height = 96, incompleteMonth }: Props) {
  const incompleteDot = ({ cx, cy, payload, index }: DotProps) =>
    incompleteMonth !== undefined && payload?.month === incompleteMonth && cx !== undefined && cy !== undefined ? (
      <circle key={index} cx={cx} cy={cy} r={4} fill="#fff" stroke="#1f5ad6" strokeWidth={2} strokeDasharray="2 2" data-incomplete-month={incompleteMonth} />
    ) : (
      <g key={index} />
    );
  // The best month (the first of equals), labelled unless the whole year is empty.
  const peak = data.reduce((best, point, index) => (point.revenue > data[best].revenue ? index : best), 0);
  const peakLabel = ({ x, y, index }: LabelProps) =>
    index === peak && data[peak]?.revenue > 0 ? (
      <text key="peak" x={Number(x)} y={Number(y) - 6} textAnchor="middle" fontSize={11} fill="#334155" data-testid="sparkline-peak">
        {compactMoney(data[peak].revenue, currency, locale)}
      </text>
    ) : null;
  const ends = data.length > 1 ? [data[0].month, data[data.length - 1].month] : data.map((point) => point.month);
  return (
    <ChartFigure name={name} height={height} testId="revenue-sparkline">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart aria-label={name} data={data} margin={{ top: 18, right: 24, bottom: 0, left: 24 }}>
          <XAxis dataKey="month" ticks={ends} interval={0} tickFormatter={(month: string) => monthTick(month, locale, incompleteMonth)} tick={{ fontSize: 11, fill: "#64748b" }} tickLine={false} axisLine={false} height={18} />
          <Tooltip
            separator={TOOLTIP_SEPARATOR}
            labelFormatter={(month) => monthTick(String(month), locale, incompleteMonth)}
            formatter={(value) => tooltipEntry(value, label, "money", currency, locale)}
          />
          <Area type="monotone" dataKey="revenue" name={label} stroke="#1f5ad6" strokeWidth={2} fill="#1f5ad6" fillOpacity={0.12} isAnimationActive={false} dot={incompleteDot} label={peakLabel} />
        </AreaChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
