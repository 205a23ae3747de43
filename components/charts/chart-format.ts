// Axis and tooltip labels of the charts: short month names and compact money in the locale.
import { niceAxis } from "@/lib/charts/nice-ticks";
import { formatMoney, formatNumber, formatRate, type Locale, localeTag } from "@/lib/format";

/** "2025-03" → "мар ’25" / "Mar ’25" (mid-month in UTC, so no time zone moves it). */
export function shortMonth(month: string, locale: Locale): string {
  const [year, monthIndex] = month.split("-").map(Number);
  const name = new Intl.DateTimeFormat(localeTag(locale), { month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(year, monthIndex - 1, 15)));
  return `${name.replace(/\.$/, "")} ’${String(year).slice(2)}`;
}

/** 1 234 567 → "1,2 млн ₸" / "₸1.2M". */
export function compactMoney(amount: number, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(localeTag(locale), { style: "currency", currency, currencyDisplay: "narrowSymbol", notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(amount);
}

/** A category label cut to `max` characters with "…": Recharts wraps a label onto two lines, a phone's axis has room for no more. */
function shortLabel(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** The name axis of a horizontal bar chart (managers, stages): `width` px, 112 on a phone with long names cut. */
export function nameAxis(isNarrow: boolean, width: number) {
  return {
    type: "category",
    dataKey: "name",
    width: isNarrow ? 112 : width,
    tickFormatter: isNarrow ? (name: string) => shortLabel(name, 26) : undefined,
    tick: { fontSize: 12, fill: "#334155" },
    tickLine: false,
    axisLine: false,
    interval: 0,
  } as const;
}

/** The month ("YYYY-MM") that holds `today` ("YYYY-MM-DD", the organisation's date): its figures are incomplete. */
export function monthOfToday(today: string | undefined): string | undefined {
  return today?.slice(0, 7);
}

/** A month's axis label, with "*" on the month still running (the note under the chart explains it). */
export function monthTick(month: string, locale: Locale, incompleteMonth: string | undefined): string {
  return `${shortMonth(month, locale)}${month === incompleteMonth ? "*" : ""}`;
}

/** A day's axis label ("YYYY-MM-DD" → "6 янв" / "Jan 6"), with "*" on the day or week still running. */
export function dayTick(day: string, locale: Locale, incompleteKey: string | undefined): string {
  const name = new Intl.DateTimeFormat(localeTag(locale), { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
  return `${name.replace(/\.$/, "")}${day === incompleteKey ? "*" : ""}`;
}

export type ChartValueType = "integer" | "money" | "percent";

/** A figure in full, as a tooltip shows it: "2 934 789 ₸", "1 234", "23,5 %". */
export function chartValue(value: number, valueType: ChartValueType, currency: string | null, locale: Locale): string {
  if (valueType === "money" && currency !== null) return formatMoney(value, currency, locale);
  if (valueType === "percent") return formatRate(value, locale);
  return formatNumber(value, locale);
}

/** Recharts writes "name : value"; both languages write "name: value" (no space before the colon). */
export const TOOLTIP_SEPARATOR = ": ";

/**
 * A tooltip line's value and name: Recharts' `formatter` answers [value, name]. The name is the
 * series' translated name (never its data key, "revenue"), or the slice's own name for a donut.
 */
export function tooltipEntry(value: unknown, name: string, valueType: ChartValueType, currency: string | null, locale: Locale): [string, string] {
  return [chartValue(Number(value), valueType, currency, locale), name];
}

/**
 * A value axis's round ticks (0, 50 000, 100 000 …), the same steps the PDF export draws
 * (lib/charts/nice-ticks.ts): Recharts' own steps land on 35 000 or 45 000. Spread into YAxis/XAxis.
 * Given the tick labels' formatter, it also sets the axis wide enough for the longest label: a fixed
 * 60 px cut «12,5 млн ₸» to «2,5 млн ₸» on a phone — a wrong figure, not just a short one.
 */
export function valueAxis(values: (number | null | undefined)[], valueType: ChartValueType): { ticks: number[]; domain: [number, number] };
export function valueAxis(values: (number | null | undefined)[], valueType: ChartValueType, label: (value: number) => string): { ticks: number[]; domain: [number, number]; width: number };
export function valueAxis(values: (number | null | undefined)[], valueType: ChartValueType, label?: (value: number) => string) {
  const axis = niceAxis(values, { isInteger: valueType === "integer" });
  return label ? { ...axis, width: tickLabelWidth(axis.ticks.map(label)) } : axis;
}

/** Pixels for the longest of these labels at the charts' 12 px: about 7 px a character, plus the gap to the plot. */
export function tickLabelWidth(labels: string[]): number {
  const longest = Math.max(0, ...labels.map((label) => label.length));
  return Math.max(40, Math.ceil(longest * 7) + 8);
}
