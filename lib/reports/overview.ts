// The Overview page's numbers: revenue and won deals this month and last month, open deals and
// new leads, within the viewer's scope. (The full KPI report comes with the dashboards.)
import { and, count, eq, gte, isNull, lt, sql } from "drizzle-orm";
import { deals, leads, stages } from "@/db/schema";
import type { Db } from "@/db/types";
import { scopeCondition, type Scope } from "@/lib/auth/scope";
import { monthPeriod, type Period } from "@/lib/time/months";
import { baseAmountSql } from "./base-amount";

export type OrgMoney = { baseCurrency: string; timezone: string };
export type WonSummary = { revenue: string; wonDeals: number };
export type OverviewSummary = {
  currency: string;
  thisMonth: WonSummary & { newLeads: number; period: Period };
  lastMonth: WonSummary & { newLeads: number; period: Period };
  openDeals: { count: number; amount: string };
};

export async function getOverviewSummary(db: Db, scope: Scope, org: OrgMoney, now = new Date()): Promise<OverviewSummary> {
  const thisMonth = monthPeriod(now, org.timezone);
  const lastMonth = monthPeriod(now, org.timezone, -1);
  const [wonNow, wonBefore, open, leadsNow, leadsBefore] = await Promise.all([
    wonIn(db, scope, org, thisMonth),
    wonIn(db, scope, org, lastMonth),
    openDeals(db, scope, org),
    newLeadsIn(db, scope, thisMonth),
    newLeadsIn(db, scope, lastMonth),
  ]);
  return {
    currency: org.baseCurrency,
    thisMonth: { ...wonNow, newLeads: leadsNow, period: thisMonth },
    lastMonth: { ...wonBefore, newLeads: leadsBefore, period: lastMonth },
    openDeals: open,
  };
}

async function wonIn(db: Db, scope: Scope, org: OrgMoney, period: Period): Promise<WonSummary> {
  const base = baseAmountSql(deals, deals.closedAt, org.baseCurrency, org.timezone);
  const [row] = await db
    .select({ revenue: sql<string>`coalesce(sum(${base}), 0)::numeric(18,2)::text`, wonDeals: count() })
    .from(deals)
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .where(
      and(
        scopeCondition(scope, deals),
        isNull(deals.deletedAt),
        eq(stages.semantic, "won"),
        gte(deals.closedAt, period.from),
        lt(deals.closedAt, period.to),
      ),
    );
  return { revenue: row.revenue, wonDeals: row.wonDeals };
}

async function openDeals(db: Db, scope: Scope, org: OrgMoney) {
  // Open deals have no close date yet: they are valued at the rate of their creation date.
  const base = baseAmountSql(deals, deals.createdAt, org.baseCurrency, org.timezone);
  const [row] = await db
    .select({ count: count(), amount: sql<string>`coalesce(sum(${base}), 0)::numeric(18,2)::text` })
    .from(deals)
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .where(and(scopeCondition(scope, deals), isNull(deals.deletedAt), eq(stages.semantic, "open")));
  return { count: row.count, amount: row.amount };
}

async function newLeadsIn(db: Db, scope: Scope, period: Period): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(leads)
    .where(and(scopeCondition(scope, leads), isNull(leads.deletedAt), gte(leads.createdAt, period.from), lt(leads.createdAt, period.to)));
  return row.value;
}
