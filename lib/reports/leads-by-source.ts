// Leads by source: leads created in the period per source (the lead's channel) and per utm_source,
// each with its share of all leads and how many of them were converted (whenever that happened).
import { fraction, leadRollup, sortByLeads } from "./lead-conversion";
import { getFormLeadsSummary, type FormLeadsSummary } from "./form-leads";
import type { ReportContext, ReportDefinition } from "./report";

export type LeadSourceRow = {
  /** The channel as the CRM names it (also the key); null when the lead has none. */
  source: string | null;
  /** The same name, null for "not set": the page names that row in the viewer's language. */
  sourceName: string | null;
  leads: number;
  /** This row's leads ÷ all leads in the period, four decimals. */
  share: number | null;
  converted: number;
  conversionRate: number | null;
};
export type LeadsBySourceResult = {
  rows: LeadSourceRow[];
  /** The same keys, with `source` and `sourceName` holding the utm_source (null when none). */
  byUtmSource: LeadSourceRow[];
  totals: { leads: number; converted: number; conversionRate: number | null };
  /** Site forms: submissions that reached the CRM and those lost on the way (./form-leads.ts). */
  forms: FormLeadsSummary;
};

export async function getLeadsBySource(context: ReportContext): Promise<LeadsBySourceResult> {
  const grouped = (dimension: "channel" | "utm") => {
    const { r, where, counts } = leadRollup(context, dimension);
    return context.db.select({ key: r.value, ...counts }).from(r).where(where).groupBy(r.value);
  };
  const [sourceRows, utmRows, forms] = await Promise.all([grouped("channel"), grouped("utm"), getFormLeadsSummary(context)]);
  const total = sourceRows.reduce((sum, row) => ({ leads: sum.leads + row.leads, converted: sum.converted + row.converted }), { leads: 0, converted: 0 });
  const toRows = (rows: typeof sourceRows) =>
    sortByLeads(
      rows.map((row) => ({
        source: row.key,
        sourceName: row.key,
        leads: row.leads,
        share: fraction(row.leads, total.leads),
        converted: row.converted,
        conversionRate: fraction(row.converted, row.leads),
      })),
      (row) => row.source,
    );
  return {
    rows: toRows(sourceRows),
    byUtmSource: toRows(utmRows),
    totals: { ...total, conversionRate: fraction(total.converted, total.leads) },
    forms,
  };
}

export const leadsBySourceReport: ReportDefinition<LeadsBySourceResult> = { name: "leads-by-source", run: getLeadsBySource };
