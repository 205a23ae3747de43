"use client";
// Twelve months of won revenue as a small area chart, with a tooltip. Data in props only.
import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis } from "recharts";
import { formatMoney, type Locale } from "@/lib/format";
import { shortMonth } from "./chart-format";

export type SparklinePoint = { month: string; revenue: number };

export function RevenueSparkline({ data, currency, locale, height = 96 }: { data: SparklinePoint[]; currency: string; locale: Locale; height?: number }) {
  return (
    <div style={{ height }} data-testid="revenue-sparkline">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 4 }}>
          <XAxis dataKey="month" hide />
          <Tooltip labelFormatter={(month) => shortMonth(String(month), locale)} formatter={(value) => formatMoney(Number(value), currency, locale)} />
          <Area type="monotone" dataKey="revenue" stroke="#1f5ad6" strokeWidth={2} fill="#1f5ad6" fillOpacity={0.12} isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
