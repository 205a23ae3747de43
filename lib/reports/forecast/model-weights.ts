// The open pipeline weighted by the win-probability model (lib/predict): when the organisation's
// newest model is a trained logistic regression, each open deal in the report's scope and filters
// counts at its stored probability (deal_win_scores, scored in the background) instead of its
// stage's historical rate. The deals come from the report facts (the same rows and base-currency
// amounts the rollups sum); a deal not scored yet counts at its stage's rate, and the answer says
// how many did. One grouped statement, whatever the number of open deals.
import { sql } from "drizzle-orm";
import { dealWinScores, reportDealFacts } from "@/db/schema";
import { selectRows } from "@/db/migrate";
import { latestWinModel } from "@/lib/predict/train";
import { reportRows } from "../filters";
import type { ReportContext } from "../report";

/** What one month's creations add to the pipeline, already weighted. */
export type WeightedCohort = { month: string; amount: number; weighted: number };

export type ModelWeights = {
  model: { version: number; trainedAt: Date };
  cohorts: WeightedCohort[];
  /** Open deals in the scope; `fallback`: those not scored yet, weighted by their stage's rate. */
  deals: number;
  fallback: number;
};

type Row = { month: string; stageId: string; deals: number; unscored: number; amount: string; unscoredAmount: string; weighted: number | string };

export async function readModelWeights(context: ReportContext, stageRates: Map<string, number>): Promise<ModelWeights | null> {
  const model = await latestWinModel(context.db, context.scope.orgId);
  if (!model || model.kind !== "logistic") return null;
  const f = reportDealFacts;
  const s = dealWinScores;
  const rows = await selectRows<Row>(
    context.db,
    sql`select to_char(${f.createdDay}, 'YYYY-MM') as month, ${f.stageId}::text as "stageId",
          count(*)::int as deals, (count(*) - count(${s.dealId}))::int as unscored,
          coalesce(sum(${f.currentAmount}), 0)::text as amount,
          coalesce(sum(${f.currentAmount}) filter (where ${s.dealId} is null), 0)::text as "unscoredAmount",
          coalesce(sum(${f.currentAmount}::float8 * ${s.probability}), 0)::float8 as weighted
        from ${f} left join ${s} on ${s.dealId} = ${f.dealId}
        where ${reportRows(context, f)} and ${f.semantic} = 'open'
        group by 1, 2`,
  );
  const byMonth = new Map<string, WeightedCohort>();
  let deals = 0;
  let fallback = 0;
  for (const row of rows) {
    deals += row.deals;
    fallback += row.unscored;
    const cohort = byMonth.get(row.month) ?? { month: row.month, amount: 0, weighted: 0 };
    cohort.amount += Number(row.amount);
    cohort.weighted += Number(row.weighted) + Number(row.unscoredAmount) * (stageRates.get(row.stageId) ?? 0);
    byMonth.set(row.month, cohort);
  }
  return { model: { version: model.version, trainedAt: model.trainedAt }, cohorts: [...byMonth.values()], deals, fallback };
}
