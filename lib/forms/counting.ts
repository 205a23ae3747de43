// The one rule for counting a site form's submission as a lead (docs/api.md, "Leads"): only while it
// has not reached the CRM — once matched, its CRM lead is the one counted, so a person counts once.
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { formLeads } from "@/db/schema";

const fl = alias(formLeads, "fl");

/** True for every lead except a form submission that reached a CRM lead or deal. */
export function countsAsLead(leadId: AnyColumn | SQL): SQL {
  return sql`not exists (select 1 from ${formLeads} ${fl} where ${fl.leadId} = ${leadId} and (${fl.matchedLeadId} is not null or ${fl.matchedDealId} is not null))`;
}
