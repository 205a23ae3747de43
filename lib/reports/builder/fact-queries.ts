// The builder's SQL over the daily rollups, one statement per fact family: the family's rows inside
// the viewer's scope and the filters (reportRows, as every report), for the period's days, grouped by
// the asked dimensions — each a fixed expression from the whitelist below, never text from the
// request — plus the grand total as a grouping set. Values are bound parameters throughout.
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { selectRows } from "@/db/migrate";
import { crmUsers, dealPatterns, deals, reportActivityDaily, reportDealDaily, reportLeadDaily, users } from "@/db/schema";
import { dayWithin } from "../facts/query";
import { reportRows } from "../filters";
import type { ReportContext } from "../report";
import type { Dimension, Family, TimeDimension } from "./catalogue";

/** One group: its dimension keys (null: not set, or the total row), whether it is the total, its sums. */
export type GroupRow = { d0: string | null; d1: string | null; is_total: number } & Record<string, unknown>;

/** Time keys are grouped by the local date that starts them and written as text once per group, not per row. */
const timeStart: Record<TimeDimension, (day: AnyColumn) => SQL> = {
  day: (day) => sql`${day}`,
  // Monday weeks: date_trunc('week') starts ISO weeks on Monday; the rollups' days are already local.
  week: (day) => sql`date_trunc('week', ${day})::date`,
  month: (day) => sql`date_trunc('month', ${day})::date`,
  quarter: (day) => sql`date_trunc('quarter', ${day})::date`,
  year: (day) => sql`date_trunc('year', ${day})::date`,
};
const timeText: Record<TimeDimension, string> = { day: "YYYY-MM-DD", week: "YYYY-MM-DD", month: "YYYY-MM", quarter: 'YYYY-"Q"Q', year: "YYYY" };
const isTimeDimension = (d: Dimension): d is TimeDimension => d in timeText;

/** A key as the answer writes it: time as text, everything else as grouped. */
function keyText(dimension: Dimension | undefined, column: SQL): SQL {
  if (!dimension) return sql`null::text`;
  return isTimeDimension(dimension) ? sql`to_char(${column}, ${timeText[dimension]})` : column;
}

type Keyed = { day: AnyColumn; crmUserId: AnyColumn; sourceId: AnyColumn; pipelineId?: AnyColumn; stageId?: AnyColumn; value?: AnyColumn };

/** The SQL of a dimension over a family's table; the person and department come through the CRM user's link. */
function dimensionSql(dimension: Dimension, t: Keyed): SQL {
  switch (dimension) {
    case "day":
    case "week":
    case "month":
    case "quarter":
    case "year":
      return timeStart[dimension](t.day);
    // a person: the Voronka user every CRM account of theirs is linked to, else the CRM user
    case "manager":
      return sql`coalesce(${crmUsers.userId}, ${t.crmUserId})::text`;
    case "department":
      return sql`${users.departmentId}::text`;
    case "source":
      return sql`${t.sourceId}::text`;
    case "pipeline":
      return sql`${t.pipelineId!}::text`;
    case "stage":
      return sql`${t.stageId!}::text`;
    case "channel":
    case "utmSource":
      return sql`${t.value!}`;
    default:
      // the catalogue never routes another dimension here (firstUnavailablePair refused it)
      throw new Error(`dimension ${dimension} has no rollup column`);
  }
}

/**
 * select d0, d1, sums from (rows with their keys) group by the keys and the total. The CRM user and
 * their Voronka user are joined only when a person or a department is asked for.
 */
async function grouped(context: ReportContext, dimensions: Dimension[], table: SQL, t: Keyed, where: SQL, columns: SQL, sums: SQL): Promise<GroupRow[]> {
  const joins = dimensions.some((d) => d === "manager" || d === "department")
    ? sql` left join ${crmUsers} on ${crmUsers.id} = ${t.crmUserId} left join ${users} on ${users.id} = ${crmUsers.userId}`
    : sql``;
  const keys = [0, 1].map((i) => (dimensions[i] ? dimensionSql(dimensions[i], t) : sql`null`));
  const groupBy = dimensions.length === 0 ? sql`()` : dimensions.length === 1 ? sql`grouping sets ((d0), ())` : sql`grouping sets ((d0, d1), ())`;
  const isTotal = dimensions.length === 0 ? sql`1` : sql`grouping(d0)`;
  return selectRows<GroupRow>(
    context.db,
    sql`select ${keyText(dimensions[0], sql`d0`)} as d0, ${keyText(dimensions[1], sql`d1`)} as d1, ${isTotal}::int as is_total, ${sums}
      from (select ${keys[0]} as d0, ${keys[1]} as d1, ${columns} from ${table}${joins} where ${where}) x
      group by ${groupBy}`,
  );
}

