// A chart's month label, short enough for twelve to fit under an A4 chart: "янв. 25" / "Jan 25".
import { localeTag, type Locale } from "@/lib/format";

const shortMonths: Record<Locale, Intl.DateTimeFormat> = {
  ru: new Intl.DateTimeFormat(localeTag("ru"), { month: "short", year: "2-digit", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat(localeTag("en"), { month: "short", year: "2-digit", timeZone: "UTC" }),
};

export function chartMonth(month: string, locale: Locale): string {
  const [year, index] = month.split("-").map(Number);
  return shortMonths[locale].format(new Date(Date.UTC(year, index - 1, 15))).replace(/\s?г\.$/, "");
}
