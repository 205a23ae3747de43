// What the deals list holds, in words: «Выигранные · закрыты в периоде · март 2025 · Этап: …».
import type { DealListPage, DealListRow } from "@/lib/deals/deal-list";
import { formatMonthKey, type Locale } from "@/lib/format";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import { fill } from "@/lib/i18n/fill";

type Input = { params: Record<string, string>; rows: DealListRow[]; reachedStage: DealListPage["reachedStage"]; teamName?: string | null; locale: Locale; t: DashboardMessages["deals"] };

/** The bucket's parts; empty for a list of all deals. A funnel bar's stage is named by the API, not by a row. */
export function bucketCaption({ params, rows, reachedStage, teamName = null, locale, t }: Input): string[] {
  const parts: string[] = [];
  if (params.status === "won" || params.status === "lost" || params.status === "open") parts.push(t.status[params.status]);
  if (params.periodOn === "created" || params.periodOn === "closed") parts.push(t.periodOn[params.periodOn]);
  if (params.month) parts.push(formatMonthKey(params.month, locale));
  if (params.stageId && rows[0]) parts.push(`${t.stage}: ${rows[0].stageName}`);
  if (params.reachedStageId) parts.push(reachedStage ? fill(t.reachedStage, { stage: reachedStage.name, pipeline: reachedStage.pipelineName }) : t.reachedChosenStage);
  if (params.managerId && rows[0]) parts.push(`${t.manager}: ${rows[0].managerName ?? t.noManager}`);
  if (params.teamId) parts.push(params.teamId === "none" ? t.unattributed : teamName ? fill(t.teamNamed, { name: teamName }) : t.team);
  if (params.utmSource) parts.push(`utm_source: ${params.utmSource}`);
  if (params.utmCampaign) parts.push(`utm_campaign: ${params.utmCampaign}`);
  if (params.notSet === "utmSource" || params.notSet === "utmCampaign") parts.push(t.notSetOf[params.notSet]);
  if (params.noTouchDays) parts.push(fill(t.noTouchFilter, { n: params.noTouchDays }));
  return parts;
}
