// What the deal card says about a deal from its analysed conversation (issue 18, docs/ai.md): a
// summary from its texts' summaries, and "at risk" when an open deal's recent tone is negative and
// nobody has touched it for the organisation's number of quiet days.
import type { ShownSummary } from "@/lib/ai/summary";
import type { CardActivity, CardConversationText } from "./deal-card";

/** The newest analysed texts the summary is made of, and whose tone is "recent". */
export const SUMMARY_TEXTS = 3;
export const RECENT_TEXTS = 3;
/** Below this mean sentiment the recent tone reads as negative (lib/ai/schema.ts's neutral band is ±0.2). */
export const NEGATIVE_TONE = -0.2;

export type DealSummary = {
  /** The summaries of the newest analysed texts, oldest first, one sentence each. */
  sentences: string[];
  /** "model" when a model wrote every one of them; else the basic analyser's (each text's most telling sentence). */
  analyser: "basic" | "model";
  /**
   * True when a sentence is not in the viewer's language: the basic analyser's (the text's own
   * sentence, never translated) or a model's that could not be asked again (no opt-in, budget spent,
   * outage). False when every sentence is in the viewer's language — or no viewer language was given
   * and a model wrote them all.
   */
  isInTextLanguage: boolean;
};

export type DealRisk = {
  isAtRisk: boolean;
  /** Mean sentiment of the newest RECENT_TEXTS analysed texts, two decimals. */
  recentSentiment: number;
  recentTexts: number;
  /** Whole days since the last touch: a text or a done activity, whichever is newer; null when none is in the past. */
  daysSinceTouch: number | null;
  quietDays: number;
};

type Input = { semantic: "open" | "won" | "lost"; conversation: CardConversationText[]; activities: CardActivity[]; quietDays: number; now: Date };

const DAY_MS = 86_400_000;

/** The card's conversation is newest first; only analysed texts count. */
function analysedTexts(conversation: CardConversationText[]) {
  return conversation.filter((text): text is CardConversationText & { analysis: NonNullable<CardConversationText["analysis"]> } => text.analysis !== null);
}

/** The texts the deal summary is made of: the newest analysed ones with a summary, newest first. */
export function summaryTexts(conversation: CardConversationText[]) {
  return analysedTexts(conversation)
    .filter((text) => text.analysis.summary.trim() !== "")
    .slice(0, SUMMARY_TEXTS);
}

/** `shown`: each text's summary in the viewer's language where one could be had (lib/ai/summary.ts), by text id. */
export function dealSummary(conversation: CardConversationText[], shown?: Map<string, ShownSummary>): DealSummary | null {
  const newest = summaryTexts(conversation).reverse();
  if (newest.length === 0) return null;
  const summaries = newest.map((text) => shown?.get(text.id) ?? { summary: text.analysis.summary, isInViewerLanguage: text.analysis.analyser === "model", analyser: text.analysis.analyser });
  const sentences = [...new Set(summaries.map((s) => s.summary.trim()))];
  return {
    sentences,
    analyser: summaries.every((s) => s.analyser === "model") ? "model" : "basic",
    isInTextLanguage: summaries.some((s) => s.analyser === "basic" || !s.isInViewerLanguage),
  };
}

export function dealRisk({ semantic, conversation, activities, quietDays, now }: Input): DealRisk | null {
  if (semantic !== "open") return null;
  const recent = analysedTexts(conversation).slice(0, RECENT_TEXTS);
  if (recent.length === 0) return null;
  const recentSentiment = Math.round((recent.reduce((sum, text) => sum + text.analysis.sentiment, 0) / recent.length) * 100) / 100;
  const touches = [
    ...conversation.map((text) => new Date(text.occurredAt).getTime()),
    ...activities.filter((activity) => activity.isCompleted).map((activity) => new Date(activity.startAt).getTime()),
  ].filter((time) => time <= now.getTime());
  const lastTouch = touches.length ? Math.max(...touches) : null;
  const daysSinceTouch = lastTouch === null ? null : Math.floor((now.getTime() - lastTouch) / DAY_MS);
  return { isAtRisk: recentSentiment < NEGATIVE_TONE && daysSinceTouch !== null && daysSinceTouch >= quietDays, recentSentiment, recentTexts: recent.length, daysSinceTouch, quietDays };
}
