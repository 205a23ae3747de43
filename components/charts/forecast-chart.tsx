"use client";
// The revenue forecast: actual revenue per month as a line, the forecast as a dashed line, and the
// 95 % and 80 % intervals as two shaded bands around it. Data in props only.
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Locale } from "@/lib/format";
import { compactMoney, monthTick, TOOLTIP_SEPARATOR, tooltipEntry, valueAxis } from "./chart-format";
import { ChartFigure } from "./chart-figure";
import { ChartLegend } from "./chart-legend";
import { useIsNarrow } from "./use-narrow";

export type ForecastChartPoint = { month: string; actual: number | null; forecast: number | null; band80: [number, number] | null; band95: [number, number] | null };
type Labels = { actual: string; forecast: string; band80: string; band95: string };

export function ForecastChart({ name, data, labels, currency, locale, incompleteMonth }: { name: string; data: ForecastChartPoint[]; labels: Labels; currency: string; locale: Locale; incompleteMonth?: string }) {
  const isNarrow = useIsNarrow();
  const axis = { tick: { fontSize: 12, fill: "#64748b" }, tickLine: false, axisLine: false } as const;
  const values = data.flatMap((point) => [point.actual, point.forecast, ...(point.band95 ?? [])]);
  const moneyTick = (value: number) => compactMoney(value, currency, locale);
  const money = (value: unknown) => (Array.isArray(value) ? value.map((v) => tooltipEntry(v, "", "money", currency, locale)[0]).join(" – ") : tooltipEntry(value, "", "money", currency, locale)[0]);
  return (
    <ChartFigure name={name} height={320} testId="forecast-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart aria-label={name} data={data} margin={{ top: 8, right: 8, bottom: 0, left: isNarrow ? 0 : 8 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="month" tickFormatter={(month: string) => monthTick(month, locale, incompleteMonth)} interval="preserveStartEnd" minTickGap={12} {...axis} />
          <YAxis {...valueAxis(values, "money", moneyTick)} tickFormatter={moneyTick} {...axis} />
          <Tooltip separator={TOOLTIP_SEPARATOR} labelFormatter={(month) => monthTick(String(month), locale, incompleteMonth)} formatter={(value, label) => [money(value), String(label)]} />
          <Legend content={<ChartLegend />} />
          <Area dataKey="band95" name={labels.band95} stroke="none" fill="#bfdbfe" fillOpacity={0.5} isAnimationActive={false} connectNulls={false} />
          <Area dataKey="band80" name={labels.band80} stroke="none" fill="#60a5fa" fillOpacity={0.45} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="actual" name={labels.actual} stroke="#0f172a" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} connectNulls={false} type="monotone" />
          <Line dataKey="forecast" name={labels.forecast} stroke="#1d4ed8" strokeWidth={2} strokeDasharray="5 4" dot={{ r: 3 }} isAnimationActive={false} connectNulls={false} type="monotone" />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
