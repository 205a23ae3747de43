// Site forms on the Leads dashboard: per form and per utm_source, how many submissions arrived in
// the period, how many reached the CRM (matched to a CRM lead or deal, lib/forms/match.ts) and how
// many were lost on the way — with the list of the lost ones. Read from the submissions themselves
// (there are few next to the CRM's rows), within the viewer's scope: a submission belongs to the
// manager of the CRM lead or deal it reached, so a director or a manager sees the ones that reached
// their people, and only admins see the lost ones (no manager, as every row without one).
import { alias } from "drizzle-orm/pg-core";
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { selectRows } from "@/db/migrate";
import { deals, formLeads, leads, sources } from "@/db/schema";
import { scopeCondition } from "@/lib/auth/scope";
import { fraction } from "./lead-conversion";
import { filterConditions } from "./filters";
import type { ReportContext } from "./report";

/** The lost list stops here; `lostListTruncated` says there were more. */
export const LOST_LIST_LIMIT = 500;

export type FormFigures = {
  formLeads: number;
  reached: number;
  /** formLeads − reached. */
  lost: number;
  /** reached ÷ formLeads, four decimals; null when there are none. */
  reachedRate: number | null;
};
export type LostFormLead = {
  leadId: string;
  receivedAt: string;
  name: string | null;
  /** As the visitor typed them. */
  phone: string | null;
  email: string | null;
  form: string | null;
  utmSource: string | null;
  sourceName: string;
};
export type FormLeadsSummary = {
  /** Per form (Tilda's formname, else formid; null when the post named none), most submissions first. */
  byForm: ({ form: string | null } & FormFigures)[];
  byUtmSource: ({ utmSource: string | null } & FormFigures)[];
  totals: FormFigures;
  /** Newest first, at most LOST_LIST_LIMIT. */
  lostList: LostFormLead[];
  lostListTruncated: boolean;
};

const fl = formLeads;
const formLead = alias(leads, "form_lead");
const crmLead = alias(leads, "crm_lead");
const crmDeal = alias(deals, "crm_deal");

/** The submissions a viewer may see under the report's filters: by the manager of what they reached (the lead list shares it). */
export function visibleFormLeads(context: Pick<ReportContext, "scope" | "filters">): SQL {
  const { scope, filters } = context;
  const through = (manager: typeof crmLead.crmUserId | typeof crmDeal.crmUserId) =>
    and(scopeCondition(scope, { orgId: fl.orgId, crmUserId: manager }), ...filterConditions(filters, { sourceId: fl.sourceId, crmUserId: manager }))!;
  // An admin without a manager or department filter sees every submission, lost ones included.
  const everyone = scope.kind === "org" && !filters.managerId && !filters.departmentId;
  if (everyone) return and(eq(fl.orgId, scope.orgId), filters.sourceId ? eq(fl.sourceId, filters.sourceId) : undefined)!;
  return or(through(crmLead.crmUserId), through(crmDeal.crmUserId))!;
}

/** A submission reached the CRM: matched to a CRM lead or deal. */
export const reachedCrm = sql`(${fl.matchedLeadId} is not null or ${fl.matchedDealId} is not null)`;

/** The submissions with their own lead row and what they reached, as `visibleFormLeads` reads them. */
export const formLeadSources = sql`${fl}
    join ${leads} ${formLead} on ${formLead.id} = ${fl.leadId} and ${formLead.deletedAt} is null
    left join ${leads} ${crmLead} on ${crmLead.id} = ${fl.matchedLeadId}
    left join ${deals} ${crmDeal} on ${crmDeal.id} = ${fl.matchedDealId}`;

export async function getFormLeadsSummary(context: ReportContext): Promise<FormLeadsSummary> {
  const { db, period } = context;
  const reached = reachedCrm;
  const from = formLeadSources;
  const where = sql`${visibleFormLeads(context)} and ${fl.receivedAt} >= ${period.from.toISOString()}::timestamptz and ${fl.receivedAt} < ${period.to.toISOString()}::timestamptz`;
  const utm = sql`nullif(btrim(${formLead.utmSource}), '')`;
  const grouped = selectRows<{ dimension: "form" | "utm" | "total"; key: string | null; formLeads: number; reached: number }>(
    db,
    sql`select case when grouping(${fl.formName}) = 0 then 'form' when grouping(${utm}) = 0 then 'utm' else 'total' end as dimension,
        case when grouping(${fl.formName}) = 0 then ${fl.formName} else ${utm} end as key,
        count(*)::int as "formLeads", (count(*) filter (where ${reached}))::int as reached
      from ${from}
      where ${where}
      group by grouping sets ((${fl.formName}), (${utm}), ())`,
  );
  const lost = selectRows<LostFormLead & { receivedAt: Date | string }>(
    db,
    sql`select ${fl.leadId} as "leadId", ${fl.receivedAt} as "receivedAt", ${fl.name} as name, ${fl.phoneRaw} as phone, ${fl.emailRaw} as email,
        ${fl.formName} as form, ${utm} as "utmSource", ${sources.name} as "sourceName"
      from ${from} join ${sources} on ${sources.id} = ${fl.sourceId}
      where ${where} and not ${reached}
      order by ${fl.receivedAt} desc, ${fl.leadId}
      limit ${LOST_LIST_LIMIT + 1}`,
  );
  const [rows, lostRows] = await Promise.all([grouped, lost]);
  const figures = (row: { formLeads: number; reached: number } | undefined): FormFigures => {
    const total = row?.formLeads ?? 0;
    const got = row?.reached ?? 0;
    return { formLeads: total, reached: got, lost: total - got, reachedRate: fraction(got, total) };
  };
  const of = (dimension: string) => rows.filter((row) => row.dimension === dimension).sort((a, b) => b.formLeads - a.formLeads || String(a.key ?? "\uffff").localeCompare(String(b.key ?? "\uffff"), "ru"));
  return {
    byForm: of("form").map((row) => ({ form: row.key, ...figures(row) })),
    byUtmSource: of("utm").map((row) => ({ utmSource: row.key, ...figures(row) })),
    totals: figures(rows.find((row) => row.dimension === "total")),
    lostList: lostRows.slice(0, LOST_LIST_LIMIT).map((row) => ({ ...row, receivedAt: new Date(row.receivedAt).toISOString() })),
    lostListTruncated: lostRows.length > LOST_LIST_LIMIT,
  };
}
