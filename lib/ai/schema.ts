// What one analysis of a conversation text is, whichever analyser made it, and the cache key of a
// text. Imported through lib/ai/analysis.ts, which adds `analyzeText`; the analysers import this file
// directly, so that analysis.ts can import them.
import { createHash } from "node:crypto";
import { z } from "zod";

import { INTENTS, OBJECTION_TYPES } from "./kinds";

export { INTENTS, OBJECTION_TYPES, type Intent, type ObjectionType } from "./kinds";

/** Bumped whenever the basic analyser's rules or lexicon change: cached analyses of the old version are not reused. */
export const BASIC_ANALYSER_VERSION = "basic-4";
/** Bumped whenever the model prompt or answer schema change. */
export const MODEL_PROMPT_VERSION = "model-1";

export const objectionSchema = z.object({
  type: z.enum(OBJECTION_TYPES),
  quote: z.string().trim().min(1).max(500),
});

/** What a model must answer: validated, never trusted (lib/ai/model-provider.ts). */
export const modelAnswerSchema = z.object({
  sentiment: z.number().min(-1).max(1),
  intent: z.enum(INTENTS),
  objections: z.array(objectionSchema).max(20),
  summary: z.string().trim().min(1).max(1000),
  language: z.string().trim().min(2).max(16),
});

export const textAnalysisSchema = modelAnswerSchema.extend({
  analyser: z.enum(["basic", "model"]),
  model: z.string().optional(),
});

export type TextAnalysis = z.infer<typeof textAnalysisSchema>;
export type Objection = z.infer<typeof objectionSchema>;

/** Lower case, one space between words, ё as е: the same words give the same key. */
export function normaliseText(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
}

/** The cache key of a text for one analyser version (and model): sha256 hex. */
export function analysisCacheKey(text: string, analyserVersion: string): string {
  return createHash("sha256").update(`${analyserVersion}\n${normaliseText(text)}`).digest("hex");
}

/** "ru" when most letters are Cyrillic, else "en": the basic analyser knows these two. */
export function detectLanguage(text: string): "ru" | "en" {
  const cyrillic = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  return cyrillic >= latin && cyrillic > 0 ? "ru" : "en";
}

/** The sign of a sentiment as the labelled set counts it: within ±0.2 is neutral. */
export function sentimentSign(sentiment: number): -1 | 0 | 1 {
  if (sentiment > 0.2) return 1;
  if (sentiment < -0.2) return -1;
  return 0;
}
