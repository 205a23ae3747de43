// SQL and JSON helpers shared by the deal reports (sales by month, funnel, overview KPIs):
// which deals a report may count, money and ratio formats, and the months of a period.
import { TZDate } from "@date-fns/tz";
import { addMonths, format, startOfMonth } from "date-fns";
import { and, isNull, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { deals } from "@/db/schema";
import { scopeCondition } from "@/lib/auth/scope";
import type { Period } from "@/lib/time/months";
import { filterConditions } from "./filters";
import type { ReportContext } from "./report";

/** Deals the viewer may see, matching the filters (pipeline included unless told not to), never deleted ones. */
export function visibleDeals(context: Pick<ReportContext, "scope" | "filters">, options: { withPipeline?: boolean } = {}): SQL {
  const table = options.withPipeline === false ? { sourceId: deals.sourceId, crmUserId: deals.crmUserId } : deals;
  return and(scopeCondition(context.scope, deals), isNull(deals.deletedAt), ...filterConditions(context.filters, table))!;
}

/** An instant as a bound timestamptz parameter (the same on PGlite and postgres-js). */
export function instant(date: Date): SQL {
  return sql`${date.toISOString()}::timestamptz`;
}

/** `column` within [from, to). */
export function within(column: SQL | AnyColumn, period: Period): SQL {
  return sql`(${column} >= ${instant(period.from)} and ${column} < ${instant(period.to)})`;
}

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

/** The same period shifted by whole months in the organisation's time zone (−12: a year before). */
export function shiftPeriod(period: Period, timeZone: string, months: number): Period {
  const shift = (date: Date) => new Date(addMonths(new TZDate(date.getTime(), timeZone), months).getTime());
  return { from: shift(period.from), to: shift(period.to) };
}
