// SQL and JSON helpers shared by the deal reports (sales by month, funnel, overview KPIs):
// money and ratio formats, and the months of a period.
import { TZDate } from "@date-fns/tz";
import { addMonths, format, startOfMonth } from "date-fns";
import { sql, type SQL } from "drizzle-orm";
import type { Period } from "@/lib/time/months";

/** A sum of money as a decimal string with two places, "0.00" for no rows. */
export function moneySum(amount: SQL): SQL<string> {
  return sql<string>`coalesce(sum(${amount}), 0)::numeric(18,2)::text`;
}

/** a ÷ b as a fraction with four decimals, null when b is 0. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : Math.round((a / b) * 10_000) / 10_000;
}

/** Money string ÷ count as a money string, null when the count is 0. */
export function averageMoney(amount: string, count: number): string | null {
  if (count === 0) return null;
  const cents = toCents(amount);
  // round half away from zero, in integer cents so no float touches the money
  const n = BigInt(count);
  const quotient = (2n * cents + (cents >= 0n ? n : -n)) / (2n * n);
  return fromCents(quotient);
}

export function toCents(amount: string): bigint {
  const negative = amount.startsWith("-");
  const [whole, fraction = ""] = amount.replace("-", "").split(".");
  const cents = BigInt(whole || "0") * 100n + BigInt((fraction + "00").slice(0, 2));
  return negative ? -cents : cents;
}

export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** Every month ("YYYY-MM") that [from, to) touches, in the organisation's time zone. */
export function monthsOf(period: Period, timeZone: string): string[] {
  const months: string[] = [];
  for (let month = startOfMonth(new TZDate(period.from.getTime(), timeZone)); month.getTime() < period.to.getTime(); month = addMonths(month, 1)) {
    months.push(format(month, "yyyy-MM"));
  }
  return months;
}

