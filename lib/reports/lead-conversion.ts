// Lead conversion: leads created in the period, how many were converted (whenever that happened)
// and the median days to conversion, in total and by month of creation, source and manager.
// The lead facts (converted or not, when) are shared with the leads-by-source report.
import { and, eq, gte, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import { crmUsers, deals, leads } from "@/db/schema";
import { scopeCondition } from "@/lib/auth/scope";
import { filterConditions } from "./filters";
import type { ReportContext, ReportDefinition } from "./report";

export type LeadConversionFigures = {
  leads: number;
  converted: number;
  /** converted ÷ leads, four decimals; null when there are no leads. */
  conversionRate: number | null;
  /** Median days from the lead's creation to its conversion, one decimal; null when none converted. */
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
 * What the lead reports share: the leads created in the period inside the scope and filters, each
 * joined to the creation of its first non-deleted deal. A lead is converted when the CRM says so or
 * a deal points to it; it converted at `converted_at`, else when that first deal was created.
 */
export function leadFacts({ db, scope, filters, period }: ReportContext) {
  // Deals are not scoped here: a lead in scope is converted whoever's deal points to it.
  const firstDeal = db
    .select({ leadId: deals.leadId, createdAt: sql<Date>`min(${deals.createdAt})`.as("first_deal_at") })
    .from(deals)
    .where(and(eq(deals.orgId, scope.orgId), isNull(deals.deletedAt), isNotNull(deals.leadId)))
    .groupBy(deals.leadId)
    .as("first_deal");
  const isConverted = sql`(${leads.statusSemantic} = 'converted' or ${firstDeal.createdAt} is not null)`;
  const convertedAt = sql`coalesce(${leads.convertedAt}, ${firstDeal.createdAt})`;
  // Converted with no known date: no days to count. A deal created before its lead (linked
  // afterwards) counts as zero days, not negative ones.
  const days = sql`case when ${isConverted} and ${convertedAt} is not null
    then greatest(0, extract(epoch from (${convertedAt} - ${leads.createdAt})) / 86400)::float8 end`;
  const where: SQL = and(
    scopeCondition(scope, leads),
    isNull(leads.deletedAt),
    gte(leads.createdAt, period.from),
    lt(leads.createdAt, period.to),
    // leads have no pipeline: the pipeline filter does not apply to them
    ...filterConditions(filters, leads),
  )!;
  /** The source key: the channel, with empty and blank channels counted as "not set". */
  const source = sql<string | null>`nullif(btrim(${leads.channel}), '')`;
  const utmSource = sql<string | null>`nullif(btrim(${leads.utmSource}), '')`;
  const counts = {
    leads: sql<number>`count(*)::int`,
    converted: sql<number>`(count(*) filter (where ${isConverted}))::int`,
  };
  const medianDays = sql<string | null>`round((percentile_cont(0.5) within group (order by ${days}))::numeric, 1)::text`;
  return { where, source, utmSource, counts, medianDays, firstDeal };
}

export const fraction = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10000) / 10000);

type FigureRow = { leads: number; converted: number; medianDays: string | null };
const figures = (row: FigureRow): LeadConversionFigures => ({
  leads: row.leads,
  converted: row.converted,
  conversionRate: fraction(row.converted, row.leads),
  medianDaysToConvert: row.medianDays === null ? null : Number(row.medianDays),
});

export async function getLeadConversion(context: ReportContext): Promise<LeadConversionResult> {
  const { db, org } = context;
  const { where, source, counts, medianDays, firstDeal } = leadFacts(context);
  const [totalRows, monthRows, sourceRows, managerRows] = await Promise.all([
    db.select({ ...counts, medianDays }).from(leads).leftJoin(firstDeal, eq(firstDeal.leadId, leads.id)).where(where),
    db
      .select({ month: sql<string>`to_char(${leads.createdAt} at time zone ${org.timezone}, 'YYYY-MM')`, ...counts, medianDays })
      .from(leads)
      .leftJoin(firstDeal, eq(firstDeal.leadId, leads.id))
      .where(where)
      // by position: the time zone is a bound parameter, so the expression cannot be repeated
      .groupBy(sql`1`),
    db.select({ source, ...counts, medianDays }).from(leads).leftJoin(firstDeal, eq(firstDeal.leadId, leads.id)).where(where).groupBy(sql`1`),
    db
      .select({ managerId: leads.crmUserId, managerName: crmUsers.name, ...counts, medianDays })
      .from(leads)
      .leftJoin(firstDeal, eq(firstDeal.leadId, leads.id))
      .leftJoin(crmUsers, eq(crmUsers.id, leads.crmUserId))
      .where(where)
      .groupBy(leads.crmUserId, crmUsers.name),
  ]);
  const byMonth = monthRows.map((row) => ({ month: row.month, ...figures(row) })).sort((a, b) => a.month.localeCompare(b.month));
  return {
    rows: byMonth,
    totals: figures(totalRows[0] ?? { leads: 0, converted: 0, medianDays: null }),
    byMonth,
    bySource: sortByLeads(sourceRows.map((row) => ({ source: row.source, sourceName: row.source, ...figures(row) })), (row) => row.source),
    byManager: managerRows
      .map((row) => ({ managerId: row.managerId, managerName: row.managerName, ...figures(row) }))
      .sort((a, b) => (a.managerId === null ? 1 : b.managerId === null ? -1 : (a.managerName ?? "").localeCompare(b.managerName ?? "", "ru"))),
  };
}

/** Most leads first; ties by name; "not set" (null) last among equals. */
export function sortByLeads<R extends { leads: number }>(rows: R[], name: (row: R) => string | null): R[] {
  return rows.sort((a, b) => b.leads - a.leads || compareNullLast(name(a), name(b)));
}

function compareNullLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, "ru");
}

export const leadConversionReport: ReportDefinition<LeadConversionResult> = { name: "lead-conversion", run: getLeadConversion };
