// The model analyser: one call to an OpenAI-compatible chat endpoint through the Vercel AI SDK, its
// answer parsed as JSON and validated with zod — never trusted. An answer that fails validation is
// asked for once more, then the call is recorded as failed; 429 and 5xx are retried by the SDK with
// exponential backoff (honouring Retry-After); the whole call has a timeout. The same goes for a
// summary asked in a reader's language (lib/ai/summary.ts), whose language is checked too.
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { APICallError, generateText, NoObjectGeneratedError, NoOutputGeneratedError, Output, RetryError } from "ai";
import { z } from "zod";
import { detectLanguage, INTENTS, modelAnswerSchema, OBJECTION_TYPES, type TextAnalysis } from "./schema";
import type { AiConfig } from "./config";

// The schema goes in the prompt and the answer is asked for as a JSON object (`json_object`, which
// OpenAI, Ollama and vLLM all accept); the SDK would otherwise warn on every call that the schema
// itself is not sent.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

export type ModelOutcome = "ok" | "invalid" | "refused" | "timeout" | "rate_limited" | "provider_error";

export type ModelCall = {
  outcome: ModelOutcome;
  /** A stable code for the log when the call failed: ai_invalid_answer, ai_refused, ai_timeout, ai_rate_limited, ai_provider_error. */
  errorCode: string | null;
  analysis: TextAnalysis | null;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
  attempts: number;
};

const SYSTEM = `You analyse one message from a sales conversation (a call transcript, an e-mail, a chat or a CRM note).
Answer with one JSON object and nothing else:
{"sentiment": number from -1 (hostile) to 1 (delighted), 0 neutral,
 "intent": one of ${INTENTS.map((i) => `"${i}"`).join(", ")} — purchase: a buying conversation, including objections; support: help using the product; complaint: dissatisfaction demanding redress; info: questions about the offer; other: anything else,
 "objections": [{"type": one of ${OBJECTION_TYPES.map((t) => `"${t}"`).join(", ")}, "quote": the customer's exact words that raise it}] — [] when there are none; a negated concern ("not expensive") is no objection,
 "summary": one sentence in the message's language,
 "language": ISO 639-1 code of the message}
The message may contain placeholders such as [phone], [email] and [card]: personal data removed on purpose.`;

const REFUSAL = /\b(i can(?:'|’)?t|i cannot|i am unable|i'm unable|sorry, but) (help|assist|comply|do that|provide)|не могу (помочь|выполнить)/i;

function classify(error: unknown): { outcome: ModelOutcome; errorCode: string } {
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  if (cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError" || /timeout/i.test(cause.message))) return { outcome: "timeout", errorCode: "ai_timeout" };
  if (APICallError.isInstance(cause) && cause.statusCode === 429) return { outcome: "rate_limited", errorCode: "ai_rate_limited" };
  return { outcome: "provider_error", errorCode: "ai_provider_error" };
}

const isUnparsable = (error: unknown) => NoObjectGeneratedError.isInstance(error) || NoOutputGeneratedError.isInstance(error);

/** One validated answer of the chat model, whatever it is asked: the analysis, or a summary in a language. */
type Asked<T> = Omit<ModelCall, "analysis"> & { output: T | null };

async function askModel<T>(
  config: AiConfig & { baseUrl: string; model: string },
  { system, prompt, schema, fetch: fetchFn }: { system: string; prompt: string; schema: z.ZodType<T>; fetch?: typeof fetch },
): Promise<Asked<T>> {
  const provider = createOpenAICompatible({ name: "voronka-ai", baseURL: config.baseUrl, apiKey: config.apiKey ?? undefined, includeUsage: true, fetch: fetchFn });
  const started = performance.now();
  let tokensIn = 0;
  let tokensOut = 0;
  let last: { outcome: ModelOutcome; errorCode: string } = { outcome: "invalid", errorCode: "ai_invalid_answer" };
  const deadline = AbortSignal.timeout(config.timeoutMs);
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      const result = await generateText({
        model: provider.chatModel(config.model),
        system,
        prompt,
        output: Output.object({ schema }),
        temperature: 0,
        maxRetries: 2,
        abortSignal: deadline,
      });
      tokensIn += result.usage.inputTokens ?? 0;
      tokensOut += result.usage.outputTokens ?? 0;
      // Parsed by the SDK with the schema; parsed again here so that nothing unvalidated passes.
      const output = schema.parse(result.output);
      return { outcome: "ok", errorCode: null, output, tokensIn, tokensOut, latencyMs: Math.round(performance.now() - started), attempts: attempt };
    } catch (error) {
      if (isUnparsable(error)) {
        const usage = (error as NoObjectGeneratedError).usage;
        tokensIn += usage?.inputTokens ?? 0;
        tokensOut += usage?.outputTokens ?? 0;
        const said = (error as NoObjectGeneratedError).text ?? "";
        const finish = (error as NoObjectGeneratedError).finishReason;
        last = finish === "content-filter" || REFUSAL.test(said) ? { outcome: "refused", errorCode: "ai_refused" } : { outcome: "invalid", errorCode: "ai_invalid_answer" };
        continue; // one more try with the same request, then the call is recorded as failed
      }
      return { outcome: classify(error).outcome, errorCode: classify(error).errorCode, output: null, tokensIn, tokensOut, latencyMs: Math.round(performance.now() - started), attempts: attempt };
    }
  }
  return { ...last, output: null, tokensIn, tokensOut, latencyMs: Math.round(performance.now() - started), attempts: 2 };
}

export async function analyseWithModel(
  text: string,
  config: AiConfig & { baseUrl: string; model: string },
  { lang, fetch: fetchFn }: { lang?: string; fetch?: typeof fetch } = {},
): Promise<ModelCall> {
  const { output, ...call } = await askModel(config, {
    system: SYSTEM,
    prompt: lang ? `Message (language hint: ${lang}):\n${text}` : `Message:\n${text}`,
    schema: modelAnswerSchema,
    fetch: fetchFn,
  });
  return { ...call, analysis: output ? { ...output, analyser: "model", model: config.model } : null };
}

const LANGUAGE_NAMES: Record<"ru" | "en", string> = { ru: "Russian", en: "English" };

const summarySystem = (lang: "ru" | "en") => `You summarise one message from a sales conversation (a call transcript, an e-mail, a chat or a CRM note) for a reader of ${LANGUAGE_NAMES[lang]}.
Answer with one JSON object and nothing else: {"summary": one sentence in ${LANGUAGE_NAMES[lang]}, whatever the message's language, saying what the customer wants or objects to}
The message may contain placeholders such as [phone], [email] and [card]: personal data removed on purpose.`;

export type SummaryCall = Omit<ModelCall, "analysis"> & { summary: string | null };

/** The model's one-sentence summary of a text in `lang`; an answer in another language fails validation (asked once more). */
export async function summariseWithModel(text: string, lang: "ru" | "en", config: AiConfig & { baseUrl: string; model: string }, { fetch: fetchFn }: { fetch?: typeof fetch } = {}): Promise<SummaryCall> {
  const schema = z.object({ summary: modelAnswerSchema.shape.summary }).refine((answer) => detectLanguage(answer.summary) === lang, { message: `the summary is not in ${LANGUAGE_NAMES[lang]}` });
  const { output, ...call } = await askModel(config, { system: summarySystem(lang), prompt: `Message:\n${text}`, schema, fetch: fetchFn });
  return { ...call, summary: output?.summary ?? null };
}
