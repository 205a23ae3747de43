// Conversations: why deals are won and lost, read from the analysed conversation texts of the deals
// in scope (docs/ai.md, "The Conversations dashboard"): objections by type per manager, per stage
// and per month, the tone by month, lost deals by their last objection, and example quotes.
import { and, eq, inArray, or } from "drizzle-orm";
import { crmUsers, pipelines, stages, users } from "@/db/schema";
import { OBJECTION_TYPES, type ObjectionType } from "@/lib/ai/schema";
import { countObjections, countTexts, exampleQuotes, lostDeals, type Dimension, type ObjectionCountRow, type TextCountRow } from "./conversation-queries";
import { ratio } from "./deal-sql";
import { personName } from "./filter-options";
import type { ReportContext, ReportDefinition } from "./report";

/** Texts that raised each objection type, and `total`: texts that raised any (a text raising two types counts once). */
export type ObjectionCounts = Record<ObjectionType, number> & { total: number };
export type ToneFigures = {
  /** Non-empty texts written in the period. */
  texts: number;
  /** Of them, analysed by the queue. */
  analysed: number;
  /** Mean sentiment (−1…1) of the analysed texts, two decimals; null when none. */
  averageSentiment: number | null;
  positive: number;
  neutral: number;
  negative: number;
};
export type ConversationManagerRow = { managerId: string | null; managerName: string | null } & ToneFigures & ObjectionCounts;
export type ConversationStageRow = { stageId: string; stageName: string; pipelineName: string; semantic: "open" | "won" | "lost" } & ObjectionCounts;
export type ConversationMonthRow = { month: string } & ToneFigures & ObjectionCounts;
export type LostByObjectionRow = { type: ObjectionType | null; deals: number; share: number | null };
export type LostDeal = { dealId: string; title: string; managerName: string | null; closedAt: string | null; type: ObjectionType | null; quote: string | null };
export type ObjectionQuote = { type: ObjectionType; quote: string; dealId: string; dealTitle: string; managerName: string | null; occurredAt: string };

export type ConversationsResult = {
  /**
   * Per manager (the deal's), as a person: managerId is the Voronka user's id when the CRM account is
   * linked to one (their accounts in both CRMs are one row), else the CRM user's; null: deals with no manager (admins only).
   */
  rows: ConversationManagerRow[];
  totals: ToneFigures & ObjectionCounts;
  byStage: ConversationStageRow[];
  /** Months with texts, oldest first: objections and the sentiment trend. */
  byMonth: ConversationMonthRow[];
  /** Lost deals closed in the period by their last objection; type null: no analysed text raised one. */
  lostByObjection: LostByObjectionRow[];
  /** The newest of those lost deals (at most LOST_DEAL_LIMIT). */
  lostDeals: LostDeal[];
  /** The newest QUOTES_PER_TYPE quotes of each objection type. */
  quotes: ObjectionQuote[];
};

export const QUOTES_PER_TYPE = 3;
export const LOST_DEAL_LIMIT = 20;

const emptyTone: ToneFigures = { texts: 0, analysed: 0, averageSentiment: null, positive: 0, neutral: 0, negative: 0 };

function countsOf(rows: ObjectionCountRow[], dimension: Dimension, key: string | null): ObjectionCounts {
  const counts = Object.fromEntries([...OBJECTION_TYPES, "total"].map((type) => [type, 0])) as ObjectionCounts;
  for (const row of rows) if (row.dimension === dimension && row.key === key) counts[row.type ?? "total"] = row.texts;
  return counts;
}

