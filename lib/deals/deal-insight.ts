// What the deal card says about a deal from its analysed conversation (issue 18, docs/ai.md): a
// summary from its texts' summaries, and "at risk" when an open deal's recent tone is negative and
// nobody has touched it for the organisation's number of quiet days.
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

export function dealSummary(conversation: CardConversationText[]): DealSummary | null {
  const withSummary = analysedTexts(conversation).filter((text) => text.analysis.summary.trim() !== "");
  const newest = withSummary.slice(0, SUMMARY_TEXTS).reverse();
  if (newest.length === 0) return null;
  const sentences = [...new Set(newest.map((text) => text.analysis.summary.trim()))];
  return { sentences, analyser: newest.every((text) => text.analysis.analyser === "model") ? "model" : "basic" };
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
