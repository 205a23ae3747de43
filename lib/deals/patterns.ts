// Reading the stored deal patterns (deal_patterns, kept current on write by lib/reports/facts):
// the figures of a page of deals or one card, and the list's "no touch for N days" condition.
// Figures that grow with the calendar are computed here from the stored local days and today's
// local day in the organisation's time zone, so they are never stale.
import { and, eq, sql, type SQL } from "drizzle-orm";
import { dealPatterns, deals, organisations } from "@/db/schema";
import type { Db } from "@/db/types";

export type DealPatternFigures = {
  activities: number;
  calls: number;
  emails: number;
  meetings: number;
  tasks: number;
  /** Distinct local days with a completed activity. */
  touches: number;
  /** Local days from the creation day to today (open) or to the close day (won / lost). */
  daysOpen: number | null;
  /** Exact days from creation to the close moment, to a tenth; null while open. */
  daysToClose: number | null;
  /** Local days from the last touch to today; null when never touched. */
  daysSinceTouch: number | null;
  lastTouchDay: string | null;
  stageChanges: number;
  movesBack: number;
};

/** The organisation's local day of `now`, as SQL. */
function localToday(now: Date): SQL {
  return sql`(${now.toISOString()}::timestamptz at time zone ${organisations.timezone})::date`;
}

/** The patterns of these deals of the organisation, by deal id; a deal without a row yet is absent. */
export async function patternsOfDeals(db: Db, orgId: string, dealIds: string[], now = new Date()): Promise<Map<string, DealPatternFigures>> {
  if (dealIds.length === 0) return new Map();
  const p = dealPatterns;
  const today = localToday(now);
  const rows = await db
    .select({
      dealId: p.dealId,
      activities: p.activities,
      calls: p.calls,
      emails: p.emails,
      meetings: p.meetings,
      tasks: p.tasks,
      touches: p.touches,
      daysOpen: sql<number | null>`(case when ${p.semantic} = 'open' then ${today} - ${p.createdDay} else ${p.closedDay} - ${p.createdDay} end)::int`,
      daysToClose: p.daysToClose,
      daysSinceTouch: sql<number | null>`(${today} - ${p.lastTouchDay})::int`,
      lastTouchDay: sql<string | null>`${p.lastTouchDay}::text`,
      stageChanges: p.stageChanges,
      movesBack: p.movesBack,
    })
    .from(p)
    .innerJoin(organisations, eq(organisations.id, p.orgId))
    .where(and(eq(p.orgId, orgId), sql`${p.dealId} = any(${`{${dealIds.join(",")}}`}::uuid[])`));
  return new Map(
    rows.map(({ dealId, ...figures }) => [
      dealId,
      {
        ...figures,
        daysOpen: figures.daysOpen === null ? null : Number(figures.daysOpen),
        daysSinceTouch: figures.daysSinceTouch === null ? null : Number(figures.daysSinceTouch),
        daysToClose: figures.daysToClose === null ? null : Math.round(figures.daysToClose * 10) / 10,
      },
    ]),
  );
}

/**
 * Open deals with no touch for `days` local days or more: the last touch, or — never touched — the
 * creation, was at least that many days before today. A condition on `deals` for the list's WHERE.
 */
export function noTouchFor(days: number, now: Date): SQL {
  const p = dealPatterns;
  return sql`exists (select 1 from ${p} join ${organisations} on ${organisations.id} = ${p.orgId}
    where ${p.dealId} = ${deals.id} and ${p.semantic} = 'open'
      and coalesce(${p.lastTouchDay}, ${p.createdDay}) <= ${localToday(now)} - ${days}::int)`;
}
