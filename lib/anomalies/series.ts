// The daily series anomalies are looked for in, read from the report rollups (report_lead_daily,
// report_deal_daily, report_activity_daily: a few rows per day and manager, so a year of them is
// quick at 1M deals) and, for webhooks, from the inbox by its (org, source, received_at) index.
// Days are the organisation's local days, as the rollups keep them. One query per kind gives the
// organisation's series and each department's (its managers' rows) at once, through grouping sets.
import { sql, type SQL } from "drizzle-orm";
import type { AnomalySeriesType } from "@/db/schema";
import type { Db } from "@/db/types";
import { selectRows } from "@/db/migrate";

export type SeriesRef = { type: AnomalySeriesType; key: string; audience: "org" | "department"; departmentId: string | null; crmUserId: string | null };
export type DailySeries = SeriesRef & { values: Map<string, number> };

type Row = { byDepartment: boolean; departmentId: string | null; key: string | null; day: string; value: number };
type Range = { orgId: string; from: string; to: string };

/** A rollup summed per key and day: for the organisation, and (when `perDepartment`) per department of the rows' managers. */
function rollup(db: Db, range: Range, q: { table: SQL; key: string; value: string; where: SQL; perDepartment: boolean }): Promise<Row[]> {
  // The key is raw SQL text with no parameters, so the same expression appears in the select and the grouping sets.
  const key = sql.raw(q.key);
  const sets = q.perDepartment ? sql`grouping sets ((${key}, r.day), (u.department_id, ${key}, r.day))` : sql`${key}, r.day`;
  const byDepartment = q.perDepartment ? sql`grouping(u.department_id) = 0` : sql`false`;
  return selectRows<Row>(
    db,
    sql`select ${byDepartment} as "byDepartment", ${q.perDepartment ? sql`u.department_id` : sql`null::uuid`} as "departmentId",
          ${key} as key, r.day::text as day, (${sql.raw(q.value)})::float8 as value
        from ${q.table} r
        left join crm_users c on c.id = r.crm_user_id
        left join users u on u.id = c.user_id
        where r.org_id = ${range.orgId} and r.day between ${range.from} and ${range.to} and ${q.where}
        group by ${sets}`,
  );
}

const KINDS: { type: AnomalySeriesType; table: SQL; key: string; value: string; where: SQL; perDepartment: boolean; isManager?: boolean }[] = [
  { type: "leads_source", table: sql`report_lead_daily`, key: "coalesce(r.value, '')", value: "sum(r.leads)", where: sql`r.dimension = 'channel'`, perDepartment: true },
  { type: "leads_utm", table: sql`report_lead_daily`, key: "coalesce(r.value, '')", value: "sum(r.leads)", where: sql`r.dimension = 'utm'`, perDepartment: true },
  { type: "won_revenue", table: sql`report_deal_daily`, key: "left(r.kind::text, 0)", value: "sum(r.amount)", where: sql`r.kind = 'closed' and r.semantic = 'won'`, perDepartment: true },
  { type: "activities", table: sql`report_activity_daily`, key: "r.crm_user_id::text", value: "sum(r.activities)", where: sql`r.crm_user_id is not null`, perDepartment: false, isManager: true },
  { type: "calls", table: sql`report_activity_daily`, key: "r.crm_user_id::text", value: "sum(r.activities)", where: sql`r.crm_user_id is not null and r.type = 'call'`, perDepartment: false, isManager: true },
];

/** Webhooks received per source and local day, from the inbox. */
function webhookRows(db: Db, range: Range, timeZone: string): Promise<Row[]> {
  return selectRows<Row>(
    db,
    sql`select false as "byDepartment", null::uuid as "departmentId", source_id::text as key, (received_at at time zone ${timeZone})::date::text as day, count(*)::float8 as value
        from webhook_events
        where org_id = ${range.orgId}
          and received_at >= (${range.from}::date)::timestamp at time zone ${timeZone}
          and received_at < (${range.to}::date + 1)::timestamp at time zone ${timeZone}
        group by 3, 4`,
  );
}

/** Every series of the organisation with a value on some day of [from, to]; days without a row are 0. */
export async function loadDailySeries(db: Db, range: Range, timeZone: string): Promise<DailySeries[]> {
  const series = new Map<string, DailySeries>();
  const add = (type: AnomalySeriesType, row: Row, isManager = false) => {
    if (row.byDepartment && !row.departmentId) return; // managers without a department: only in the organisation's series
    const ref: SeriesRef = {
      type,
      key: row.key ?? "",
      audience: row.byDepartment ? "department" : "org",
      departmentId: row.byDepartment ? row.departmentId : null,
      crmUserId: isManager ? row.key : null,
    };
    const id = `${type}|${ref.key}|${ref.audience}|${ref.departmentId ?? ""}`;
    const entry = series.get(id) ?? series.set(id, { ...ref, values: new Map() }).get(id)!;
    entry.values.set(row.day, (entry.values.get(row.day) ?? 0) + Number(row.value));
  };
  for (const kind of KINDS) for (const row of await rollup(db, range, kind)) add(kind.type, row, kind.isManager);
  for (const row of await webhookRows(db, range, timeZone)) add("webhooks", row);
  return [...series.values()];
}

/** The days from `from` to `to` (YYYY-MM-DD, both included). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += 86_400_000) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

export function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * 86_400_000).toISOString().slice(0, 10);
}
