"use client";
// Objections by type as stacked horizontal bars, one bar per category (a manager, a month, a reason
// of loss). Data in props only; each type keeps its colour on every chart of the page.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, type Locale } from "@/lib/format";
import { nameAxis, TOOLTIP_SEPARATOR, tooltipEntry, valueAxis } from "./chart-format";
import { ChartFigure } from "./chart-figure";
import { ChartLegend } from "./chart-legend";
import { keyedBarShape } from "./keyed-bar";
import { useIsNarrow } from "./use-narrow";

export const OBJECTION_COLOURS: Record<string, string> = {
  price: "#1f5ad6",
  timing: "#0ea5e9",
  competitor: "#e11d48",
  trust: "#f59e0b",
  need: "#10b981",
  authority: "#8b5cf6",
  other: "#64748b",
};

/** One category: its key, its shown name, and a count per series key. */
export type ObjectionBarsPoint = { key: string; name: string } & Record<string, number | string>;
type Series = { key: string; label: string };

const bar = keyedBarShape((point: ObjectionBarsPoint) => point.key);

export function ObjectionBars({ name, data, series, locale, testId }: { name: string; data: ObjectionBarsPoint[]; series: Series[]; locale: Locale; testId: string }) {
  const isNarrow = useIsNarrow();
  const height = Math.max(180, data.length * 34 + 80);
  const totals = data.map((point) => series.reduce((sum, s) => sum + Number(point[s.key] ?? 0), 0));
  return (
    <ChartFigure name={name} height={height} testId={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart aria-label={name} data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} barCategoryGap={6}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" {...valueAxis(totals, "integer")} tickFormatter={(value: number) => formatNumber(value, locale)} tick={{ fontSize: 12, fill: "#64748b" }} tickLine={false} axisLine={false} allowDecimals={false} />
          <YAxis {...nameAxis(isNarrow, 160)} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} separator={TOOLTIP_SEPARATOR} formatter={(value, label) => tooltipEntry(value, String(label), "integer", null, locale)} />
          <Legend content={<ChartLegend />} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="objections" fill={OBJECTION_COLOURS[s.key] ?? "#1f5ad6"} shape={bar} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
