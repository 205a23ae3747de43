// One typed cell, three renderings: the CSV text, the Excel value, the PDF text. Keeping them
// together is what makes the three files show the same numbers.
import { formatMoney, formatMonthKey, formatPoints, MONEY_DECIMALS, formatNumber, formatRate, localeTag, type Locale } from "@/lib/format";
import type { CellType } from "./model";

/** A decimal string or number as a number; null and "" stay empty. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === "") return null;
  const number = typeof value === "number" ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();
const HOUR = 3_600_000;

function askIntl(ms: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    offsetFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * The zone's offset from UTC in ms at `ms`. Intl is slow per call (a million-row export would
 * spend most of its time there), so each UTC hour is asked once — unless the offset changes inside
 * that hour (a transition of a half-hour zone), which is then asked per value.
 */
function zoneOffset(ms: number, timeZone: string): number {
  const hourStart = Math.floor(ms / HOUR) * HOUR;
  const key = `${timeZone}|${hourStart}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const offset = askIntl(hourStart, timeZone);
  if (askIntl(hourStart + HOUR - 1000, timeZone) !== offset) return askIntl(ms, timeZone);
  if (offsetCache.size > 200_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

const pad = (value: number) => (value < 10 ? `0${value}` : String(value));

/** An instant as a Date, an ISO string or epoch ms (the deals table hands over ISO strings). */
export type Instant = Date | string | number;
const msOf = (value: Instant) => (typeof value === "number" ? value : typeof value === "string" ? Date.parse(value) : value.getTime());

/** "2025-03-01 15:04" in the given zone: sortable, and what Excel parses as a date-time. */
export function localDateTime(instant: Instant, timeZone: string): string {
  const ms = msOf(instant);
  const local = new Date(ms + zoneOffset(ms, timeZone));
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** The same wall-clock time as a UTC Date: Excel has no zones, so the org's local time is stored (to the minute). */
export function wallClockDate(instant: Instant, timeZone: string): Date {
  const ms = msOf(instant);
  const local = ms + zoneOffset(ms, timeZone);
  return new Date(local - (local % 60_000));
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type CsvNumberStyle = { decimal: "," | "." };

/** CSV: plain numbers without grouping (so spreadsheets parse them), percent as "23,45". */
export function csvCell(type: CellType, value: unknown, style: CsvNumberStyle, timeZone: string): string {
  if (value === null || value === undefined) return "";
  const decimal = (text: string) => (style.decimal === "," ? text.replace(".", ",") : text);
  switch (type) {
    case "integer":
      return String(value);
    case "money":
    case "amount":
      return decimal(Number(value).toFixed(2));
    case "percent":
    case "points":
      return decimal(String(Math.round(Number(value) * 10000) / 100));
    case "decimal":
      return decimal(String(value));
    case "month":
      return String(value);
    case "datetime":
      return localDateTime(value as Instant, timeZone);
    case "text":
      return neutraliseFormula(String(value));
  }
}

const dayFormats: Record<Locale, Intl.NumberFormat> = {
  ru: new Intl.NumberFormat(localeTag("ru"), { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat(localeTag("en"), { maximumFractionDigits: 1 }),
};

/** PDF: as the dashboard shows it — "1 234 568 ₸", "23,5 %", "март 2025"; empty is "—". */
export function displayCell(type: CellType, value: unknown, locale: Locale, currency: string, timeZone: string): string {
  if (value === null || value === undefined || value === "") return type === "text" ? "" : "—";
  switch (type) {
    case "integer":
      return formatNumber(Number(value), locale);
    case "money":
      return formatMoney(String(value), currency, locale, MONEY_DECIMALS.figure);
    case "amount":
      return formatMoney(String(value), currency, locale, MONEY_DECIMALS.record);
    case "percent":
      return formatRate(Number(value), locale);
    case "points":
      return formatPoints(Number(value), locale);
    case "decimal":
      return dayFormats[locale].format(Number(value));
    case "month":
      return formatMonthKey(String(value), locale);
    case "datetime":
      return localDateTime(value as Instant, timeZone);
    case "text":
      return String(value);
  }
}
