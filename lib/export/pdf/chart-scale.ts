// The value axis of a PDF chart: round tick values and short labels ("1,2 млн ₸", "25 %").
import { formatMoney, formatRate, localeTag, type Locale } from "@/lib/format";
import type { CellType } from "../model";

/** About five round ticks from a value at or below `min` to one at or above `max`. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (max === min) return [min, min + 1];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let tick = Math.floor(min / step) * step; tick < max + step / 2; tick += step) ticks.push(Math.round(tick * 1e9) / 1e9);
  return ticks;
}

export function axisLabel(value: number, type: CellType, locale: Locale, currency: string): string {
  if (type === "percent") return formatRate(value, locale);
  if (type === "money" && Math.abs(value) < 10_000) return formatMoney(value, currency, locale);
  const compact = new Intl.NumberFormat(localeTag(locale), { notation: "compact", maximumFractionDigits: 1 }).format(value);
  return type === "money" ? `${compact} ${formatMoney(0, currency, locale).replace(/[\d\s.,]/g, "")}` : compact;
}
