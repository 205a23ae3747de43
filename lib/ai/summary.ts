// A text's one-sentence summary in the language of the viewer it is shown to (docs/ai.md). A model's
// analysis wrote its summary in the text's language; shown to a viewer who reads the other one, the
// model is asked once for a summary in theirs — cached per text (content hash, model, prompt version)
// and language in `ai_summaries`, never asked again — under the same opt-in, budget and request log as
// the analysis. The basic analyser's summary is the text's own sentence and stays so: it cannot
// translate, and the caller says so. Whatever fails, the summary as analysed is shown.
import { and, eq } from "drizzle-orm";
import { aiSummaries } from "@/db/schema";
import type { Db } from "@/db/types";
import { analysisCacheKey, type TextAnalysis } from "./analysis";
import { hasModel, type AiConfig } from "./config";
import { summariseWithModel } from "./model-provider";
import { prepareText } from "./prepare";
import { logAiRequest } from "./request-log";
import { getAiSettings, tokensSpentThisMonth } from "./settings";

/** Bumped whenever the summary prompt changes: cached summaries of the old prompt are not reused. */
export const SUMMARY_PROMPT_VERSION = "summary-1";

/** A summary is asked while a page waits: at most this long, then the summary as analysed is shown. */
const SUMMARY_TIMEOUT_MS = 10_000;

export type ShownSummary = {
  summary: string;
  /** True when the summary is in the viewer's language; false when it is the text's own sentence or the model's in the text's language. */
  isInViewerLanguage: boolean;
  analyser: TextAnalysis["analyser"];
};

type Input = { text: string; analysis: Pick<TextAnalysis, "summary" | "language" | "analyser">; viewerLang: "ru" | "en" };
type Options = { config: AiConfig; fetch?: typeof fetch };

export async function summaryForViewer(db: Db, orgId: string, { text, analysis, viewerLang }: Input, { config, fetch: fetchFn }: Options): Promise<ShownSummary> {
  const asAnalysed: ShownSummary = { summary: analysis.summary, isInViewerLanguage: analysis.language === viewerLang, analyser: analysis.analyser };
  if (analysis.analyser === "basic" || asAnalysed.isInViewerLanguage || !hasModel(config)) return asAnalysed;
  const settings = await getAiSettings(db, orgId);
  if (!settings.isAnalysisEnabled) return asAnalysed;

  const prepared = prepareText(text, { maxChars: config.maxChars, redact: config.redactPii, country: config.country });
  const contentHash = analysisCacheKey(prepared.text, `${SUMMARY_PROMPT_VERSION}:${config.model}`);
  const where = and(eq(aiSummaries.orgId, orgId), eq(aiSummaries.contentHash, contentHash), eq(aiSummaries.language, viewerLang));
  const [cached] = await db.select({ summary: aiSummaries.summary }).from(aiSummaries).where(where).limit(1);
  if (cached) return { summary: cached.summary, isInViewerLanguage: true, analyser: "model" };
  if ((await tokensSpentThisMonth(db, orgId)) >= settings.monthlyTokenBudget) return asAnalysed;

  const call = await summariseWithModel(prepared.text, viewerLang, { ...config, timeoutMs: Math.min(config.timeoutMs, SUMMARY_TIMEOUT_MS) }, { fetch: fetchFn });
  await logAiRequest(db, orgId, config, { kind: "summary", model: config.model, tokensIn: call.tokensIn, tokensOut: call.tokensOut, latencyMs: call.latencyMs, attempts: call.attempts, outcome: call.outcome, errorCode: call.errorCode });
  if (call.summary === null) return asAnalysed;
  await db.insert(aiSummaries).values({ orgId, contentHash, language: viewerLang, summary: call.summary }).onConflictDoNothing();
  return { summary: call.summary, isInViewerLanguage: true, analyser: "model" };
}
