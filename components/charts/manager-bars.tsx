"use client";
// One horizontal bar per manager: won amount (money) or activities (a count). Data in props only.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, type Locale } from "@/lib/format";
import { compactMoney, nameAxis, TOOLTIP_SEPARATOR, tooltipEntry, valueAxis } from "./chart-format";
import { ChartFigure } from "./chart-figure";
import { keyedBarShape } from "./keyed-bar";
import { useIsNarrow } from "./use-narrow";

export type ManagerBarsPoint = { key: string; name: string; value: number };

const managerBar = keyedBarShape((point: ManagerBarsPoint) => point.key);

type Props = {
  /** The chart's accessible name. */
  name: string;
  data: ManagerBarsPoint[];
  /** A currency makes the values money; without one they are counts. */
  currency: string | null;
  locale: Locale;
  label: string;
  /** A click on a manager's bar, with the point's key. */
  onSelect?: (key: string) => void;
};

export function ManagerBars({ name, data, currency, locale, label, onSelect }: Props) {
  const isNarrow = useIsNarrow();
  const height = Math.max(160, data.length * 32 + 40);
  const tick = (value: number) => (currency === null ? formatNumber(value, locale) : compactMoney(value, currency, locale));
  return (
    <ChartFigure name={name} height={height} testId="manager-bars">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart aria-label={name} data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} barCategoryGap={6}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" {...valueAxis(data.map((point) => point.value), currency === null ? "integer" : "money")} tickFormatter={tick} tick={{ fontSize: 12, fill: "#64748b" }} tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={12} />
          <YAxis {...nameAxis(isNarrow, 180)} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} separator={TOOLTIP_SEPARATOR} formatter={(value) => tooltipEntry(value, label, currency === null ? "integer" : "money", currency, locale)} />
          <Bar
            dataKey="value"
            name={label}
            fill="#1f5ad6"
            radius={[0, 4, 4, 0]}
            cursor={onSelect ? "pointer" : undefined}
            shape={managerBar}
            onClick={onSelect ? (entry) => onSelect((entry.payload as ManagerBarsPoint).key) : undefined}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
