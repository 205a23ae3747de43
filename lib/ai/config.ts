// The AI settings of this installation, read from the environment once: which OpenAI-compatible
// endpoint and model (none = the basic analyser), transcription, redaction, limits and prices.
import { env, type Env } from "@/lib/env";

export type AiConfig = {
  /** The model endpoint, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1; null = the basic analyser. */
  baseUrl: string | null;
  apiKey: string | null;
  model: string | null;
  transcribeModel: string | null;
  redactPii: boolean;
  maxChars: number;
  timeoutMs: number;
  /** US dollars per million tokens, for the cost estimate in the request log. */
  priceInputPerMTok: number;
  priceOutputPerMTok: number;
  /** The country phone numbers without a prefix are read in, for redaction. */
  country: string | undefined;
};

export function aiConfigFromEnv(env: Env): AiConfig {
  return {
    baseUrl: env.AI_BASE_URL ?? null,
    apiKey: env.AI_API_KEY ?? null,
    model: env.AI_MODEL ?? null,
    transcribeModel: env.AI_TRANSCRIBE_MODEL ?? null,
    redactPii: env.AI_REDACT_PII,
    maxChars: env.AI_MAX_CHARS,
    timeoutMs: env.AI_TIMEOUT_SECONDS * 1000,
    priceInputPerMTok: env.AI_PRICE_INPUT_PER_MTOK,
    priceOutputPerMTok: env.AI_PRICE_OUTPUT_PER_MTOK,
    country: env.ORG_COUNTRY,
  };
}

/** This process's configuration (routes and pages call this; tests mock it). */
export function currentAiConfig(): AiConfig {
  return aiConfigFromEnv(env);
}

export const hasModel = (config: AiConfig): config is AiConfig & { baseUrl: string; model: string } => Boolean(config.baseUrl && config.model);

/** What the admin page may show about the provider: never the key. */
export function describeProvider(config: AiConfig): { kind: "basic" | "model"; model: string | null; transcribeModel: string | null; host: string | null } {
  if (!hasModel(config)) return { kind: "basic", model: null, transcribeModel: null, host: null };
  return { kind: "model", model: config.model, transcribeModel: config.transcribeModel, host: new URL(config.baseUrl).host };
}

export function estimateCost(config: AiConfig, tokensIn: number, tokensOut: number): number {
  return Math.round(((tokensIn * config.priceInputPerMTok + tokensOut * config.priceOutputPerMTok) / 1_000_000) * 1e6) / 1e6;
}
