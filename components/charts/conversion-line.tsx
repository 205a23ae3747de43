"use client";
// Leads created per month as bars (left axis) and the share of them converted as a line (right axis).
// Data in props only. Two scales on one chart: each axis carries its title, so a reader does not take
// the rate's 20 % for 20 leads.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, localeTag, type Locale } from "@/lib/format";
import { monthTick, TOOLTIP_SEPARATOR, tooltipEntry, valueAxis } from "./chart-format";
import { useIsNarrow } from "./use-narrow";
import { ChartFigure } from "./chart-figure";
import { ChartLegend } from "./chart-legend";

/** rate: converted ÷ leads as a fraction; null for a month with no leads (the line skips it). */
export type ConversionPoint = { month: string; leads: number; rate: number | null };

/** name: the chart's accessible name; incompleteMonth: the month still running ("YYYY-MM"), starred on the axis. */
type Props = { name: string; data: ConversionPoint[]; locale: Locale; labels: { leads: string; rate: string }; height?: number; incompleteMonth?: string };

export function ConversionLine({ name, data, locale, labels, height = 300, incompleteMonth }: Props) {
  const isNarrow = useIsNarrow();
  // Room for the ticks and, beside them, the axis title written upwards.
  const axisWidth = isNarrow ? 60 : 72;
  const percent = new Intl.NumberFormat(localeTag(locale), { style: "percent", maximumFractionDigits: 1 });
  const axis = { tick: { fontSize: 12, fill: "#64748b" }, tickLine: false, axisLine: false } as const;
  const axisTitle = { fontSize: 12, fill: "#475569", textAnchor: "middle" } as const;
  return (
    <ChartFigure name={name} height={height} testId="conversion-line">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart aria-label={name} data={data} margin={{ top: 8, right: isNarrow ? 0 : 8, bottom: 0, left: isNarrow ? 0 : 8 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="month" tickFormatter={(month: string) => monthTick(month, locale, incompleteMonth)} interval="preserveStartEnd" minTickGap={12} {...axis} />
          <YAxis
            yAxisId="leads"
            {...valueAxis(data.map((point) => point.leads), "integer")}
            tickFormatter={(value: number) => formatNumber(value, locale)}
            width={axisWidth}
            label={{ value: labels.leads, angle: -90, position: "insideLeft", style: axisTitle }}
            {...axis}
          />
          <YAxis
            yAxisId="rate"
            orientation="right"
            {...valueAxis(data.map((point) => point.rate), "percent")}
            tickFormatter={(value: number) => percent.format(value)}
            width={axisWidth}
            label={{ value: labels.rate, angle: 90, position: "insideRight", style: axisTitle }}
            {...axis}
          />
          <Tooltip
            cursor={{ fill: "#f1f5f9" }}
            separator={TOOLTIP_SEPARATOR}
            labelFormatter={(month) => monthTick(String(month), locale, incompleteMonth)}
            formatter={(value, name, item) => tooltipEntry(value, String(name), item.dataKey === "rate" ? "percent" : "integer", null, locale)}
          />
          {/* Sorted by key ("leads" before "rate"), not by the translated name. */}
          <Legend content={<ChartLegend />} itemSorter="dataKey" />
          <Bar yAxisId="leads" dataKey="leads" name={labels.leads} fill="#93c5fd" radius={[4, 4, 0, 0]} />
          <Line yAxisId="rate" dataKey="rate" name={labels.rate} stroke="#1f5ad6" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} type="monotone" />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
