// The deal card: one deal within the viewer's scope with its stage timeline, its activities, its
// contact and company, its conversation (texts from the CRM), and the link to its card in the CRM
// (GET /api/deals/:id, /deals/:id).
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { activities, aiJobs, conversationTexts, crmUsers, companies, contacts, deals, organisations, sources, type ConversationTextKind } from "@/db/schema";
import { selectRows } from "@/db/migrate";
import type { Db } from "@/db/types";
import { currentAiConfig, type AiConfig } from "@/lib/ai/config";
import type { TextAnalysis } from "@/lib/ai/schema";
import { summaryForViewer, type ShownSummary } from "@/lib/ai/summary";
import type { Scope } from "@/lib/auth/scope";
import { ValidationError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";
import { crmDealUrl } from "./crm-link";
import { getDeal, type DealRow } from "./deals";
import { dealRisk, dealSummary, summaryTexts, type DealRisk, type DealSummary } from "./deal-insight";
import { getAiSettings } from "@/lib/ai/settings";
import { patternsOfDeals, type DealPatternFigures } from "./patterns";
import { storedWinProbabilities, type StoredWinProbability } from "@/lib/predict/scores";
import { stageEntriesSql } from "@/lib/reports/facts/stage-entries";

/** The newest activities shown on a card; a deal with more says so through `activitiesTotal`. */
export const CARD_ACTIVITY_LIMIT = 200;
/** The newest conversation texts shown on a card; `conversationTotal` says how many there are. */
export const CARD_CONVERSATION_LIMIT = 100;

export type TimelineEntry = {
  stageId: string;
  stageName: string;
  semantic: "open" | "won" | "lost";
  enteredAt: string;
  leftAt: string | null;
  /** Days in the stage, to a tenth: until it left, or until now for the open stage it is in; null for the won/lost stage it ended in. */
  days: number | null;
  isBackward: boolean;
};

export type CardActivity = {
  id: string;
  type: "call" | "email" | "meeting" | "task";
  subject: string | null;
  direction: string | null;
  isCompleted: boolean;
  startAt: Date;
  durationSeconds: number | null;
  managerName: string | null;
};

/**
 * The analysis of one text (sentiment, intent, objections, summary), filled in by the text
 * analysis of issue 18; null until a text has been analysed.
 */
export type CardTextAnalysis = TextAnalysis;

export type CardConversationText = {
  id: string;
  kind: ConversationTextKind;
  /** Plain text; empty for a call record without a transcript. */
  body: string;
  direction: string | null;
  occurredAt: Date;
  authorName: string | null;
  durationSeconds: number | null;
  /** A link to the recording in the CRM (http or https only); never the audio. */
  recordingUrl: string | null;
  analysis: CardTextAnalysis | null;
};

export type CardParty = { id: string; name: string; phone: string | null; email: string | null };

export type DealCard = {
  deal: DealRow & { sourceName: string; sourceKind: string; crmUrl: string | null };
  timeline: TimelineEntry[];
  activities: CardActivity[];
  activitiesTotal: number;
  /** The deal's conversation, newest first (docs/deal-card.md, "Conversation"). */
  conversation: CardConversationText[];
  conversationTotal: number;
  /** From the newest analysed texts' summaries (./deal-insight.ts); null until one is analysed. */
  summary: DealSummary | null;
  /** An open deal's risk from its recent tone and quiet days; null when closed or nothing is analysed. */
  risk: DealRisk | null;
  contact: CardParty | null;
  company: CardParty | null;
  /** The stored patterns (docs/deal-card.md); null until the deal's facts are built. */
  patterns: DealPatternFigures | null;
  /** An open deal's win probability as last scored in the background (docs/models.md); null when closed, no model yet or not yet scored. */
  winProbability: StoredWinProbability | null;
  timezone: string;
};

/** A malformed id is the caller's mistake (400); a well-formed one outside the scope is "not found" (404). */
export function parseDealId(id: string): string {
  if (!isUuid(id)) throw new ValidationError("id: must be a deal id", { field: "id" });
  return id;
}

/** `viewerLang`: the summary is shown in it where a model can write it (lib/ai/summary.ts); `ai` the model's configuration, for tests. */
export type DealCardOptions = { viewerLang?: "ru" | "en"; ai?: { config: AiConfig; fetch?: typeof fetch } };

export async function getDealCard(db: Db, scope: Scope, dealId: string, now = new Date(), { viewerLang, ai }: DealCardOptions = {}): Promise<DealCard> {
  const deal = await getDeal(db, scope, parseDealId(dealId));
  const [links] = await db
    .select({
      sourceName: sources.name,
      sourceKind: sources.kind,
      baseUrl: sources.baseUrl,
      crmAccountDomain: sources.crmAccountDomain,
      contactId: deals.contactId,
      companyId: deals.companyId,
      timezone: organisations.timezone,
    })
    .from(deals)
    .innerJoin(sources, eq(sources.id, deals.sourceId))
    .innerJoin(organisations, eq(organisations.id, deals.orgId))
    .where(eq(deals.id, deal.id));
  const contact = links.contactId ? await partyOf(db, contacts, links.contactId) : null;
  const companyId = links.companyId ?? (contact ? await companyOfContact(db, contact.id) : null);
  const [timeline, dealActivities, [count], patterns, probabilities, conversation, aiSettings] = await Promise.all([
    timelineOf(db, deal.id, now),
    db
      .select({
        id: activities.id,
        type: activities.type,
        subject: activities.subject,
        direction: activities.direction,
        isCompleted: activities.isCompleted,
        startAt: activities.startAt,
        durationSeconds: activities.durationSeconds,
        managerName: crmUsers.name,
      })
      .from(activities)
      .leftJoin(crmUsers, eq(crmUsers.id, activities.crmUserId))
      .where(and(eq(activities.dealId, deal.id), isNull(activities.deletedAt)))
      .orderBy(desc(activities.startAt), desc(activities.id))
      .limit(CARD_ACTIVITY_LIMIT),
    db.select({ n: sql<number>`count(*)::int` }).from(activities).where(and(eq(activities.dealId, deal.id), isNull(activities.deletedAt))),
    patternsOfDeals(db, scope.orgId, [deal.id], now),
    storedWinProbabilities(db, scope.orgId, [deal.id]),
    conversationOf(db, scope.orgId, deal.id),
    getAiSettings(db, scope.orgId),
  ]);
  return {
    deal: { ...deal, sourceName: links.sourceName, sourceKind: links.sourceKind, crmUrl: crmDealUrl({ kind: links.sourceKind, baseUrl: links.baseUrl, crmAccountDomain: links.crmAccountDomain }, deal.externalId) },
    timeline,
    activities: dealActivities,
    activitiesTotal: Number(count?.n ?? 0),
    conversation: conversation.texts,
    conversationTotal: conversation.total,
    summary: dealSummary(conversation.texts, viewerLang ? await summariesForViewer(db, scope.orgId, conversation.texts, viewerLang, ai ?? { config: currentAiConfig() }) : undefined),
    risk: dealRisk({ semantic: deal.status, conversation: conversation.texts, activities: dealActivities, quietDays: aiSettings.riskQuietDays, now }),
    contact,
    company: companyId ? await partyOf(db, companies, companyId) : null,
    patterns: patterns.get(deal.id) ?? null,
    winProbability: probabilities.get(deal.id) ?? null,
    timezone: links.timezone,
  };
}

/** The summary texts' summaries in the viewer's language, asked of the model at most once per text and language. */
async function summariesForViewer(db: Db, orgId: string, texts: CardConversationText[], viewerLang: "ru" | "en", ai: { config: AiConfig; fetch?: typeof fetch }): Promise<Map<string, ShownSummary>> {
  const shown = new Map<string, ShownSummary>();
  // One after another: at most three, each asked once and then cached, and no burst at the provider's rate limit.
  for (const text of summaryTexts(texts)) shown.set(text.id, await summaryForViewer(db, orgId, { text: text.body, analysis: text.analysis, viewerLang }, ai));
  return shown;
}

/** The deal's live texts, within the organisation; the deal itself was already found in the viewer's scope. */
async function conversationOf(db: Db, orgId: string, dealId: string): Promise<{ texts: CardConversationText[]; total: number }> {
  const where = and(eq(conversationTexts.orgId, orgId), eq(conversationTexts.dealId, dealId), isNull(conversationTexts.deletedAt));
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: conversationTexts.id,
        kind: conversationTexts.kind,
        body: conversationTexts.body,
        direction: conversationTexts.direction,
        occurredAt: conversationTexts.occurredAt,
        authorName: crmUsers.name,
        durationSeconds: conversationTexts.durationSeconds,
        recordingUrl: conversationTexts.recordingUrl,
        analysis: aiJobs.analysis,
      })
      .from(conversationTexts)
      .leftJoin(crmUsers, eq(crmUsers.id, conversationTexts.crmUserId))
      // Its analysis once the queue has done it (lib/ai/conversation-jobs.ts names each job by its text).
      .leftJoin(aiJobs, and(eq(aiJobs.orgId, conversationTexts.orgId), eq(aiJobs.ref, sql`'conversation:' || ${conversationTexts.id}`), eq(aiJobs.status, "done")))
      .where(where)
      .orderBy(desc(conversationTexts.occurredAt), desc(conversationTexts.id))
      .limit(CARD_CONVERSATION_LIMIT),
    db.select({ n: sql<number>`count(*)::int` }).from(conversationTexts).where(where),
  ]);
  return { texts: rows.map((row) => ({ ...row, recordingUrl: safeLink(row.recordingUrl), analysis: row.analysis ?? null })), total: Number(count?.n ?? 0) };
}

