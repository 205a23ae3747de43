// Per manager, the medians of the deal patterns (docs/deal-card.md) of the deals they won in the
// period: touches per won deal and days to close. Medians do not add up, so they are computed per
// CRM account, per person (every account linked to one Voronka user) and over everything, in one
// statement with grouping sets. Read by the manager-activity report.
import { sql } from "drizzle-orm";
import { crmUsers, dealPatterns, deals } from "@/db/schema";
import { selectRows } from "@/db/migrate";
import { dayWithin } from "./facts/query";
import { reportRows } from "./filters";
import type { ReportContext } from "./report";

export type DealMedians = { medianTouchesPerWonDeal: number | null; medianDaysToClose: number | null };
export const noMedians: DealMedians = { medianTouchesPerWonDeal: null, medianDaysToClose: null };

export type WonDealMedians = { byAccount: Map<string | null, DealMedians>; byPerson: Map<string | null, DealMedians>; total: DealMedians };

type Row = { account: string | null; person: string | null; is_person: number; is_total: number; touches: number | null; days: number | null };

const tenth = (value: number | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);

export async function wonDealMedians(context: ReportContext): Promise<WonDealMedians> {
  const { db, org, period } = context;
  const p = dealPatterns;
  // the pipeline filter applies through the deal (the patterns do not repeat its pipeline)
  const person = sql`coalesce(${crmUsers.userId}, ${p.crmUserId})`;
  // the pipeline filter applies through the deal (the patterns do not repeat its pipeline)
  const rows = await selectRows<Row>(
    db,
    sql`select ${p.crmUserId}::text as account, ${person}::text as person,
          grouping(${p.crmUserId}) as is_person, grouping(${person}) as is_total,
          percentile_cont(0.5) within group (order by ${p.touches})::float8 as touches,
          percentile_cont(0.5) within group (order by ${p.daysToClose})::float8 as days
        from ${p}
        join ${deals} on ${deals.id} = ${p.dealId}
        left join ${crmUsers} on ${crmUsers.id} = ${p.crmUserId}
        where ${reportRows(context, { orgId: p.orgId, crmUserId: p.crmUserId, sourceId: p.sourceId, pipelineId: deals.pipelineId })}
          and ${p.semantic} = 'won' and ${dayWithin(p.closedDay, period, org.timezone)}
        group by grouping sets ((${p.crmUserId}, ${person}), (${person}), ())`,
  );
  const result: WonDealMedians = { byAccount: new Map(), byPerson: new Map(), total: noMedians };
  for (const row of rows) {
    const medians = { medianTouchesPerWonDeal: tenth(row.touches), medianDaysToClose: tenth(row.days) };
    if (Number(row.is_total) === 1 && Number(row.is_person) === 1) result.total = medians;
    else if (Number(row.is_person) === 1) result.byPerson.set(row.person, medians);
    else result.byAccount.set(row.account, medians);
  }
  return result;
}
