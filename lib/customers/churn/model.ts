// The churn model, free of the database: a customer's chance of not buying again from how long it
// has been since their last order (recency), how many gaps between orders we have seen (frequency)
// and how long those gaps were (their own rhythm). docs/customers.md ("Churn risk") states it.
//
// Each customer is read as buying at a steady rate of their own; what we know of that rate is their
// gaps plus one gap of the organisation's typical length (so a one-time buyer still has a rhythm,
// and two quick orders are not taken as a promise). Averaged over what the rate could be
// (exponential gaps, gamma-distributed rate), the chance that a gap of theirs ends within t days is
//   1 − (β / (β + t))^α,  α = gaps + 1,  β = their gap days + the organisation's gap,
// which is the F(2, 2α) distribution function at t·α/β — computed with jStat, not by hand.
import { jStat } from "jstat";

/** Used as the organisation's typical gap while it has no repeat customer to learn one from. */
export const DEFAULT_PRIOR_GAP_DAYS = 30;

export type ChurnScore = {
  /** 0 … 1: the chance a usual gap of theirs would have ended by now, i.e. that this one means they are gone. */
  risk: number;
  /** β / α: their mean gap with the organisation's one added, in days. */
  typicalGapDays: number;
};

/**
 * @param gapDays  days between consecutive order days (each ≥ 1)
 * @param daysSinceLast  days from the last order day to today (≥ 0)
 * @param priorGapDays  the organisation's median gap (> 0)
 */
export function churnScore(gapDays: { count: number; sum: number }, daysSinceLast: number, priorGapDays: number): ChurnScore {
  const alpha = gapDays.count + 1;
  const beta = gapDays.sum + priorGapDays;
  const t = Math.max(0, daysSinceLast);
  return { risk: jStat.centralF.cdf((t * alpha) / beta, 2, 2 * alpha), typicalGapDays: beta / alpha };
}

/** How long after a cut-off the backtest waits for a customer's next order: two typical gaps, 30 … 180 days. */
export const MIN_HORIZON_DAYS = 30;
export const MAX_HORIZON_DAYS = 180;
export function horizonDays(typicalGapDays: number): number {
  return Math.min(MAX_HORIZON_DAYS, Math.max(MIN_HORIZON_DAYS, Math.round(2 * typicalGapDays)));
}
