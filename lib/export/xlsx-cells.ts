// Excel's side of a typed cell: the value it stores (numbers as numbers, dates as dates) and the
// number format it shows them with (₸ ₽ $ money, percentages, dates).
import { MONEY_DECIMALS, POINTS_UNIT, type Locale } from "@/lib/format";
import { neutraliseFormula, toNumber, wallClockDate, type Instant } from "./cells";
import type { CellType } from "./model";

const symbols: Record<string, { symbol: string; before: boolean }> = {
  KZT: { symbol: "₸", before: false },
  RUB: { symbol: "₽", before: false },
  USD: { symbol: "$", before: true },
  EUR: { symbol: "€", before: false },
  UZS: { symbol: "сўм", before: false },
  KGS: { symbol: "сом", before: false },
  BYN: { symbol: "Br", before: false },
};

/** `#,##0 "₸"` (a figure), `"$"#,##0.00` (a record's amount); an unknown currency shows its code after the number. */
export function moneyFormat(currency: string, decimals: number): string {
  const known = symbols[currency] ?? { symbol: currency, before: false };
  const number = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  return known.before ? `"${known.symbol}"${number}` : `${number} "${known.symbol}"`;
}

export function numberFormat(type: CellType, currency: string, locale: Locale): string | undefined {
  switch (type) {
    case "integer":
      return "#,##0";
    case "money":
      return moneyFormat(currency, MONEY_DECIMALS.figure);
    case "amount":
      return moneyFormat(currency, MONEY_DECIMALS.record);
    case "percent":
      return "0.0%";
    case "points": {
      const unit = `" ${POINTS_UNIT[locale]}"`;
      return `+0.0${unit};-0.0${unit};0${unit}`;
    }
    case "decimal":
      return "#,##0.0";
    case "month":
      return "mmmm yyyy";
    case "datetime":
      return locale === "ru" ? "dd.mm.yyyy hh:mm" : "yyyy-mm-dd hh:mm";
    case "text":
      return undefined;
  }
}

export type XlsxValue = string | number | Date | null;

export function xlsxValue(type: CellType, value: unknown, timeZone: string): XlsxValue {
  if (value === null || value === undefined || value === "") return null;
  switch (type) {
    case "integer":
    case "money":
    case "amount":
    case "percent":
    case "decimal":
      return toNumber(value);
    case "points": {
      // Stored in points (1.4), not as the fraction (0.014): a format cannot scale without a % sign.
      const fraction = toNumber(value);
      return fraction === null ? null : Math.round(fraction * 10_000) / 100;
    }
    case "month": {
      const [year, month] = String(value).split("-").map(Number);
      return new Date(Date.UTC(year, month - 1, 1));
    }
    case "datetime":
      return wallClockDate(value as Instant, timeZone);
    case "text":
      // Excel does not run a string cell, but the same file may be re-saved as CSV.
      return neutraliseFormula(String(value));
  }
}

/** Column width in characters: the longest of the header and the first rows, within 8…50. */
export function columnWidth(header: string, samples: string[]): number {
  const longest = Math.max(header.length, ...samples.map((sample) => sample.length));
  return Math.min(50, Math.max(8, longest + 2));
}

/** Excel forbids []:*?/\ and more than 31 characters in a sheet name; names must be unique. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, " ").trim().slice(0, 31) || "Sheet";
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}