/** Only http(s) links are shown: a stored "javascript:" would otherwise become a clickable link. */
function safeLink(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

async function partyOf(db: Db, table: typeof contacts | typeof companies, id: string): Promise<CardParty | null> {
  const [row] = await db
    .select({ id: table.id, name: table.name, phone: table.phone, email: table.email })
    .from(table)
    .where(and(eq(table.id, id), isNull(table.deletedAt)));
  return row ?? null;
}

async function companyOfContact(db: Db, contactId: string): Promise<string | null> {
  const [row] = await db.select({ companyId: contacts.companyId }).from(contacts).where(eq(contacts.id, contactId));
  return row?.companyId ?? null;
}

type EntryRow = { stage_id: string; stage_name: string; semantic: TimelineEntry["semantic"]; entered_epoch: number; left_epoch: number | null; is_backward: boolean };

async function timelineOf(db: Db, dealId: string, now: Date): Promise<TimelineEntry[]> {
  const rows = await selectRows<EntryRow>(
    db,
    sql`select stage_id, stage_name, semantic, extract(epoch from entered_at)::float8 as entered_epoch,
          extract(epoch from left_at)::float8 as left_epoch, is_backward
        from ${stageEntriesSql(sql`select ${deals.id}, ${deals.stageId}, ${deals.createdAt} from ${deals} where ${deals.id} = ${dealId}::uuid`)} entries
        order by position`,
  );
  const nowEpoch = now.getTime() / 1000;
  return rows.map((row) => {
    const enteredEpoch = Number(row.entered_epoch);
    const leftEpoch = row.left_epoch === null ? null : Number(row.left_epoch);
    const until = leftEpoch ?? (row.semantic === "open" ? nowEpoch : null);
    return {
      stageId: row.stage_id,
      stageName: row.stage_name,
      semantic: row.semantic,
      enteredAt: new Date(enteredEpoch * 1000).toISOString(),
      leftAt: leftEpoch === null ? null : new Date(leftEpoch * 1000).toISOString(),
      days: until === null ? null : Math.round(Math.max(0, until - enteredEpoch) / 8640) / 10,
      isBackward: row.is_backward === true,
    };
  });
}
