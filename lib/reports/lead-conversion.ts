// Lead conversion: leads created in the period, how many were converted (whenever that happened)
// and the median days to conversion, in total and by month of creation, source and manager.
// Counts come from the daily lead rollup (shared with the leads-by-source report), medians from the
// per-lead facts (lib/reports/facts).
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { selectRows } from "@/db/migrate";
import { crmUsers, reportLeadDaily, reportLeadDaysMonthly, reportLeadFacts } from "@/db/schema";
import { compareNullLast } from "./compare";
import { dayWithin, localDay, wholeMonths } from "./facts/query";
import { reportRows } from "./filters";
import type { ReportContext, ReportDefinition } from "./report";

export type LeadConversionFigures = {
  leads: number;
  converted: number;
  /** converted ÷ leads, four decimals; null when there are no leads. */
  conversionRate: number | null;
  /** Median days from the lead's creation to its conversion (each rounded to a tenth), one decimal; null when none converted. */
  medianDaysToConvert: number | null;
};
export type LeadConversionResult = {
  rows: ({ month: string } & LeadConversionFigures)[];
  totals: LeadConversionFigures;
  byMonth: ({ month: string } & LeadConversionFigures)[];
  /** source: the lead's channel as the CRM names it; null (and sourceName null) when not set. */
  bySource: ({ source: string | null; sourceName: string | null } & LeadConversionFigures)[];
  /** managerId null: leads with no manager (admins only). */
  byManager: ({ managerId: string | null; managerName: string | null } & LeadConversionFigures)[];
};

/**
 * What the lead reports share: the daily lead rollup (dimension "channel" or "utm") inside the scope
 * and filters, for leads created in the period. A lead is converted when the CRM says so or a live
 * deal points to it, whenever that happened (lib/reports/facts/fact-sql.ts). Leads have no pipeline:
 * the pipeline filter does not apply to them.
 */
export function leadRollup(context: ReportContext, dimension: "channel" | "utm") {
  const r = reportLeadDaily;
  const where: SQL = and(reportRows(context, r), eq(r.dimension, dimension), dayWithin(r.day, context.period, context.org.timezone))!;
  const counts = {
    leads: sql<number>`sum(${r.leads})::int`,
    converted: sql<number>`sum(${r.converted})::int`,
  };
  return { r, where, counts };
}

type FigureRow = { leads: number; converted: number; medianDays: string | null };

/**
 * Median days to conversion over the converted leads with a date, each rounded to a tenth of a day
 * (the precision shown), for the total and each month, source and manager. No sum gives a median,
 * but counts per rounded value do: whole months come from the monthly histogram, the days of partial
 * months from the per-lead facts, and the median is read off the cumulative counts.
 */
async function medianDays(context: ReportContext) {
  const { period, org } = context;
  const h = reportLeadDaysMonthly;
  const f = reportLeadFacts;
  const fromDay = localDay(period.from, org.timezone);
  const toDay = localDay(period.to, org.timezone);
  const months = wholeMonths(fromDay, toDay);
  const rows = await selectRows<{ dimension: string; key: string | null; medianDays: string }>(
    context.db,
    sql`with counted as (
        select ${h.month} as month, ${h.crmUserId} as crm_user_id, ${h.channel} as channel, ${h.tenths} as tenths, ${h.leads} as n
        from ${h}
        where ${reportRows(context, h)} and ${h.month} >= ${months.from}::date and ${h.month} < ${months.to}::date and ${h.leads} > 0
        union all
        select date_trunc('month', ${f.day})::date, ${f.crmUserId}, ${f.channel}, (round(${f.daysToConvert}::numeric, 1) * 10)::int, 1
        from ${f}
        where ${reportRows(context, f)} and ${f.daysToConvert} is not null
          and ((${f.day} >= ${fromDay}::date and ${f.day} < ${months.from}::date) or (${f.day} >= ${months.to}::date and ${f.day} < ${toDay}::date))
      ),
      histogram as (
        select case when grouping(month) = 0 then 'month' when grouping(channel) = 0 then 'source'
            when grouping(crm_user_id) = 0 then 'manager' else 'total' end as dimension,
          coalesce(to_char(month, 'YYYY-MM'), channel, crm_user_id::text) as key, tenths, sum(n) as n
        from counted
        group by grouping sets ((tenths), (month, tenths), (channel, tenths), (crm_user_id, tenths))
      ),
      cumulative as (
        select dimension, key, tenths, sum(n) over (partition by dimension, key order by tenths) as upto, sum(n) over (partition by dimension, key) as total
        from histogram
      )
      -- the values at 0-based ranks floor((n − 1) / 2) and floor(n / 2), averaged
      select dimension, key,
        round((min(tenths) filter (where upto > floor((total - 1) / 2)) + min(tenths) filter (where upto > floor(total / 2))) / 20.0, 1)::text as "medianDays"
      from cumulative
      group by dimension, key`,
  );
  const of = new Map(rows.map((row) => [`${row.dimension}|${row.key ?? ""}`, row.medianDays]));
  return (dimension: "total" | "month" | "source" | "manager", key: string | null) => of.get(`${dimension}|${key ?? ""}`) ?? null;
}

