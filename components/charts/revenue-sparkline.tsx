"use client";
// Twelve months of won revenue as a small area chart, with a tooltip. Data in props only. The month
// still running gets a hollow dot and a star in the tooltip: its revenue so far is not a fall.
import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis } from "recharts";
import type { Locale } from "@/lib/format";
import { monthTick, TOOLTIP_SEPARATOR, tooltipEntry } from "./chart-format";
import { ChartFigure } from "./chart-figure";

export type SparklinePoint = { month: string; revenue: number };

/** name: the chart's accessible name; label: the series' name in the tooltip («Выручка: 2 934 789 ₸»), not its data key. */
type Props = { name: string; data: SparklinePoint[]; currency: string; locale: Locale; label: string; height?: number; incompleteMonth?: string };
type DotProps = { cx?: number; cy?: number; payload?: SparklinePoint; index?: number };

export function RevenueSparkline({ name, data, currency, locale, label, height = 96, incompleteMonth }: Props) {
  const incompleteDot = ({ cx, cy, payload, index }: DotProps) =>
    incompleteMonth !== undefined && payload?.month === incompleteMonth && cx !== undefined && cy !== undefined ? (
      <circle key={index} cx={cx} cy={cy} r={4} fill="#fff" stroke="#1f5ad6" strokeWidth={2} strokeDasharray="2 2" data-incomplete-month={incompleteMonth} />
    ) : (
      <g key={index} />
    );
  return (
    <ChartFigure name={name} height={height} testId="revenue-sparkline">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart aria-label={name} data={data} margin={{ top: 4, right: 4, bottom: 0, left: 4 }}>
          <XAxis dataKey="month" hide />
          <Tooltip
            separator={TOOLTIP_SEPARATOR}
            labelFormatter={(month) => monthTick(String(month), locale, incompleteMonth)}
            formatter={(value) => tooltipEntry(value, label, "money", currency, locale)}
          />
          <Area type="monotone" dataKey="revenue" name={label} stroke="#1f5ad6" strokeWidth={2} fill="#1f5ad6" fillOpacity={0.12} isAnimationActive={false} dot={incompleteDot} />
        </AreaChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
