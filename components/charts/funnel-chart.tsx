"use client";
// A pipeline's funnel: one horizontal bar per stage, as long as the deals that reached it, coloured by
// the stage's semantic (open stages in brand blue, then won in green and lost in red). Data in props.
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, type Locale } from "@/lib/format";
import { nameAxis, TOOLTIP_SEPARATOR, tooltipEntry, valueAxis } from "./chart-format";
import { ChartFigure } from "./chart-figure";
import { keyedBarShape } from "./keyed-bar";
import { useIsNarrow } from "./use-narrow";

export type FunnelChartStage = { stageId: string; name: string; semantic: "open" | "won" | "lost"; reached: number };

/** name: the chart's accessible name; label: what a bar counts (its tooltip). */
type Props = { name: string; data: FunnelChartStage[]; locale: Locale; label: string; onSelectStage?: (stageId: string) => void };

const colors = { open: "#1f5ad6", won: "#16a34a", lost: "#dc2626" } as const;
const stageBar = keyedBarShape((stage: FunnelChartStage) => stage.stageId);

export function FunnelChart({ name, data, locale, label, onSelectStage }: Props) {
  // One bar is 36 px high, so a long pipeline gets a taller chart instead of thinner bars.
  const isNarrow = useIsNarrow();
  const height = Math.max(160, data.length * 36 + 24);
  return (
    <ChartFigure name={name} height={height} testId="funnel-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart aria-label={name} data={data} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 8 }} barCategoryGap={6}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" {...valueAxis(data.map((stage) => stage.reached), "integer")} tickFormatter={(value: number) => formatNumber(value, locale)} tick={{ fontSize: 12, fill: "#64748b" }} tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={12} />
          <YAxis {...nameAxis(isNarrow, 160)} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} separator={TOOLTIP_SEPARATOR} formatter={(value) => tooltipEntry(value, label, "integer", null, locale)} />
          <Bar
            dataKey="reached"
            name={label}
            radius={[0, 4, 4, 0]}
            cursor={onSelectStage ? "pointer" : undefined}
            shape={stageBar}
            onClick={onSelectStage ? (entry) => onSelectStage((entry.payload as FunnelChartStage).stageId) : undefined}
          >
            {data.map((stage) => (
              <Cell key={stage.stageId} fill={colors[stage.semantic]} />
            ))}
            <LabelList dataKey="reached" position="right" formatter={(value) => formatNumber(Number(value), locale)} style={{ fontSize: 12, fill: "#334155" }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
