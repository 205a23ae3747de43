// The churn backtest: every customer scored as of a cut-off 180 days ago with only the orders before
// it; of those active then (an order within the organisation's "inactive" limit), the N riskiest are
// compared with what happened — did they order again within their horizon (two typical gaps, 30 …
// 180 days)? Precision = top-N who did not return ÷ N, beside the share among all active customers
// and the precision of the N ranked by recency alone (days since the last order), the simplest rival.
import type { Db } from "@/db/types";
import { MAX_HORIZON_DAYS, churnScore, horizonDays, DEFAULT_PRIOR_GAP_DAYS } from "./model";
import { readCustomerDays, readReturns } from "./read-days";

/** The length of the list measured. */
export const BACKTEST_TOP_N = 50;
const DAY_MS = 86_400_000;

export type ChurnBacktest = { cutoffAt: Date; eligible: number; churned: number; topN: number; topChurned: number; recencyTopChurned: number };

export async function churnBacktest(db: Db, org: { orgId: string; timezone: string; inactiveDays: number }, now: Date, topN = BACKTEST_TOP_N): Promise<ChurnBacktest> {
  const cutoffAt = new Date(now.getTime() - MAX_HORIZON_DAYS * DAY_MS);
  const where = { orgId: org.orgId, timezone: org.timezone, asOf: cutoffAt };
  const [then, returns] = await Promise.all([readCustomerDays(db, where), readReturns(db, where)]);
  const prior = then.medianGapDays ?? DEFAULT_PRIOR_GAP_DAYS;
  const scored = then.customers
    .filter((c) => c.daysSince <= org.inactiveDays)
    .map((c) => {
      const score = churnScore({ count: c.gaps, sum: c.gapDays }, c.daysSince, prior);
      const back = returns.get(c.customerId);
      return { id: c.customerId, risk: score.risk, daysSince: c.daysSince, churned: back === undefined || back > horizonDays(score.typicalGapDays) };
    })
    // Riskiest first; ties in a stable order so a run repeats.
    .sort((a, b) => b.risk - a.risk || a.id.localeCompare(b.id));
  const top = scored.slice(0, topN);
  const byRecency = [...scored].sort((a, b) => b.daysSince - a.daysSince || a.id.localeCompare(b.id)).slice(0, topN);
  return {
    cutoffAt,
    eligible: scored.length,
    churned: scored.filter((c) => c.churned).length,
    topN: top.length,
    topChurned: top.filter((c) => c.churned).length,
    recencyTopChurned: byRecency.filter((c) => c.churned).length,
  };
}
