"use client";
// Leads per source as a donut with its legend in the data's order (most leads first). Data in props only.
import { Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import type { Locale } from "@/lib/format";
import { ChartFigure } from "./chart-figure";
import { TOOLTIP_SEPARATOR, tooltipEntry } from "./chart-format";

export type SourcePieSlice = { name: string; leads: number };

const colors = ["#1f5ad6", "#0ea5e9", "#14b8a6", "#22c55e", "#eab308", "#f97316", "#ef4444", "#a855f7", "#64748b", "#ec4899"];

/** name: the chart's accessible name; label: what a slice counts (its tooltip). */
type Props = { name: string; data: SourcePieSlice[]; locale: Locale; label: string; height?: number };

export function SourcePie({ name, data, locale, label, height = 260 }: Props) {
  const slices = data.map((slice, index) => ({ ...slice, fill: colors[index % colors.length] }));
  return (
    <ChartFigure name={name} testId="source-pie">
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <PieChart aria-label={name}>
            <Pie data={slices} dataKey="leads" nameKey="name" name={label} innerRadius="55%" outerRadius="90%" paddingAngle={1} stroke="#fff" />
            {/* Each slice's tooltip names the slice («Instagram: 120»), not the series. */}
            <Tooltip separator={TOOLTIP_SEPARATOR} formatter={(value, name) => tooltipEntry(value, String(name), "integer", null, locale)} />
          </PieChart>
        </ResponsiveContainer>
      </div>
      {/* Recharts' own legend sorts by name; this one keeps the table's order. */}
      <ul className="mt-3 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-slate-600">
        {slices.map((slice) => (
          <li key={slice.name} className="flex items-center gap-1.5">
            <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: slice.fill }} aria-hidden />
            {slice.name}
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}
