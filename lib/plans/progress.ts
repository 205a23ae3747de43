// Plan against fact for one month: % done and the run-rate projection to the month's end. Pure
// arithmetic on exact money (integer cents), so the page, the API and the exports agree to the tiyn.
import { fromCents, toCents } from "@/lib/reports/deal-sql";

/** How far a local month has run on `today` (both local to the organisation). */
export type MonthElapsed = { month: string; elapsedDays: number; daysInMonth: number };

/** A month's targets; null where no target was set. Revenue in the organisation's reporting currency. */
export type PlanTarget = { revenue: string | null; wonDeals: number | null };
/** Won revenue and won deals in the month, as the Sales and Managers reports count them. */
export type PlanFact = { wonAmount: string; wonCount: number };

export type PlanProgress = {
  month: string;
  elapsedDays: number;
  daysInMonth: number;
  planRevenue: string | null;
  factRevenue: string;
  /** fact ÷ plan as a fraction with four decimals (0.4 = 40 %); null without a revenue plan (or a plan of 0). */
  revenueDone: number | null;
  /** fact ÷ elapsed days × days in the month; null before the month has started. */
  projectedRevenue: string | null;
  planWonDeals: number | null;
  factWonDeals: number;
  wonDealsDone: number | null;
  /** One decimal: 5 deals after 12 of 30 days project to 12.5. */
  projectedWonDeals: number | null;
};

export function daysInMonth(month: string): number {
  const [year, monthNumber] = month.split("-").map(Number);
  return new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
}

/**
 * Today counts as a whole elapsed day: on the 12th, 12 days have run. Today's sales are already in
 * the fact, and the 1st of the month then projects from one day instead of dividing by zero.
 * A month that has ended has run all its days (the projection is the fact); a month not yet begun, none.
 */
export function monthElapsed(month: string, today: string): MonthElapsed {
  const days = daysInMonth(month);
  const todayMonth = today.slice(0, 7);
  const elapsedDays = todayMonth > month ? days : todayMonth < month ? 0 : Number(today.slice(8, 10));
  return { month, elapsedDays, daysInMonth: days };
}

export function planProgress(target: PlanTarget, fact: PlanFact, elapsed: MonthElapsed): PlanProgress {
  const factCents = toCents(fact.wonAmount);
  const { elapsedDays, daysInMonth: days } = elapsed;
  const started = elapsedDays > 0;
  return {
    ...elapsed,
    planRevenue: target.revenue,
    factRevenue: fromCents(factCents),
    revenueDone: target.revenue === null ? null : fraction(factCents, toCents(target.revenue)),
    projectedRevenue: started ? fromCents(divideRounded(factCents * BigInt(days), BigInt(elapsedDays))) : null,
    planWonDeals: target.wonDeals,
    factWonDeals: fact.wonCount,
    wonDealsDone: target.wonDeals === null ? null : fraction(BigInt(fact.wonCount), BigInt(target.wonDeals)),
    projectedWonDeals: started ? Number(divideRounded(BigInt(fact.wonCount) * BigInt(days) * 10n, BigInt(elapsedDays))) / 10 : null,
  };
}

/** a ÷ b with four decimals, rounded half up, in integers; null when b is 0 (nothing to be done). */
function fraction(a: bigint, b: bigint): number | null {
  if (b === 0n) return null;
  return Number(divideRounded(a * 10_000n, b)) / 10_000;
}

/** a ÷ b rounded half up, for a ≥ 0 and b > 0. */
function divideRounded(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}
