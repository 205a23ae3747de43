// Sales by month: won deals per month of their won date (in the organisation's time zone), with
// the same month a year before, in the base currency at the rate of each deal's close date. A
// period still running is compared to date (lib/time/comparison.ts): this December so far against
// the same days of last December. Its chart is drawn by day or Monday week when the period is short
// (lib/time/buckets.ts), so "the last 30 days" is thirty bars rather than two.
// Read from the daily rollups kept current on write (lib/reports/facts).
import { sql } from "drizzle-orm";
import { reportDealDaily } from "@/db/schema";
import { selectRows } from "@/db/migrate";
import { comparePeriods } from "@/lib/time/comparison";
import { bucketsOf, chartBucketOf, type BucketSpan, type ChartBucket } from "@/lib/time/buckets";
import type { Period } from "@/lib/time/months";
import { averageMoney, monthsOf } from "./deal-sql";
import { dayWithin } from "./facts/query";
import { reportRows } from "./filters";
import type { ReportContext, ReportDefinition } from "./report";

export type SalesByMonthRow = {
  month: string;
  wonCount: number;
  wonAmount: string;
  /** wonAmount ÷ wonCount; null for a month without won deals. */
  averageAmount: string | null;
  previousYearWonAmount: string;
};
export type SalesByMonthTotals = Omit<SalesByMonthRow, "month">;
/** A bar of the chart: the won figures of the days `from`–`to` (inclusive) of the bar starting at `key`. */
export type SalesChartPoint = BucketSpan & { wonCount: number; wonAmount: string; previousYearWonAmount: string };
/**
 * `previousYearPeriod`: the days the year-before figures count (the same days as the period's so far).
 * `chart`: the bars, by month like `rows`, or by day or Monday week when the period is short.
 */
export type SalesByMonthResult = {
  rows: SalesByMonthRow[];
  totals: SalesByMonthTotals;
  previousYearPeriod: Period;
  chart: { bucket: ChartBucket; points: SalesChartPoint[] };
};

type WonGroup = { month: string | null; wonCount: number; wonAmount: string };

const bucketLabel: Record<ChartBucket, string> = { day: "YYYY-MM-DD", week: "YYYY-MM-DD", month: "YYYY-MM" };

/**
 * Won deals closed in `period`, grouped by month (labelled `yearsLater` years after the close, so a
 * year-before period lands on this year's months); the row with month null is the period's total.
 * Summed from the daily rollup of closed deals (docs/reports.md).
 */
export function wonByMonth(context: ReportContext, period: Period, yearsLater: number): Promise<Map<string | null, WonGroup>> {
  return wonByBucket(context, period, yearsLater, "month");
}

/**
 * The same by day, Monday week or month, keyed by the bar's first day ("YYYY-MM-DD"; "YYYY-MM" for a
 * month). A year-before day is shifted a year first, so last year's 3 December lands on this year's
 * 3 December and in this year's week that holds it.
 */
async function wonByBucket(context: ReportContext, period: Period, yearsLater: number, bucket: ChartBucket): Promise<Map<string | null, WonGroup>> {
  const { org } = context;
  const r = reportDealDaily;
  const shiftedDay = sql`(${r.day} + make_interval(years => ${yearsLater}::int))`;
  const bucketDay = bucket === "week" ? sql`date_trunc('week', ${shiftedDay})` : shiftedDay;
  const rows = await selectRows<WonGroup>(
    context.db,
    sql`select won.month, sum(won.deals)::int as "wonCount", coalesce(sum(won.amount), 0)::numeric(18,2)::text as "wonAmount"
      from (
        select to_char(${bucketDay}, ${bucketLabel[bucket]}) as month, ${r.deals} as deals, ${r.amount} as amount
        from ${r}
        where ${reportRows(context, r)} and ${r.kind} = 'closed' and ${r.semantic} = 'won' and ${dayWithin(r.day, period, org.timezone)}
      ) won
      group by grouping sets ((won.month), ())`,
  );
  return new Map(rows.map((row) => [row.month, row]));
}

/** The chart's bars: the month rows themselves for a long period, a query by day or week for a short one. */
async function chartOf(context: ReportContext, current: Period, previous: Period, rows: SalesByMonthRow[]): Promise<SalesByMonthResult["chart"]> {
  const bucket = chartBucketOf(context.period, context.org.timezone);
  const spans = bucketsOf(context.period, context.org.timezone, bucket);
  if (bucket === "month") {
    const byMonth = new Map(rows.map((row) => [row.month, row]));
    return { bucket, points: spans.map((span) => ({ ...span, ...pointFigures(byMonth.get(span.key)) })) };
  }
  const [won, wonYearBefore] = await Promise.all([wonByBucket(context, current, 0, bucket), wonByBucket(context, previous, 1, bucket)]);
  const points = spans.map((span) => {
    const group = won.get(span.key);
    return { ...span, wonCount: group?.wonCount ?? 0, wonAmount: group?.wonAmount ?? "0.00", previousYearWonAmount: wonYearBefore.get(span.key)?.wonAmount ?? "0.00" };
  });
  return { bucket, points };
}

function pointFigures(row: SalesByMonthRow | undefined): Omit<SalesChartPoint, keyof BucketSpan> {
  return { wonCount: row?.wonCount ?? 0, wonAmount: row?.wonAmount ?? "0.00", previousYearWonAmount: row?.previousYearWonAmount ?? "0.00" };
}

export async function getSalesByMonth(context: ReportContext): Promise<SalesByMonthResult> {
  const { period, org } = context;
  // The year before is the same days shifted back twelve months, so a period starting on the 15th
  // is compared with the year before from the 15th too, and one running until today up to today.
  const comparison = comparePeriods(period, org.timezone, context.now, { months: 12 });
  const [current, yearBefore] = await Promise.all([wonByMonth(context, comparison.current, 0), wonByMonth(context, comparison.previous, 1)]);
  const figures = (month: string | null): SalesByMonthTotals => {
    const won = current.get(month);
    const wonCount = won?.wonCount ?? 0;
    const wonAmount = won?.wonAmount ?? "0.00";
    return { wonCount, wonAmount, averageAmount: averageMoney(wonAmount, wonCount), previousYearWonAmount: yearBefore.get(month)?.wonAmount ?? "0.00" };
  };
  const rows = monthsOf(period, org.timezone).map((month) => ({ month, ...figures(month) }));
  const chart = await chartOf(context, comparison.current, comparison.previous, rows);
  return { rows, totals: figures(null), previousYearPeriod: comparison.previous, chart };
}

export const salesByMonthReport: ReportDefinition<SalesByMonthResult> = { name: "sales-by-month", run: getSalesByMonth };
