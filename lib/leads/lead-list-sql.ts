// The SQL pieces of the leads list: which leads a dashboard figure counted and the sort key keyset
// pagination walks. A counted lead is one with report facts (lib/reports/facts): the facts are the
// one author of "counts as a lead" and "converted", so the list and the figure agree by construction.
// Site-form submissions (`matched`) are read as the forms card reads them (lib/reports/form-leads.ts).
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { crmUsers, formLeads, leads, reportLeadFacts } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { isTimestampText, tagCondition, teamCondition, type SortKey } from "@/lib/deals/deal-list-sql";
import { dayWithin } from "@/lib/reports/facts/query";
import { reportRows } from "@/lib/reports/filters";
import { formLeadSources, reachedCrm, visibleFormLeads } from "@/lib/reports/form-leads";
import type { Period } from "@/lib/time/months";
import type { LeadListFilters, LeadSort } from "./lead-list";

const f = reportLeadFacts;
const fl = formLeads;

/** `column` equals the bucket's value, or is not set when the bucket is the "not set" row. */
function bucket(column: SQL, value: string | undefined, isNotSet: boolean): SQL | undefined {
  if (isNotSet) return sql`${column} is null`;
  return value === undefined ? undefined : sql`${column} = ${value}`;
}

/** Every condition of the list except the keyset cursor. Scope is always applied; deleted leads never match. */
export function leadListConditions(scope: Scope, filters: LeadListFilters, period: Period | null, timeZone: string): SQL {
  const conditions: (SQL | undefined)[] = [isNull(leads.deletedAt)];
  if (filters.teamId) conditions.push(teamCondition(leads.trafficTeamId, filters.teamId));
  const anyCase = filters.tagCase === "any";
  conditions.push(tagCondition(leads.utmSource, filters.utmSource, filters.notSet === "utmSource", anyCase));
  conditions.push(tagCondition(leads.utmCampaign, filters.utmCampaign, filters.notSet === "utmCampaign", anyCase));
  if (filters.matched) {
    conditions.push(formLeadCondition(scope, filters, period));
  } else {
    conditions.push(reportRows({ scope, filters }, leads), sql`${f.leadId} is not null`);
    if (period) conditions.push(dayWithin(f.day, period, timeZone));
    conditions.push(bucket(sql`${f.channel}`, filters.channel, filters.notSet === "channel"));
    if (filters.status) conditions.push(eq(f.converted, filters.status === "converted" ? 1 : 0));
    if (filters.notSet === "manager") conditions.push(isNull(leads.crmUserId));
  }
  return and(...conditions)!;
}

const matchedCondition = { reached: sql`and ${reachedCrm}`, lost: sql`and not ${reachedCrm}`, all: sql`` };

/**
 * Site-form submissions that reached the CRM or were lost on the way, visible as on the forms card
 * (by the manager of what they reached; lost ones to admins only), received in the period.
 */
function formLeadCondition(scope: Scope, filters: LeadListFilters, period: Period | null): SQL {
  const received = period ? sql`and ${fl.receivedAt} >= ${period.from.toISOString()}::timestamptz and ${fl.receivedAt} < ${period.to.toISOString()}::timestamptz` : sql``;
  const form = bucket(sql`${fl.formName}`, filters.form, filters.notSet === "form");
  return sql`exists (select 1 from ${formLeadSources}
    where ${fl.leadId} = ${leads.id} and ${visibleFormLeads({ scope, filters })} ${received}
      ${matchedCondition[filters.matched ?? "all"]} ${form ? sql`and ${form}` : sql``})`;
}

/** The sort key of each sort, never NULL so `(key, id)` compares row by row; no manager sorts as "". */
export function leadSortKeyOf(sort: LeadSort): SortKey {
  switch (sort) {
    case "created":
      return { expression: sql`${leads.createdAt}`, cast: sql`timestamptz`, isValid: isTimestampText };
    case "title":
      return { expression: sql`${leads.title}`, cast: sql`text`, isValid: () => true };
    case "manager":
      return { expression: sql`coalesce(${crmUsers.name}, '')`, cast: sql`text`, isValid: () => true };
  }
}
