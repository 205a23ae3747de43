// The choices of the organisation form: common currencies, zones and countries of the region,
// always with the organisation's current value, which may be one set through the API.
import type { Locale } from "@/lib/format";

export type Option = { value: string; label: string };

export const CURRENCIES = ["KZT", "RUB", "USD", "EUR", "UZS", "KGS", "BYN"] as const;
export const TIME_ZONES = [
  "Asia/Almaty",
  "Asia/Aqtobe",
  "Europe/Moscow",
  "Asia/Tashkent",
  "Asia/Bishkek",
  "Europe/Minsk",
  "Asia/Yekaterinburg",
  "Asia/Novosibirsk",
  "UTC",
] as const;
export const COUNTRIES = ["KZ", "RU", "UZ", "KG", "BY", "TJ", "AM", "AZ", "GE"] as const;

/** The list, with `current` added at the end when it is not one of them. */
export function withCurrent(values: readonly string[], current: string): string[] {
  return values.includes(current) || current === "" ? [...values] : [...values, current];
}

function displayName(locale: Locale, type: "currency" | "region", code: string): string | undefined {
  try {
    const name = new Intl.DisplayNames(locale, { type }).of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}

/** "KZT — казахстанский тенге" */
export function currencyOptions(current: string, locale: Locale): Option[] {
  return withCurrent(CURRENCIES, current).map((code) => {
    const name = displayName(locale, "currency", code);
    return { value: code, label: name ? `${code} — ${name}` : code };
  });
}

/** "Казахстан (KZ)" */
export function countryOptions(current: string, locale: Locale): Option[] {
  return withCurrent(COUNTRIES, current).map((code) => {
    const name = displayName(locale, "region", code);
    return { value: code, label: name ? `${name} (${code})` : code };
  });
}

/** "Asia/Almaty (GMT+5)": the offset as of `now`, since zones change theirs. */
export function timeZoneOptions(current: string, now = new Date()): Option[] {
  return withCurrent(TIME_ZONES, current).map((zone) => {
    const offset = zoneOffset(zone, now);
    return { value: zone, label: offset ? `${zone} (${offset})` : zone };
  });
}

function zoneOffset(zone: string, now: Date): string | undefined {
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "shortOffset" }).formatToParts(now);
    return parts.find((part) => part.type === "timeZoneName")?.value;
  } catch {
    return undefined;
  }
}
