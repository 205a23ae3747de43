// The one rule for counting a site form's submission as a lead (docs/api.md, "Leads"): only while it
// has not reached the CRM — once matched, its CRM lead is the one counted, so a person counts once.
import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/** True for every lead except a form submission that reached a CRM lead or deal. */
export function countsAsLead(leadId: AnyColumn | SQL): SQL {
  return sql`not exists (select 1 from form_leads fl where fl.lead_id = ${leadId} and (fl.matched_lead_id is not null or fl.matched_deal_id is not null))`;
}
