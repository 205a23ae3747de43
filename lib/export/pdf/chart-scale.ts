// The value axis's labels of a PDF chart (its round ticks: lib/charts/nice-ticks.ts): short labels ("1,2 млн ₸", "25 %").
import { formatMoney, formatRate, localeTag, type Locale } from "@/lib/format";
import type { CellType } from "../model";

export function axisLabel(value: number, type: CellType, locale: Locale, currency: string): string {
  if (type === "percent") return formatRate(value, locale);
  if (type === "money" && Math.abs(value) < 10_000) return formatMoney(value, currency, locale);
  const compact = new Intl.NumberFormat(localeTag(locale), { notation: "compact", maximumFractionDigits: 1 }).format(value);
  return type === "money" ? `${compact} ${formatMoney(0, currency, locale).replace(/[\d\s.,]/g, "")}` : compact;
}
