"use client";
// The average tone of the analysed texts by month (−1…1) as a line with a dot on each month, the
// neutral band (±0.2) shaded. Data in props only.
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { localeTag, type Locale } from "@/lib/format";
import { monthTick, TOOLTIP_SEPARATOR } from "./chart-format";
import { ChartFigure } from "./chart-figure";
import { useIsNarrow } from "./use-narrow";

export type SentimentPoint = { month: string; averageSentiment: number | null };

export function SentimentLine({ name, data, label, locale, incompleteMonth }: { name: string; data: SentimentPoint[]; label: string; locale: Locale; incompleteMonth?: string }) {
  const isNarrow = useIsNarrow();
  const decimal = new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 2, signDisplay: "exceptZero" });
  const axis = { tick: { fontSize: 12, fill: "#64748b" }, tickLine: false, axisLine: false } as const;
  return (
    <ChartFigure name={name} height={260} testId="sentiment-line">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart aria-label={name} data={data} margin={{ top: 8, right: 8, bottom: 0, left: isNarrow ? 0 : 8 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <ReferenceArea y1={-0.2} y2={0.2} fill="#f1f5f9" fillOpacity={0.8} />
          <ReferenceLine y={0} stroke="#94a3b8" />
          <XAxis dataKey="month" tickFormatter={(month: string) => monthTick(month, locale, incompleteMonth)} interval="preserveStartEnd" minTickGap={12} {...axis} />
          <YAxis domain={[-1, 1]} ticks={[-1, -0.5, 0, 0.5, 1]} tickFormatter={(value: number) => decimal.format(value)} width={isNarrow ? 40 : 48} {...axis} />
          <Tooltip separator={TOOLTIP_SEPARATOR} labelFormatter={(month) => monthTick(String(month), locale, incompleteMonth)} formatter={(value) => [typeof value === "number" ? decimal.format(value) : "—", label]} />
          <Line dataKey="averageSentiment" name={label} stroke="#1f5ad6" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} connectNulls={false} type="monotone" />
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
