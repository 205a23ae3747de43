// What the churn model reads of each customer's orders, as of a moment: the gaps between their
// order days (days in the organisation's time zone; several orders on one day are one visit) and
// the days since the last one. Counted orders only: not deleted, not cancelled (as the order count).
import { sql, type SQL } from "drizzle-orm";
import { selectRows } from "@/db/migrate";
import type { Db } from "@/db/types";
import { CANCELLED_STATUSES } from "../order-status";

export type CustomerDays = { customerId: string; gaps: number; gapDays: number; daysSince: number };
export type OrgDays = { customers: CustomerDays[]; medianGapDays: number | null };

type Where = { orgId: string; timezone: string; asOf: Date; customerIds?: string[] };

function countedOrders(where: Where, extra: SQL): SQL {
  const cancelled = sql.join(CANCELLED_STATUSES.map((status) => sql`${status}`), sql`, `);
  const only = where.customerIds ? sql`and o.customer_id in (${sql.join(where.customerIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  return sql`select o.customer_id, (o.created_at at time zone ${where.timezone})::date as day
    from orders o
    where o.org_id = ${where.orgId} and o.customer_id is not null and o.deleted_at is null
      and lower(o.status) not in (${cancelled}) ${only} and ${extra}`;
}

/** Each customer with a counted order before `asOf`, and the median gap over all of them. */
export async function readCustomerDays(db: Db, where: Where): Promise<OrgDays> {
  if (where.customerIds?.length === 0) return { customers: [], medianGapDays: null };
  const asOf = where.asOf.toISOString();
  const today = sql`(${asOf}::timestamptz at time zone ${where.timezone})::date`;
  const rows = await selectRows<CustomerDays & { median: number | string | null }>(
    db,
    sql`with days as (select distinct customer_id, day from (${countedOrders(where, sql`o.created_at < ${asOf}::timestamptz`)}) o),
      gaps as (select customer_id, day, day - lag(day) over (partition by customer_id order by day) as gap from days),
      median as (select percentile_cont(0.5) within group (order by gap) as median from gaps where gap is not null)
    select g.customer_id::text as "customerId", count(g.gap)::int as gaps, coalesce(sum(g.gap), 0)::int as "gapDays",
      (${today} - max(g.day))::int as "daysSince", (select median from median) as median
    from gaps g group by g.customer_id`,
  );
  const median = rows[0]?.median;
  return {
    customers: rows.map(({ customerId, gaps, gapDays, daysSince }) => ({ customerId, gaps: Number(gaps), gapDays: Number(gapDays), daysSince: Number(daysSince) })),
    medianGapDays: median === null || median === undefined ? null : Number(median),
  };
}

/** Days from the cut-off's day to each customer's first counted order on or after the cut-off. */
export async function readReturns(db: Db, where: Omit<Where, "customerIds">): Promise<Map<string, number>> {
  const asOf = where.asOf.toISOString();
  const rows = await selectRows<{ customerId: string; days: number }>(
    db,
    sql`select customer_id::text as "customerId", (min(day) - (${asOf}::timestamptz at time zone ${where.timezone})::date)::int as days
      from (${countedOrders(where, sql`o.created_at >= ${asOf}::timestamptz`)}) o group by customer_id`,
  );
  return new Map(rows.map((row) => [row.customerId, Number(row.days)]));
}
