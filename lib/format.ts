// Money, numbers and dates for a locale, in the organisation's currency and time zone.
export type Locale = "ru" | "en";

const tags: Record<Locale, string> = { ru: "ru-RU", en: "en-US" };

/** The BCP 47 tag Intl formats a locale with: the one map from our locales to Intl's. */
export function localeTag(locale: Locale): string {
  return tags[locale];
}

/**
 * The one decimals rule for money, on screen and in the PDF and Excel files: a report's figure (a
 * sum, an average, a stage's amount) in whole units; one record's own amount (a deal, a shop order,
 * an ad-spend entry) to the kopeck, as is a total row under a column of them. docs/glossary.md.
 */
export const MONEY_DECIMALS = { figure: 0, record: 2 } as const;

/** "1 234 568 ₸" / "₸1,234,568": narrow symbols, so tenge and rouble show as ₸ and ₽. */
export function formatMoney(amount: string | number, currency: string, locale: Locale, fractionDigits: number = MONEY_DECIMALS.figure): string {
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

/** "1 янв 2026" / "Jan 1, 2026": the one way a date is written. */
export function formatDate(date: Date, timeZone: string, locale: Locale): string {
  return plainRussianDate(new Intl.DateTimeFormat(tags[locale], { day: "numeric", month: "short", year: "numeric", timeZone }).format(date), locale);
}

/** Intl writes "1 янв. 2026 г."; Russian interfaces write "1 янв 2026": no abbreviation dots, no "г.". */
function plainRussianDate(text: string, locale: Locale): string {
  return locale === "ru" ? text.replace(/\s?г\./g, "").replace(/(\p{L})\./gu, "$1") : text;
}

/**
 * An inclusive span of days, [from, to) as instants: "1 янв – 6 дек 2025" / "Jan 1 – Dec 6, 2025",
 * "1 дек 2025 – 6 янв 2026"; one day alone is one date. Russian loses the abbreviation dots and "г.".
 */
export function formatDateRange(period: { from: Date; to: Date }, timeZone: string, locale: Locale): string {
  const lastDay = new Date(Math.max(period.from.getTime(), period.to.getTime() - 1));
  const text = new Intl.DateTimeFormat(tags[locale], { day: "numeric", month: "short", year: "numeric", timeZone }).formatRange(period.from, lastDay);
  return plainRussianDate(text, locale);
}

/** Russian typesetting writes a minus as "−" (U+2212), not the hyphen Intl gives. */
export function typographicMinus(text: string, locale: Locale): string {
  return locale === "ru" ? text.replace(/-(?=\d)/g, "\u2212") : text;
}

/** "1 янв 2026, 14:05" / "Jan 1, 2026, 2:05 PM". */
export function formatDateTime(date: Date, timeZone: string, locale: Locale): string {
  return plainRussianDate(new Intl.DateTimeFormat(tags[locale], { day: "numeric", month: "short", year: "numeric", hour: locale === "ru" ? "2-digit" : "numeric", minute: "2-digit", timeZone }).format(date), locale);
}

/** Relative change between two figures, or null when there is nothing to compare with. */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return ((current - previous) / previous) * 100;
}

/** 0.2345 → "23,5 %" / "23.5%"; null (nothing to divide by) → "—". */
export function formatRate(rate: number | null, locale: Locale): string {
  if (rate === null) return "—";
  return new Intl.NumberFormat(tags[locale], { style: "percent", maximumFractionDigits: 1 }).format(rate);
}

const pointsUnit: Record<Locale, string> = { ru: "п.п.", en: "pp" };

/**
 * A rate's change in percentage points, the way a KPI card and the files show it: the fraction
 * 0.014 → "+1,4 п.п." / "+1.4 pp", one decimal, Russian minus "−"; a change that rounds to 0 → "0 п.п.".
 */
export function formatPoints(change: number, locale: Locale): string {
  const points = Math.round(change * 1000) / 10;
  if (points === 0) return `0 ${pointsUnit[locale]}`;
  const signed = new Intl.NumberFormat(tags[locale], { maximumFractionDigits: 1, signDisplay: "always" }).format(points);
  return typographicMinus(`${signed}\u00a0${pointsUnit[locale]}`, locale);
}

/** The unit of percentage points in a language, for a spreadsheet's number format. */
export const POINTS_UNIT: Readonly<Record<Locale, string>> = pointsUnit;

/** A report's month key "2025-03" → "март 2025" / "March 2025". */
export function formatMonthKey(month: string, locale: Locale): string {
  const [year, index] = month.split("-").map(Number);
  return formatMonth(new Date(Date.UTC(year, index - 1, 15)), "UTC", locale);
}

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * The one way a count meets its noun: "434 клиента", "101 клиент", "1 601 клиент", "5 клиентов" /
 * "1 customer", "2 customers". Intl.PluralRules picks the form of the number as written (at most one
 * decimal: "12,5 дня"), and the locale writes it with its thousands separator.
 */
export function formatPlural(count: number, forms: PluralForms, locale: Locale): string {
  const digits = { maximumFractionDigits: 1 };
  const form = new Intl.PluralRules(tags[locale], digits).select(count);
  return (forms[form] ?? forms.other).replace("{n}", new Intl.NumberFormat(tags[locale], digits).format(count));
}

/** A report's period [from, to) as the inclusive dates the filter bar shows, in the org's time zone. */
export function periodDates(period: { from: string; to: string }, timeZone: string): { from: string; to: string } {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  return { from: day.format(new Date(period.from)), to: day.format(new Date(Date.parse(period.to) - 1)) };
}
