// Money, numbers and dates for a locale, in the organisation's currency and time zone.
export type Locale = "ru" | "en";

const tags: Record<Locale, string> = { ru: "ru-RU", en: "en-US" };

/** "1 234 568 ₸" / "₸1,234,568": narrow symbols, so tenge and rouble show as ₸ and ₽. */
export function formatMoney(amount: string | number, currency: string, locale: Locale, fractionDigits = 0): string {
  return new Intl.NumberFormat(tags[locale], {
    style: "currency",
    currency,
    currencyDisplay: "narrowSymbol",
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(Number(amount));
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(tags[locale]).format(value);
}

/** "март 2025" / "March 2025", the month as the organisation's time zone sees it. */
export function formatMonth(date: Date, timeZone: string, locale: Locale): string {
  const text = new Intl.DateTimeFormat(tags[locale], { month: "long", year: "numeric", timeZone }).format(date);
  return locale === "ru" ? text.replace(/\s?г\.$/, "") : text;
}

export function formatDate(date: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tags[locale], { day: "numeric", month: "short", year: "numeric", timeZone }).format(date);
}

export function formatDateTime(date: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

/** Relative change between two figures, or null when there is nothing to compare with. */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return ((current - previous) / previous) * 100;
}
