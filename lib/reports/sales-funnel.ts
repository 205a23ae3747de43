// The sales funnel: for each pipeline, its stages in order with the deals now in them, the deals that
// reached them in the period, conversion between stages and the days deals spend in each stage.
import { ratio } from "./deal-sql";
import type { ReportContext, ReportDefinition } from "./report";
import { closedByPipeline, currentByStage, listFunnelStages, stageFigures } from "./sales-funnel-queries";

export type SalesFunnelRow = {
  pipelineId: string;
  pipelineName: string;
  stageId: string;
  stageName: string;
  /** 1, 2, 3… within the pipeline, in the CRM's stage order. */
  position: number;
  semantic: "open" | "won" | "lost";
  /** Deals created in the period that are in this stage now (a cohort, not an all-time snapshot). */
  currentCount: number;
  currentAmount: string;
  /** Deals that entered this stage in the period, or a later open stage when this one is open. */
  reachedCount: number;
  /** reached ÷ reached of the previous open stage; null for the first stage or when that is 0. */
  conversionFromPrevious: number | null;
  /** reached ÷ reached of the pipeline's first stage; null when that is 0. */
  conversionFromFirst: number | null;
  /** Average days per stay that began in the period; null for won and lost stages, which deals never leave. */
  averageDaysInStage: number | null;
};
export type SalesFunnelTotals = { pipelineId: string; wonCount: number; lostCount: number }[];
export type SalesFunnelResult = { rows: SalesFunnelRow[]; totals: SalesFunnelTotals };

export async function getSalesFunnel(context: ReportContext): Promise<SalesFunnelResult> {
  const [stageList, current, figures, closed] = await Promise.all([listFunnelStages(context), currentByStage(context), stageFigures(context), closedByPipeline(context)]);
  const currentOf = new Map(current.map((row) => [row.stageId, row]));
  const reachedOf = new Map(figures.map((row) => [row.stageId, row.reachedCount]));
  const daysOf = new Map(figures.map((row) => [row.stageId, row.averageDays]));

  const rows: SalesFunnelRow[] = [];
  const pipelineIds: string[] = [];
  let first = 0;
  let previousOpen: number | null = null;
  for (const stage of stageList) {
    const isFirst = pipelineIds.at(-1) !== stage.pipelineId;
    if (isFirst) pipelineIds.push(stage.pipelineId);
    const position = isFirst ? 1 : rows[rows.length - 1].position + 1;
    const reachedCount = reachedOf.get(stage.stageId) ?? 0;
    if (isFirst) {
      first = reachedCount;
      previousOpen = null;
    }
    rows.push({
      pipelineId: stage.pipelineId,
      pipelineName: stage.pipelineName,
      stageId: stage.stageId,
      stageName: stage.stageName,
      position,
      semantic: stage.semantic,
      currentCount: currentOf.get(stage.stageId)?.count ?? 0,
      currentAmount: currentOf.get(stage.stageId)?.amount ?? "0.00",
      reachedCount,
      // Deals are lost from any stage, so "from the previous stage" means nothing for a lost stage.
      conversionFromPrevious: previousOpen === null || stage.semantic === "lost" ? null : ratio(reachedCount, previousOpen),
      conversionFromFirst: ratio(reachedCount, first),
      averageDaysInStage: stage.semantic === "open" ? (daysOf.get(stage.stageId) ?? null) : null,
    });
    if (stage.semantic === "open") previousOpen = reachedCount;
  }
  const closedOf = new Map(closed.map((row) => [row.pipelineId, row]));
  const totals = pipelineIds.map((pipelineId) => ({ pipelineId, wonCount: closedOf.get(pipelineId)?.wonCount ?? 0, lostCount: closedOf.get(pipelineId)?.lostCount ?? 0 }));
  return { rows, totals };
}

export const salesFunnelReport: ReportDefinition<SalesFunnelResult> = { name: "sales-funnel", run: getSalesFunnel };