const within = (context: ReportContext, day: AnyColumn) => dayWithin(day, context.period, context.org.timezone);

/** Won deals by close day at the close day's rate (sales by month's rule): count and exact amount. */
function wonRows(context: ReportContext, dimensions: Dimension[]) {
  const d = reportDealDaily;
  return grouped(
    context,
    dimensions,
    sql`${d}`,
    d,
    sql`${reportRows(context, d)} and ${d.kind} = 'closed' and ${d.semantic} = 'won' and ${within(context, d.day)}`,
    sql`${d.deals} as deals, ${d.amount} as amount`,
    sql`coalesce(sum(deals), 0)::int as deals, coalesce(sum(amount), 0)::numeric(18,2)::text as amount`,
  );
}

/** Deals by creation day (manager activity's "deals created"). */
function createdRows(context: ReportContext, dimensions: Dimension[]) {
  const d = reportDealDaily;
  return grouped(
    context,
    dimensions,
    sql`${d}`,
    d,
    sql`${reportRows(context, d)} and ${d.kind} = 'created' and ${within(context, d.day)}`,
    sql`${d.deals} as deals`,
    sql`coalesce(sum(deals), 0)::int as deals`,
  );
}

/** Leads by creation day, keyed by utm_source when asked, else by channel (the lead reports' rollup). */
function leadRows(context: ReportContext, dimensions: Dimension[]) {
  const r = reportLeadDaily;
  const keyedBy = dimensions.includes("utmSource") ? "utm" : "channel";
  return grouped(
    context,
    dimensions,
    sql`${r}`,
    r,
    sql`${reportRows(context, r)} and ${r.dimension} = ${keyedBy} and ${within(context, r.day)}`,
    sql`${r.leads} as leads, ${r.converted} as converted`,
    sql`coalesce(sum(leads), 0)::int as leads, coalesce(sum(converted), 0)::int as converted`,
  );
}

/** Completed activities by start day (manager activity's counts and talk time). */
function activityRows(context: ReportContext, dimensions: Dimension[]) {
  const a = reportActivityDaily;
  const count = (type: string) => sql`coalesce(sum(n) filter (where type = ${type}), 0)::int`;
  return grouped(
    context,
    dimensions,
    sql`${a}`,
    a,
    sql`${reportRows(context, a)} and ${within(context, a.day)}`,
    sql`${a.type}::text as type, ${a.activities} as n, ${a.callSeconds} as seconds`,
    sql`${count("call")} as calls, ${count("email")} as emails, ${count("meeting")} as meetings, ${count("task")} as tasks, coalesce(sum(seconds), 0)::float8 as seconds`,
  );
}

/** Median days to close of the deals won in the period (manager activity's deal_patterns median). */
function cycleRows(context: ReportContext, dimensions: Dimension[]) {
  const p = dealPatterns;
  const keyed = { day: p.closedDay, crmUserId: p.crmUserId, sourceId: p.sourceId, pipelineId: deals.pipelineId };
  return grouped(
    context,
    dimensions,
    sql`${p} join ${deals} on ${deals.id} = ${p.dealId}`,
    keyed,
    sql`${reportRows(context, { orgId: p.orgId, crmUserId: p.crmUserId, sourceId: p.sourceId, pipelineId: deals.pipelineId })}
      and ${p.semantic} = 'won' and ${within(context, p.closedDay)}`,
    sql`${p.daysToClose} as days`,
    sql`percentile_cont(0.5) within group (order by days)::float8 as days`,
  );
}

export const familyRows: Record<Exclude<Family, "traffic">, (context: ReportContext, dimensions: Dimension[]) => Promise<GroupRow[]>> = {
  won: wonRows,
  created: createdRows,
  leads: leadRows,
  activities: activityRows,
  cycle: cycleRows,
};
