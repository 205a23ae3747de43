"use client";
// Won amount per bar — a month, or a day or Monday week for a short period — with the same days a
// year before beside it. Data in props only. The bar still running is drawn pale and starred on the
// axis (both its bars hold the same days).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDateRange, type Locale } from "@/lib/format";
import type { ChartBucket } from "@/lib/time/buckets";
import { compactMoney, dayTick, monthTick, TOOLTIP_SEPARATOR, tooltipEntry, valueAxis } from "./chart-format";
import { useIsNarrow } from "./use-narrow";
import { ChartFigure } from "./chart-figure";
import { ChartLegend } from "./chart-legend";
import { keyedBarShape } from "./keyed-bar";

type DrawnPoint = PeriodBarsPoint & { isIncomplete: boolean };
const isIncomplete = (point: DrawnPoint) => point.isIncomplete;
const currentBar = keyedBarShape((point: DrawnPoint) => point.key, isIncomplete);
const yearBeforeBar = keyedBarShape((point: DrawnPoint) => `${point.key}:year-before`, isIncomplete);

/** `key`: the bar's first day ("YYYY-MM-DD") or month ("YYYY-MM"); `from`/`to`: the days it holds. */
export type PeriodBarsPoint = { key: string; from: string; to: string; current: number; previous: number };

const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);
/** The tooltip's title: the month, the day, or the week's days ("6–12 янв 2025"). */
function barTitle(point: PeriodBarsPoint | undefined, bucket: ChartBucket, locale: Locale, incompleteKey: string | undefined): string {
  if (!point) return "";
  if (bucket === "month") return monthTick(point.key, locale, incompleteKey);
  const star = point.key === incompleteKey ? "*" : "";
  return `${formatDateRange({ from: utcDay(point.from), to: new Date(utcDay(point.to).getTime() + 86_400_000) }, "UTC", locale)}${star}`;
}

type Props = {
  /** The chart's accessible name. */
  name: string;
  data: PeriodBarsPoint[];
  bucket: ChartBucket;
  currency: string;
  locale: Locale;
  labels: { current: string; previous: string };
  height?: number;
  /** The key of the bar still running (lib/time/buckets.ts bucketKeyOf), marked as incomplete. */
  incompleteKey?: string;
  /** A click on a bar (this year's), e.g. to open the deals behind it. */
  onSelect?: (point: PeriodBarsPoint) => void;
};

export function PeriodBars({ name, data, bucket, currency, locale, labels, height = 300, incompleteKey, onSelect }: Props) {
  const isNarrow = useIsNarrow();
  const points: DrawnPoint[] = data.map((point) => ({ ...point, isIncomplete: point.key === incompleteKey }));
  const tick = (key: string) => (bucket === "month" ? monthTick(key, locale, incompleteKey) : dayTick(key, locale, incompleteKey));
  const byKey = new Map(data.map((point) => [point.key, point]));
  const moneyTick = (value: number) => compactMoney(value, currency, locale);
  return (
    <ChartFigure name={name} height={height} testId="period-bars">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart aria-label={name} data={points} margin={{ top: 8, right: 8, bottom: 0, left: isNarrow ? 0 : 8 }} barGap={isNarrow ? 1 : 2}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="key" tickFormatter={tick} tick={{ fontSize: 12, fill: "#64748b" }} tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={12} />
          <YAxis {...valueAxis(data.flatMap((point) => [point.current, point.previous]), "money", moneyTick)} tickFormatter={moneyTick} tick={{ fontSize: 12, fill: "#64748b" }} tickLine={false} axisLine={false} />
          <Tooltip
            cursor={{ fill: "#f1f5f9" }}
            separator={TOOLTIP_SEPARATOR}
            labelFormatter={(key) => barTitle(byKey.get(String(key)), bucket, locale, incompleteKey)}
            formatter={(value, name) => tooltipEntry(value, String(name), "money", currency, locale)}
          />
          {/* Sorted by key ("current" before "previous"), not by the translated name. */}
          <Legend content={<ChartLegend />} itemSorter="dataKey" />
          <Bar
            dataKey="current"
            name={labels.current}
            fill="#1f5ad6"
            radius={[4, 4, 0, 0]}
            cursor={onSelect ? "pointer" : undefined}
            shape={currentBar}
            onClick={onSelect ? (entry) => onSelect(entry.payload as PeriodBarsPoint) : undefined}
          />
          <Bar dataKey="previous" name={labels.previous} fill="#94a3b8" radius={[4, 4, 0, 0]} shape={yearBeforeBar} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
