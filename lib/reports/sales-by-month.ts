// Sales by month: won deals per month of their won date (in the organisation's time zone), with
// the same month a year before, in the base currency at the rate of each deal's close date. A
// period still running is compared to date (lib/time/comparison.ts): this December so far against
// the same days of last December.
// Read from the daily rollups kept current on write (lib/reports/facts).
import { sql } from "drizzle-orm";
import { reportDealDaily } from "@/db/schema";
import { selectRows } from "@/db/migrate";
import { comparePeriods } from "@/lib/time/comparison";
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
/** `previousYearPeriod`: the days the year-before figures count (the same days as the period's so far). */
export type SalesByMonthResult = { rows: SalesByMonthRow[]; totals: SalesByMonthTotals; previousYearPeriod: Period };

type WonGroup = { month: string | null; wonCount: number; wonAmount: string };

/**
 * Won deals closed in `period`, grouped by month (labelled `yearsLater` years after the close, so a
 * year-before period lands on this year's months); the row with month null is the period's total.
 * Summed from the daily rollup of closed deals (docs/reports.md).
 */
export async function wonByMonth(context: ReportContext, period: Period, yearsLater: number): Promise<Map<string | null, WonGroup>> {
  const { org } = context;
  const r = reportDealDaily;
  const rows = await selectRows<WonGroup>(
    context.db,
    sql`select won.month, sum(won.deals)::int as "wonCount", coalesce(sum(won.amount), 0)::numeric(18,2)::text as "wonAmount"
      from (
        select to_char(${r.day} + make_interval(years => ${yearsLater}::int), 'YYYY-MM') as month, ${r.deals} as deals, ${r.amount} as amount
        from ${r}
        where ${reportRows(context, r)} and ${r.kind} = 'closed' and ${r.semantic} = 'won' and ${dayWithin(r.day, period, org.timezone)}
      ) won
      group by grouping sets ((won.month), ())`,
  );
  return new Map(rows.map((row) => [row.month, row]));
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
  return { rows: monthsOf(period, org.timezone).map((month) => ({ month, ...figures(month) })), totals: figures(null), previousYearPeriod: comparison.previous };
}

export const salesByMonthReport: ReportDefinition<SalesByMonthResult> = { name: "sales-by-month", run: getSalesByMonth };
