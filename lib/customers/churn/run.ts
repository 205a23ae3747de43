// The organisation's last churn scoring and its backtest, as the page and GET /api/customers/churn show them.
import { eq } from "drizzle-orm";
import { churnRuns } from "@/db/schema";
import type { Db } from "@/db/types";
import { MAX_HORIZON_DAYS, MIN_HORIZON_DAYS } from "./model";

/** The risk from which a customer is a churn candidate (the page's list; the API takes any). */
export const CANDIDATE_RISK_MIN = 0.7;

export type ChurnRunView = {
  scoredAt: Date;
  priorGapDays: number;
  customersScored: number;
  backtest: {
    cutoffAt: Date | null;
    horizonDays: { min: number; max: number };
    eligible: number;
    churned: number;
    /** Churned ÷ eligible: what a list drawn at random would hit. */
    baseRate: number | null;
    topN: number;
    topChurned: number;
    /** Top-N churned ÷ N. */
    precision: number | null;
    /** The N longest without an order: how many of them did not return, and that share. */
    recencyTopChurned: number;
    recencyPrecision: number | null;
  };
} | null;

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

export async function getChurnRun(db: Db, orgId: string): Promise<ChurnRunView> {
  const [run] = await db.select().from(churnRuns).where(eq(churnRuns.orgId, orgId)).limit(1);
  if (!run) return null;
  return {
    scoredAt: run.scoredAt,
    priorGapDays: run.priorGapDays,
    customersScored: run.customersScored,
    backtest: {
      cutoffAt: run.cutoffAt,
      horizonDays: { min: MIN_HORIZON_DAYS, max: MAX_HORIZON_DAYS },
      eligible: run.eligible,
      churned: run.churned,
      baseRate: share(run.churned, run.eligible),
      topN: run.topN,
      topChurned: run.topChurned,
      precision: share(run.topChurned, run.topN),
      recencyTopChurned: run.recencyTopChurned,
      recencyPrecision: share(run.recencyTopChurned, run.topN),
    },
  };
}
