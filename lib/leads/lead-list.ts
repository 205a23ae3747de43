// The leads behind a dashboard figure: the report filters plus the bucket that was clicked (a
// source, a utm_source, a month, converted or not, a manager, a traffic team, a site form's reached
// or lost submissions), sorted and keyset-paginated like the deals list, whose helpers it shares.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { crmUsers, formLeads, leads, reportLeadFacts, sources, trafficTeams } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Scope } from "@/lib/auth/scope";
// The page (limit, cursor) is the deals list's: one paging contract for both lists.
import { dealPageSchema, orgSettings, type DealPage } from "@/lib/deals/deal-list";
import { afterCursor, decodeCursor, encodeCursor, listPeriod, orderByKey } from "@/lib/deals/deal-list-sql";
import { assertFiltersInScope, bucketLabelSchema, reportFiltersSchema, tagCaseSchema, teamIdSchema } from "@/lib/reports/filters";
import { leadListConditions, leadSortKeyOf } from "./lead-list-sql";

export const leadSorts = ["created", "title", "manager"] as const;
export type LeadSort = (typeof leadSorts)[number];

const label = bucketLabelSchema;

export const leadListFiltersSchema = reportFiltersSchema.safeExtend({
  /** Converted (the reports' rule, whenever it happened) or not. */
  status: z.enum(["converted", "not-converted"], { message: "must be converted or not-converted" }).optional(),
  /** The lead's source as the CRM names it (the "by source" row). */
  channel: label,
  utmSource: label,
  utmCampaign: label,
  /** With `any`, utm_source and utm_campaign match in any case (the Traffic dashboard's breakdown rows). */
  tagCase: tagCaseSchema,
  /** A site form's submissions that reached the CRM, were lost on the way, or all of them (the forms card). */
  matched: z.enum(["reached", "lost", "all"], { message: "must be reached, lost or all" }).optional(),
  /** The submitting form's name (with `matched`). */
  form: label,
  /** The "not set" row of a breakdown: leads without a source, utm_source, utm_campaign, form or manager. */
  notSet: z.enum(["channel", "utmSource", "utmCampaign", "form", "manager"], { message: "must be one of channel, utmSource, utmCampaign, form, manager" }).optional(),
  teamId: teamIdSchema,
  /** Cut by the report period (created in it; a submission: received in it) even when no dates are given. */
  periodOn: z.enum(["created"], { message: "must be created" }).optional(),
  /** One month of the period (a clicked month row), in the organisation's time zone. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month as YYYY-MM").optional(),
  sort: z.enum(leadSorts, { message: `must be one of ${leadSorts.join(", ")}` }).default("created"),
  order: z.enum(["asc", "desc"], { message: "must be asc or desc" }).default("desc"),
}).superRefine((filters, context) => {
  // A bucket of one list kind never silently narrows the other: the CRM leads' source, conversion
  // and manager do not apply to form submissions (`matched`), and a form name only to them.
  const refuse = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
  if (filters.matched) {
    if (filters.status) refuse("status", "does not apply to site-form submissions (matched)");
    if (filters.channel) refuse("channel", "does not apply to site-form submissions (matched)");
    if (filters.notSet === "channel" || filters.notSet === "manager") refuse("notSet", "must be form or utmSource with matched");
  } else {
    if (filters.form) refuse("form", "applies only to site-form submissions: add matched");
    if (filters.notSet === "form") refuse("notSet", "form applies only to site-form submissions: add matched");
  }
});
export type LeadListFilters = z.infer<typeof leadListFiltersSchema>;

/** Parses URL search params (empty values count as absent) into the filters and the page. */
export function parseLeadListQuery(params: URLSearchParams): { filters: LeadListFilters; page: DealPage } {
  const entries = Object.fromEntries([...params.entries()].filter(([, value]) => value !== ""));
  return { filters: leadListFiltersSchema.parse(entries), page: dealPageSchema.parse(entries) };
}

/** One lead as a person reads it; times are ISO 8601 instants. */
export type LeadListRow = {
  id: string;
  externalId: string;
  title: string;
  managerId: string | null;
  managerName: string | null;
  /** The CRM's status: open, converted or junk. */
  status: "open" | "converted" | "junk";
  /** Converted by the reports' rule; null for a form submission that reached the CRM (its CRM lead is the one counted). */
  isConverted: boolean | null;
  channel: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  teamId: string | null;
  teamName: string | null;
  createdAt: string;
  sourceId: string;
  sourceName: string;
  /** Site forms only: the form's name and whether the submission reached the CRM. */
  formName: string | null;
  reachedCrm: boolean | null;
};

export type LeadListPage = {
  leads: LeadListRow[];
  nextCursor: string | null;
  /** Leads matching the filters on all pages: the figure that was clicked. */
  total: number;
  timezone: string;
  period: { from: string; to: string } | null;
};

const iso = (column: typeof leads.createdAt) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const leadFields = {
  id: sql<string>`${leads.id}::text`,
  externalId: leads.externalId,
  title: leads.title,
  managerId: sql<string | null>`${leads.crmUserId}::text`,
  managerName: crmUsers.name,
  status: sql<LeadListRow["status"]>`${leads.statusSemantic}::text`,
  isConverted: sql<boolean | null>`case when ${reportLeadFacts.leadId} is null then null else ${reportLeadFacts.converted} = 1 end`,
  channel: leads.channel,
  utmSource: leads.utmSource,
  utmMedium: leads.utmMedium,
  utmCampaign: leads.utmCampaign,
  teamId: sql<string | null>`${leads.trafficTeamId}::text`,
  teamName: trafficTeams.name,
  createdAt: iso(leads.createdAt),
  sourceId: sql<string>`${leads.sourceId}::text`,
  sourceName: sources.name,
  formName: formLeads.formName,
  reachedCrm: sql<boolean | null>`case when ${formLeads.leadId} is null then null else (${formLeads.matchedLeadId} is not null or ${formLeads.matchedDealId} is not null) end`,
};

/** What every query of the list shares: the filters checked against the scope, the WHERE clause, the sort key. */
async function prepareLeadQuery(db: Db, scope: Scope, filters: LeadListFilters, now: Date) {
  await assertFiltersInScope(db, scope, filters);
  const org = await orgSettings(db, scope.orgId);
  const period = listPeriod(filters, org, now);
  return { org, period, where: leadListConditions(scope, filters, period, org.timezone), key: leadSortKeyOf(filters.sort) };
}

/** The list's rows with their facts, manager, source, team and form; `sortValue` is what the cursor names. */
function selectLeads(db: Db, key: ReturnType<typeof leadSortKeyOf>) {
  return db
    .select({ ...leadFields, sortValue: sql<string>`(${key.expression})::text` })
    .from(leads)
    .innerJoin(sources, eq(sources.id, leads.sourceId))
    .leftJoin(reportLeadFacts, eq(reportLeadFacts.leadId, leads.id))
    .leftJoin(crmUsers, eq(crmUsers.id, leads.crmUserId))
    .leftJoin(trafficTeams, eq(trafficTeams.id, leads.trafficTeamId))
    .leftJoin(formLeads, eq(formLeads.leadId, leads.id))
    .$dynamic();
}

type SelectedRow = Awaited<ReturnType<ReturnType<typeof selectLeads>["execute"]>>[number];

function toRow({ sortValue, ...row }: SelectedRow): LeadListRow {
  void sortValue; // only the cursor needs it
  return row;
}

const periodOut = (period: { from: Date; to: Date } | null) => (period ? { from: period.from.toISOString(), to: period.to.toISOString() } : null);

/** One page of the list with the total of all pages. */
export async function listLeads(db: Db, scope: Scope, filters: LeadListFilters, page: DealPage, now = new Date()): Promise<LeadListPage> {
  const { org, period, where, key } = await prepareLeadQuery(db, scope, filters, now);
  const cursor = page.cursor ? decodeCursor(page.cursor, filters.sort, filters.order) : null;
  const [rows, total] = await Promise.all([
    selectLeads(db, key)
      .where(and(where, cursor ? afterCursor(key, filters.order, cursor, leads.id) : undefined))
      .orderBy(...orderByKey(key, filters.order, leads.id))
      .limit(page.limit + 1),
    countWhere(db, where),
  ]);
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    leads: shown.map(toRow),
    nextCursor: rows.length > page.limit && last ? encodeCursor(filters.sort, filters.order, last.sortValue, last.id) : null,
    total,
    timezone: org.timezone,
    period: periodOut(period),
  };
}

async function countWhere(db: Db, where: ReturnType<typeof leadListConditions>): Promise<number> {
  const [row] = await db.select({ total: sql<number>`count(*)::int` }).from(leads).leftJoin(reportLeadFacts, eq(reportLeadFacts.leadId, leads.id)).where(where);
  return Number(row?.total ?? 0);
}

/** Leads matching the filters, counted: what an export needs before it streams. */
export async function countLeads(db: Db, scope: Scope, filters: LeadListFilters, now = new Date()) {
  const { org, period, where } = await prepareLeadQuery(db, scope, filters, now);
  return { total: await countWhere(db, where), timezone: org.timezone, period: periodOut(period) };
}

/** Every matching lead in the list's order, `batchSize` at a time: one keyset query per batch. */
export async function* streamLeads(db: Db, scope: Scope, filters: LeadListFilters, batchSize = 1000, now = new Date()): AsyncGenerator<LeadListRow[]> {
  const { where, key } = await prepareLeadQuery(db, scope, filters, now);
  let cursor: { value: string; id: string } | null = null;
  for (;;) {
    const rows: SelectedRow[] = await selectLeads(db, key)
      .where(and(where, cursor ? afterCursor(key, filters.order, cursor, leads.id) : undefined))
      .orderBy(...orderByKey(key, filters.order, leads.id))
      .limit(batchSize);
    if (rows.length > 0) yield rows.map(toRow);
    if (rows.length < batchSize) return;
    const last: SelectedRow = rows[rows.length - 1];
    cursor = { value: last.sortValue, id: last.id };
  }
}
