// The open pipeline for the revenue forecast, read from the rollups: each open stage's deals and
// amount by creation month, each stage's historical win rate, and the won deals' mean days to close.
// Until a win-probability model exists, an open deal is weighted by its stage's win rate.
import { sql } from "drizzle-orm";
import { reportDealDaily, reportStageDaily, stages } from "@/db/schema";
import { selectRows } from "@/db/migrate";
import { fromCents, toCents } from "../deal-sql";
import { reportRows } from "../filters";
import type { ReportContext } from "../report";

export type StageWinRate = {
  stageId: string;
  pipelineId: string;
  name: string;
  openDeals: number;
  openAmount: string;
  /** Won ÷ closed among the deals that ever reached the stage; null when none of them has closed. */
  winRate: number | null;
};

export type OpenPipeline = {
  stages: StageWinRate[];
  /** Open deals' amount by stage and month of creation (YYYY-MM). */
  cohorts: { stageId: string; month: string; deals: number; amount: string }[];
  /** Mean days from creation to close of the won deals; null when there are none. */
  meanDaysToClose: number | null;
};

type OpenRow = { stageId: string; month: string; deals: number; amount: string };
type StageRow = { stageId: string; pipelineId: string; name: string; sort: number; reached: number };
type WonRow = { pipelineId: string; deals: number; cycleSeconds: string | null };

export async function readOpenPipeline(context: ReportContext): Promise<OpenPipeline> {
  const r = reportDealDaily;
  const s = reportStageDaily;
  const [open, won] = await Promise.all([
    selectRows<OpenRow>(
      context.db,
      sql`select ${r.stageId}::text as "stageId", to_char(${r.day}, 'YYYY-MM') as month, sum(${r.deals})::int as deals,
            coalesce(sum(${r.amount}), 0)::numeric(18,2)::text as amount
          from ${r} where ${reportRows(context, r)} and ${r.kind} = 'created' and ${r.semantic} = 'open'
          group by 1, 2`,
    ),
    selectRows<WonRow>(
      context.db,
      sql`select ${r.pipelineId}::text as "pipelineId", sum(${r.deals})::int as deals, sum(${r.cycleSeconds})::text as "cycleSeconds"
          from ${r} where ${reportRows(context, r)} and ${r.kind} = 'closed' and ${r.semantic} = 'won'
          group by 1`,
    ),
  ]);
  const openStageIds = [...new Set(open.map((row) => row.stageId))];
  // Every deal that reached an open stage of its pipeline: the stage rollup counts each deal once
  // on its first day of reaching it. A won deal reached every open stage of its pipeline.
  const stageRows =
    openStageIds.length === 0
      ? []
      : await selectRows<StageRow>(
          context.db,
          sql`select st.id::text as "stageId", st.pipeline_id::text as "pipelineId", st.name, st.sort, coalesce(reached.n, 0)::int as reached
              from ${stages} st
              left join (select ${s.stageId} as stage_id, sum(${s.firstReached}) as n from ${s} where ${reportRows(context, s)} group by 1) reached on reached.stage_id = st.id
              where st.org_id = ${context.scope.orgId} and st.semantic = 'open'
                and st.pipeline_id in (select o.pipeline_id from ${stages} o where o.id in (${sql.join(
                  openStageIds.map((id) => sql`${id}::uuid`),
                  sql`, `,
                )}))`,
        );
  return buildPipeline(open, stageRows, won);
}

/**
 * A stage's win rate from sums: the deals that reached it and have closed are those that reached it
 * less the open ones standing in it or further on; of those, the pipeline's won deals won.
 */
export function buildPipeline(open: OpenRow[], stageRows: StageRow[], won: WonRow[]): OpenPipeline {
  const openByStage = new Map<string, { deals: number; cents: bigint }>();
  for (const row of open) {
    const tally = openByStage.get(row.stageId) ?? { deals: 0, cents: 0n };
    tally.deals += row.deals;
    tally.cents += toCents(row.amount);
    openByStage.set(row.stageId, tally);
  }
  const wonByPipeline = new Map(won.map((row) => [row.pipelineId, row.deals]));
  const result: StageWinRate[] = stageRows
    .filter((row) => openByStage.has(row.stageId))
    .map((row) => {
      const openAtOrBeyond = stageRows
        .filter((other) => other.pipelineId === row.pipelineId && other.sort >= row.sort)
        .reduce((sum, other) => sum + (openByStage.get(other.stageId)?.deals ?? 0), 0);
      const closed = row.reached - openAtOrBeyond;
      const wonDeals = wonByPipeline.get(row.pipelineId) ?? 0;
      const tally = openByStage.get(row.stageId)!;
      return {
        stageId: row.stageId,
        pipelineId: row.pipelineId,
        name: row.name,
        openDeals: tally.deals,
        openAmount: fromCents(tally.cents),
        winRate: closed <= 0 ? null : Math.min(1, Math.round((wonDeals / closed) * 10_000) / 10_000),
      };
    });
  const wonDeals = won.reduce((sum, row) => sum + row.deals, 0);
  const cycleSeconds = won.reduce((sum, row) => sum + Number(row.cycleSeconds ?? 0), 0);
  return {
    stages: result,
    cohorts: open.map((row) => ({ stageId: row.stageId, month: row.month, deals: row.deals, amount: row.amount })),
    meanDaysToClose: wonDeals === 0 ? null : Math.round((cycleSeconds / wonDeals / 86_400) * 10) / 10,
  };
}
