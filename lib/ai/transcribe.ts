// Transcription of a call recording through an OpenAI-compatible `/audio/transcriptions` endpoint
// (AI_TRANSCRIBE_MODEL): the recording is fetched from its link (CRMs store links, not audio), posted as
// multipart, and the answer's text validated. 429 and 5xx are retried with exponential backoff.
import { z } from "zod";
import type { AiConfig } from "./config";

export const MAX_RECORDING_BYTES = 25 * 1024 * 1024; // OpenAI's own limit for one file

export class TranscriptionError extends Error {
  constructor(
    readonly code: "ai_transcription_not_configured" | "ai_recording_unavailable" | "ai_recording_too_large" | "ai_timeout" | "ai_rate_limited" | "ai_provider_error" | "ai_invalid_answer",
    message: string,
  ) {
    super(message);
  }
}

const answerSchema = z.object({ text: z.string(), language: z.string().optional(), duration: z.number().optional() });

export type Transcript = { text: string; language: string | null; durationSeconds: number | null; latencyMs: number };

type Options = { fetch?: typeof fetch; retries?: number; backoffMs?: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function download(url: string, fetchFn: typeof fetch, signal: AbortSignal): Promise<Blob> {
  if (!/^https?:\/\//i.test(url)) throw new TranscriptionError("ai_recording_unavailable", "The recording link is not an http(s) URL");
  const response = await fetchFn(url, { signal }).catch(() => null);
  if (!response?.ok) throw new TranscriptionError("ai_recording_unavailable", `The recording could not be fetched (HTTP ${response?.status ?? "error"})`);
  if (Number(response.headers.get("content-length") ?? 0) > MAX_RECORDING_BYTES) throw new TranscriptionError("ai_recording_too_large", "The recording is over 25 MB");
  const blob = await response.blob();
  if (blob.size > MAX_RECORDING_BYTES) throw new TranscriptionError("ai_recording_too_large", "The recording is over 25 MB");
  return blob;
}

export async function transcribe(url: string, config: AiConfig, { fetch: fetchFn = fetch, retries = 2, backoffMs = 1000 }: Options = {}): Promise<Transcript> {
  if (!config.baseUrl || !config.transcribeModel) throw new TranscriptionError("ai_transcription_not_configured", "Set AI_BASE_URL and AI_TRANSCRIBE_MODEL to transcribe recordings");
  const started = performance.now();
  const signal = AbortSignal.timeout(config.timeoutMs);
  try {
    const audio = await download(url, fetchFn, signal);
    const name = new URL(url).pathname.split("/").pop() || "recording.mp3";
    for (let attempt = 0; ; attempt++) {
      const form = new FormData();
      form.set("file", audio, name);
      form.set("model", config.transcribeModel);
      form.set("response_format", "json");
      const response = await fetchFn(`${config.baseUrl}/audio/transcriptions`, {
        method: "POST",
        body: form,
        headers: config.apiKey ? { Authorization: `Bearer ${config.apiKey}` } : {},
        signal,
      });
      if ((response.status === 429 || response.status >= 500) && attempt < retries) {
        await response.body?.cancel();
        await sleep(backoffMs * 2 ** attempt);
        continue;
      }
      if (response.status === 429) throw new TranscriptionError("ai_rate_limited", "The transcription endpoint kept answering 429");
      if (!response.ok) throw new TranscriptionError("ai_provider_error", `The transcription endpoint answered HTTP ${response.status}`);
      const parsed = answerSchema.safeParse(await response.json().catch(() => null));
      if (!parsed.success) throw new TranscriptionError("ai_invalid_answer", "The transcription endpoint's answer has no text");
      return { text: parsed.data.text.trim(), language: parsed.data.language ?? null, durationSeconds: parsed.data.duration ?? null, latencyMs: Math.round(performance.now() - started) };
    }
  } catch (error) {
    if (error instanceof TranscriptionError) throw error;
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) throw new TranscriptionError("ai_timeout", `No transcription within ${config.timeoutMs / 1000} s`);
    throw new TranscriptionError("ai_provider_error", "The transcription endpoint could not be reached");
  }
}
