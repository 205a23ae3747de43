// One analysis of a conversation text: its schema and type (./schema.ts), and `analyzeText`, which picks
// the analyser — the configured OpenAI-compatible model, or without one the built-in basic analyser.
// This is the organisation-free core (the bench uses it); lib/ai/service.ts adds the organisation's
// opt-in, budget, cache and request log around it.
import { analyseBasic } from "./basic/analyse";
import { currentAiConfig, hasModel, type AiConfig } from "./config";
import { analyseWithModel } from "./model-provider";
import { prepareText } from "./prepare";
import { detectLanguage, type TextAnalysis } from "./schema";

export * from "./schema";

export type AnalyzeOptions = {
  /** A hint: "ru" or "en" picks the basic analyser's lexicon; anything else is detected from the letters. */
  lang?: string;
  /** "basic" never calls a model; "model" requires one; "auto" (the default) uses the model when configured. */
  provider?: "basic" | "model" | "auto";
  config?: AiConfig;
  fetch?: typeof fetch;
};

/**
 * Analyses one text. Empty texts throw EmptyTextError; long ones are cut at AI_MAX_CHARS; what goes to a
 * model is redacted unless AI_REDACT_PII=false. A model call that fails answers with the basic analyser.
 */
export async function analyzeText(text: string, { lang, provider = "auto", config = currentAiConfig(), fetch: fetchFn }: AnalyzeOptions = {}): Promise<TextAnalysis> {
  const useModel = provider !== "basic" && hasModel(config);
  if (provider === "model" && !useModel) throw new Error("No model is configured: set AI_BASE_URL and AI_MODEL");
  const prepared = prepareText(text, { maxChars: config.maxChars, redact: useModel && config.redactPii, country: config.country });
  if (useModel && hasModel(config)) {
    const call = await analyseWithModel(prepared.text, config, { lang, fetch: fetchFn });
    if (call.analysis) return call.analysis;
  }
  const basicText = useModel ? prepareText(text, { maxChars: config.maxChars, redact: false }).text : prepared.text;
  return analyseBasic(basicText, lang === "ru" || lang === "en" ? lang : detectLanguage(basicText));
}