function toneOf(row: TextCountRow | undefined): ToneFigures {
  if (!row) return emptyTone;
  const { texts, analysed, averageSentiment, positive, neutral, negative } = row;
  return { texts, analysed, averageSentiment: averageSentiment === null ? null : Number(averageSentiment), positive, neutral, negative };
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export async function getConversations(context: ReportContext): Promise<ConversationsResult> {
  const { db, scope } = context;
  const [objections, texts, lost, quotes] = await Promise.all([countObjections(context), countTexts(context), lostDeals(context), exampleQuotes(context, QUOTES_PER_TYPE)]);
  const textRow = (dimension: TextCountRow["dimension"], key: string | null) => texts.find((row) => row.dimension === dimension && row.key === key);

  const managerIds = texts.flatMap((row) => (row.dimension === "manager" && row.key !== null ? [row.key] : []));
  const stageIds = [...new Set(objections.flatMap((row) => (row.dimension === "stage" && row.key !== null ? [row.key] : [])))];
  const [managers, stageRows] = await Promise.all([
    managerIds.length
      ? db
          .select({ id: crmUsers.id, name: crmUsers.name, userId: crmUsers.userId, userName: users.name })
          .from(crmUsers)
          .leftJoin(users, eq(users.id, crmUsers.userId))
          .where(and(eq(crmUsers.orgId, scope.orgId), or(inArray(crmUsers.id, managerIds), inArray(crmUsers.userId, managerIds))))
      : [],
    stageIds.length
      ? db
          .select({ id: stages.id, name: stages.name, semantic: stages.semantic, sort: stages.sort, pipelineName: pipelines.name, pipelineSort: pipelines.sort })
          .from(stages)
          .innerJoin(pipelines, eq(pipelines.id, stages.pipelineId))
          .where(and(eq(stages.orgId, scope.orgId), inArray(stages.id, stageIds)))
      : [],
  ]);
  const names = new Map(
    managerIds.map((id) => {
      const accounts = managers.filter((account) => (account.userId ?? account.id) === id);
      return [id, accounts.length ? personName(accounts.map((account) => account.name), accounts[0].userName) : null];
    }),
  );

  const rows = texts
    .filter((row) => row.dimension === "manager")
    .map((row) => ({ managerId: row.key, managerName: row.key ? (names.get(row.key) ?? null) : null, ...toneOf(row), ...countsOf(objections, "manager", row.key) }))
    .sort((a, b) => (a.managerId === null ? 1 : b.managerId === null ? -1 : (a.managerName ?? "").localeCompare(b.managerName ?? "", "ru")));
  const byStage = stageRows
    .sort((a, b) => a.pipelineSort - b.pipelineSort || a.pipelineName.localeCompare(b.pipelineName, "ru") || a.sort - b.sort)
    .map((stage) => ({ stageId: stage.id, stageName: stage.name, pipelineName: stage.pipelineName, semantic: stage.semantic, ...countsOf(objections, "stage", stage.id) }));
  const byMonth = texts
    .filter((row) => row.dimension === "month" && row.key !== null)
    .map((row) => ({ month: row.key!, ...toneOf(row), ...countsOf(objections, "month", row.key) }))
    .sort((a, b) => a.month.localeCompare(b.month));

  const lostCounts = new Map<ObjectionType | null, number>();
  for (const deal of lost) lostCounts.set(deal.type, (lostCounts.get(deal.type) ?? 0) + 1);
  const lostByObjection = [...OBJECTION_TYPES, null]
    .filter((type) => lostCounts.has(type))
    .map((type) => ({ type, deals: lostCounts.get(type)!, share: ratio(lostCounts.get(type)!, lost.length) }))
    .sort((a, b) => (a.type === null ? 1 : b.type === null ? -1 : b.deals - a.deals));

  return {
    rows,
    totals: { ...toneOf(textRow("total", null)), ...countsOf(objections, "total", null) },
    byStage,
    byMonth,
    lostByObjection,
    lostDeals: lost.slice(0, LOST_DEAL_LIMIT).map((deal) => ({ ...deal, closedAt: iso(deal.closedAt) })),
    quotes: quotes.map((quote) => ({ ...quote, occurredAt: iso(quote.occurredAt)! })),
  };
}

export const conversationsReport: ReportDefinition<ConversationsResult> = { name: "conversations", run: getConversations };
