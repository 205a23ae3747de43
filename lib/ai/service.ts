// Analyses one text for an organisation: the configured model when the organisation has opted in and
// has budget left, the basic analyser otherwise (and whenever the model fails — an outage never blocks
// anyone). Model answers are cached by content hash; every model call is logged.
import { and, eq } from "drizzle-orm";
import { aiAnalyses } from "@/db/schema";
import type { Db } from "@/db/types";
import { analysisCacheKey, detectLanguage, MODEL_PROMPT_VERSION, textAnalysisSchema, type TextAnalysis } from "./analysis";
import { analyseBasic } from "./basic/analyse";
import { hasModel, type AiConfig } from "./config";
import { analyseWithModel, type ModelOutcome } from "./model-provider";
import { prepareText } from "./prepare";
import { logAiRequest } from "./request-log";
import { getAiSettings, tokensSpentThisMonth } from "./settings";
import { transcribe, TranscriptionError, type Transcript } from "./transcribe";

/** Why the basic analyser answered although a model is configured. */
export type Fallback = "not_enabled" | "budget_spent" | "model_failed";

export type AnalyseResult = {
  analysis: TextAnalysis;
  isTruncated: boolean;
  /** Said when the text was cut: how long it was and where it was cut. */
  note: string | null;
  isCached: boolean;
  fallback: Fallback | null;
  /** The model call's error code when it failed (fallback "model_failed"). */
  modelError: string | null;
};

type Options = { lang?: string; config: AiConfig; fetch?: typeof fetch };

/** When the model may not or could not answer: the basic analyser answers (the API), or the caller waits (the queue). */
export type Unavailable = { deferred: "budget_spent" | "model_failed"; modelError: string | null; isRetryable: boolean };

const basicLang = (lang: string | undefined, text: string): "ru" | "en" => (lang === "ru" || lang === "en" ? lang : detectLanguage(text));
const RETRYABLE = new Set(["timeout", "rate_limited", "provider_error"]);

/** Throws EmptyTextError (lib/ai/prepare.ts) for an empty text. */
export async function analyseForOrg(db: Db, orgId: string, raw: string, options: Options): Promise<AnalyseResult> {
  return (await analyseOrDefer(db, orgId, raw, { ...options, whenUnavailable: "basic" })) as AnalyseResult;
}

/** As analyseForOrg; with `whenUnavailable: "defer"` a spent budget or a failed model call is returned instead of answered. */
export async function analyseOrDefer(
  db: Db,
  orgId: string,
  raw: string,
  { lang, config, fetch: fetchFn, whenUnavailable }: Options & { whenUnavailable: "basic" | "defer" },
): Promise<AnalyseResult | Unavailable> {
  const settings = await getAiSettings(db, orgId);
  const useModel = hasModel(config) && settings.isAnalysisEnabled;
  // Redaction only matters for what leaves the server; the basic analyser keeps the text as written.
  const prepared = prepareText(raw, { maxChars: config.maxChars, redact: useModel && config.redactPii, country: config.country });
  const note = prepared.isTruncated ? `The text had ${prepared.originalLength} characters; only the first ${config.maxChars} were analysed.` : null;
  const basic = (fallback: Fallback | null, modelError: string | null = null): AnalyseResult => ({
    analysis: analyseBasic(prepared.text, basicLang(lang, prepared.text)),
    isTruncated: prepared.isTruncated,
    note,
    isCached: false,
    fallback,
    modelError,
  });
  if (!hasModel(config)) return basic(null);
  if (!settings.isAnalysisEnabled) return basic("not_enabled");

  const key = analysisCacheKey(prepared.text, `${MODEL_PROMPT_VERSION}:${config.model}`);
  const [cached] = await db.select({ analysis: aiAnalyses.analysis }).from(aiAnalyses).where(and(eq(aiAnalyses.orgId, orgId), eq(aiAnalyses.contentHash, key))).limit(1);
  const fromCache = cached && textAnalysisSchema.safeParse(cached.analysis);
  if (fromCache?.success) return { analysis: fromCache.data, isTruncated: prepared.isTruncated, note, isCached: true, fallback: null, modelError: null };

  if ((await tokensSpentThisMonth(db, orgId)) >= settings.monthlyTokenBudget) {
    return whenUnavailable === "defer" ? { deferred: "budget_spent", modelError: null, isRetryable: true } : basic("budget_spent");
  }

  const call = await analyseWithModel(prepared.text, config, { lang, fetch: fetchFn });
  await logAiRequest(db, orgId, config, { kind: "analysis", model: config.model, tokensIn: call.tokensIn, tokensOut: call.tokensOut, latencyMs: call.latencyMs, attempts: call.attempts, outcome: call.outcome, errorCode: call.errorCode });
  if (!call.analysis) {
    return whenUnavailable === "defer" ? { deferred: "model_failed", modelError: call.errorCode, isRetryable: RETRYABLE.has(call.outcome) } : basic("model_failed", call.errorCode);
  }
  await db.insert(aiAnalyses).values({ orgId, contentHash: key, analysis: call.analysis }).onConflictDoNothing();
  return { analysis: call.analysis, isTruncated: prepared.isTruncated, note, isCached: false, fallback: null, modelError: null };
}

/** Analyses the same text with the basic analyser (the queue's last resort). */
export function analyseBasicOnly(raw: string, { lang, config }: Pick<Options, "lang" | "config">): AnalyseResult {
  const prepared = prepareText(raw, { maxChars: config.maxChars, redact: false });
  return { analysis: analyseBasic(prepared.text, basicLang(lang, prepared.text)), isTruncated: prepared.isTruncated, note: null, isCached: false, fallback: "model_failed", modelError: null };
}

/**
 * Transcribes a call recording for an organisation that has opted in (the audio leaves the server),
 * logging the call; null while analysis is off or no transcription model is set.
 */
export async function transcribeForOrg(db: Db, orgId: string, url: string, { config, fetch: fetchFn }: Pick<Options, "config" | "fetch">): Promise<Transcript | null> {
  if (!config.baseUrl || !config.transcribeModel || !(await getAiSettings(db, orgId)).isAnalysisEnabled) return null;
  const started = performance.now();
  const entry = { kind: "transcription" as const, model: config.transcribeModel, tokensIn: 0, tokensOut: 0, attempts: 1 };
  try {
    const transcript = await transcribe(url, config, { fetch: fetchFn });
    await logAiRequest(db, orgId, config, { ...entry, latencyMs: transcript.latencyMs, outcome: "ok", errorCode: null });
    return transcript;
  } catch (error) {
    // A recording that could not be fetched never reached the model: nothing to log.
    if (error instanceof TranscriptionError && TRANSCRIPTION_OUTCOMES[error.code]) {
      await logAiRequest(db, orgId, config, { ...entry, latencyMs: Math.round(performance.now() - started), outcome: TRANSCRIPTION_OUTCOMES[error.code]!, errorCode: error.code });
    }
    throw error;
  }
}

const TRANSCRIPTION_OUTCOMES: Partial<Record<TranscriptionError["code"], ModelOutcome>> = {
  ai_timeout: "timeout",
  ai_rate_limited: "rate_limited",
  ai_provider_error: "provider_error",
  ai_invalid_answer: "invalid",
};
