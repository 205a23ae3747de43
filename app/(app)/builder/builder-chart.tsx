"use client";
// The built report's chart: one measure (the pivot's) along the first dimension, one series per value
// of the second. Bars, a line, areas or a pie (the first dimension's slices). Data in props only.
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Line, LineChart, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { tickLabelWidth } from "@/components/charts/chart-format";
import { ChartFigure } from "@/components/charts/chart-figure";
import { useIsNarrow } from "@/components/charts/use-narrow";
import type { ChartType } from "@/lib/reports/builder/catalogue";

export type ChartSeries = { key: string; name: string };
/** One point per first-dimension value: `name` on the axis, a number per series key. */
export type ChartPoint = { name: string } & Record<string, number | string>;

const colors = ["#1f5ad6", "#0ea5e9", "#14b8a6", "#22c55e", "#eab308", "#f97316", "#ef4444", "#a855f7", "#64748b", "#ec4899"];

/** `format` writes a value in full (the tooltip); `axisFormat` a tick, compact for money («12,5 млн ₸»). */
type Props = { name: string; type: Exclude<ChartType, "table">; points: ChartPoint[]; series: ChartSeries[]; format: (value: number) => string; axisFormat: (value: number) => string };

/** The tallest point: the stacked sum for bars and areas, the largest series for a line. */
function tallest(points: ChartPoint[], series: ChartSeries[], isStacked: boolean): number {
  const heights = points.map((point) => {
    const values = series.map((s) => Number(point[s.key] ?? 0));
    return isStacked ? values.reduce((sum, value) => sum + value, 0) : Math.max(0, ...values);
  });
  return Math.max(0, ...heights);
}

export function BuilderChart({ name, type, points, series, format, axisFormat }: Props) {
  const isNarrow = useIsNarrow();
  // As wide as the top tick's label, a character to spare (Recharts rounds the top up): a fixed width cut labels to a wrong figure.
  const axisWidth = tickLabelWidth([`${axisFormat(tallest(points, series, type !== "line"))}0`]);
  const tooltip = <Tooltip formatter={(value) => format(Number(value))} />;
  const axes = [
    <CartesianGrid key="grid" strokeDasharray="3 3" vertical={false} />,
    <XAxis key="x" dataKey="name" tick={{ fontSize: 12 }} interval="preserveStartEnd" />,
    <YAxis key="y" width={axisWidth} tick={{ fontSize: 12 }} tickFormatter={(value) => axisFormat(Number(value))} />,
  ];
  const chart =
    type === "pie" ? (
      <PieChart aria-label={name}>
        <Pie data={points.map((point, i) => ({ name: point.name, value: Number(point[series[0]?.key] ?? 0), fill: colors[i % colors.length] }))} dataKey="value" nameKey="name" innerRadius="50%" outerRadius="90%" />
        {tooltip}
      </PieChart>
    ) : type === "line" ? (
      <LineChart data={points} aria-label={name}>
        {axes}
        {tooltip}
        {series.map((s, i) => <Line key={s.key} dataKey={s.key} name={s.name} stroke={colors[i % colors.length]} dot={false} isAnimationActive={false} />)}
      </LineChart>
    ) : type === "area" ? (
      <AreaChart data={points} aria-label={name}>
        {axes}
        {tooltip}
        {series.map((s, i) => <Area key={s.key} dataKey={s.key} name={s.name} stackId="a" stroke={colors[i % colors.length]} fill={colors[i % colors.length]} fillOpacity={0.3} isAnimationActive={false} />)}
      </AreaChart>
    ) : (
      <BarChart data={points} aria-label={name}>
        {axes}
        {tooltip}
        {series.map((s, i) => <Bar key={s.key} dataKey={s.key} name={s.name} stackId="a" fill={colors[i % colors.length]} isAnimationActive={false} />)}
      </BarChart>
    );
  return (
    <ChartFigure name={name} testId="builder-chart">
      <div style={{ height: isNarrow ? 240 : 320 }}>
        <ResponsiveContainer width="100%" height="100%">
          {chart}
        </ResponsiveContainer>
      </div>
      {series.length > 1 ? (
        <ul className="mt-3 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-slate-600">
          {series.map((s, i) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: colors[i % colors.length] }} aria-hidden />
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
    </ChartFigure>
  );
}