export const fraction = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10000) / 10000);

const figures = (row: FigureRow): LeadConversionFigures => ({
  leads: row.leads,
  converted: row.converted,
  conversionRate: fraction(row.converted, row.leads),
  medianDaysToConvert: row.medianDays === null ? null : Number(row.medianDays),
});

export async function getLeadConversion(context: ReportContext): Promise<LeadConversionResult> {
  const { db, scope } = context;
  const { r, where } = leadRollup(context, "channel");
  // One read of the rollup for the total and every month, source and manager.
  const counted = selectRows<{ dimension: "total" | "month" | "source" | "manager"; key: string | null; leads: number; converted: number }>(
    db,
    sql`select case when grouping(to_char(${r.day}, 'YYYY-MM')) = 0 then 'month' when grouping(${r.value}) = 0 then 'source'
          when grouping(${r.crmUserId}) = 0 then 'manager' else 'total' end as dimension,
        coalesce(to_char(${r.day}, 'YYYY-MM'), ${r.value}, ${r.crmUserId}::text) as key,
        sum(${r.leads})::int as leads, sum(${r.converted})::int as converted
      from ${r}
      where ${where}
      group by grouping sets ((), (to_char(${r.day}, 'YYYY-MM')), (${r.value}), (${r.crmUserId}))`,
  );
  const [rows, median] = await Promise.all([counted, medianDays(context)]);
  const of = (dimension: string) => rows.filter((row) => row.dimension === dimension && row.leads > 0);
  const managerIds = of("manager").flatMap((row) => (row.key === null ? [] : [row.key]));
  const names = new Map(
    managerIds.length
      ? (await db.select({ id: crmUsers.id, name: crmUsers.name }).from(crmUsers).where(and(eq(crmUsers.orgId, scope.orgId), inArray(crmUsers.id, managerIds)))).map((u) => [u.id, u.name])
      : [],
  );
  const byMonth = of("month")
    .map((row) => ({ month: row.key!, ...figures({ ...row, medianDays: median("month", row.key) }) }))
    .sort((a, b) => a.month.localeCompare(b.month));
  const [total] = of("total");
  return {
    rows: byMonth,
    totals: figures({ leads: total?.leads ?? 0, converted: total?.converted ?? 0, medianDays: total ? median("total", null) : null }),
    byMonth,
    bySource: sortByLeads(
      of("source").map((row) => ({ source: row.key, sourceName: row.key, ...figures({ ...row, medianDays: median("source", row.key) }) })),
      (row) => row.source,
    ),
    byManager: of("manager")
      .map((row) => ({ managerId: row.key, managerName: row.key ? (names.get(row.key) ?? null) : null, ...figures({ ...row, medianDays: median("manager", row.key) }) }))
      .sort((a, b) => (a.managerId === null ? 1 : b.managerId === null ? -1 : (a.managerName ?? "").localeCompare(b.managerName ?? "", "ru"))),
  };
}

/** Most leads first; ties by name; "not set" (null) last among equals. */
export function sortByLeads<R extends { leads: number }>(rows: R[], name: (row: R) => string | null): R[] {
  return rows.sort((a, b) => b.leads - a.leads || compareNullLast(name(a), name(b)));
}

export const leadConversionReport: ReportDefinition<LeadConversionResult> = { name: "lead-conversion", run: getLeadConversion };
