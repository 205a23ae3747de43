"use client";
// Won amount per month as bars, with the same month a year before beside it. Data in props only.
// The month still running is drawn pale and starred on the axis (both its bars hold the same days).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { type Locale } from "@/lib/format";
import { compactMoney, monthTick, TOOLTIP_SEPARATOR, tooltipEntry, valueAxis } from "./chart-format";
import { useIsNarrow } from "./use-narrow";
import { ChartFigure } from "./chart-figure";
import { ChartLegend } from "./chart-legend";
import { keyedBarShape } from "./keyed-bar";

type DrawnPoint = MonthlyBarsPoint & { isIncomplete: boolean };
const isIncomplete = (point: DrawnPoint) => point.isIncomplete;
const monthBar = keyedBarShape((point: DrawnPoint) => point.month, isIncomplete);
const yearBeforeBar = keyedBarShape((point: DrawnPoint) => `${point.month}:year-before`, isIncomplete);

export type MonthlyBarsPoint = { month: string; current: number; previous: number };

type Props = {
  /** The chart's accessible name. */
  name: string;
  data: MonthlyBarsPoint[];
  currency: string;
  locale: Locale;
  labels: { current: string; previous: string };
  height?: number;
  /** The month still running ("YYYY-MM"), marked as incomplete. */
  incompleteMonth?: string;
  /** A click on a month's bar (this year's), e.g. to open the deals behind it. */
  onSelectMonth?: (month: string) => void;
};

export function MonthlyBars({ name, data, currency, locale, labels, height = 300, incompleteMonth, onSelectMonth }: Props) {
  const isNarrow = useIsNarrow();
  const points: DrawnPoint[] = data.map((point) => ({ ...point, isIncomplete: point.month === incompleteMonth }));
  return (
    <ChartFigure name={name} height={height} testId="monthly-bars">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart aria-label={name} data={points} margin={{ top: 8, right: 8, bottom: 0, left: isNarrow ? 0 : 8 }} barGap={isNarrow ? 1 : 2}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="month" tickFormatter={(month: string) => monthTick(month, locale, incompleteMonth)} tick={{ fontSize: 12, fill: "#64748b" }} tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={12} />
          <YAxis {...valueAxis(data.flatMap((point) => [point.current, point.previous]), "money")} tickFormatter={(value: number) => compactMoney(value, currency, locale)} tick={{ fontSize: 12, fill: "#64748b" }} tickLine={false} axisLine={false} width={isNarrow ? 60 : 80} />
          <Tooltip
            cursor={{ fill: "#f1f5f9" }}
            separator={TOOLTIP_SEPARATOR}
            labelFormatter={(month) => monthTick(String(month), locale, incompleteMonth)}
            formatter={(value, name) => tooltipEntry(value, String(name), "money", currency, locale)}
          />
          {/* Sorted by key ("current" before "previous"), not by the translated name. */}
          <Legend content={<ChartLegend />} itemSorter="dataKey" />
          <Bar
            dataKey="current"
            name={labels.current}
            fill="#1f5ad6"
            radius={[4, 4, 0, 0]}
            cursor={onSelectMonth ? "pointer" : undefined}
            shape={monthBar}
            onClick={onSelectMonth ? (entry) => onSelectMonth((entry.payload as MonthlyBarsPoint).month) : undefined}
          />
          <Bar dataKey="previous" name={labels.previous} fill="#94a3b8" radius={[4, 4, 0, 0]} shape={yearBeforeBar} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
