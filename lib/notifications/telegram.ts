// The one Telegram Bot API call Voronka makes: sendMessage. Answers are sorted into "sent", "try
// again later" (429 with its retry_after, 5xx, network) and "will never work" (other 4xx: a wrong
// token, an unknown chat, a bot removed from the group). The token is part of the URL, so nothing
// that could carry the URL leaves this module without the token blanked out.
import { env } from "@/lib/env";

export type TelegramOutcome =
  | { ok: true; messageId: number | null }
  | { ok: false; retryable: boolean; retryAfterSeconds: number | null; status: number | null; description: string };

export type TelegramOptions = { baseUrl?: string; fetch?: typeof fetch; timeoutMs?: number };

type TelegramAnswer = { ok?: boolean; description?: string; error_code?: number; parameters?: { retry_after?: number }; result?: { message_id?: number } };

export async function sendTelegramMessage(message: { token: string; chatId: string; text: string }, options: TelegramOptions = {}): Promise<TelegramOutcome> {
  const { token } = message;
  const url = `${options.baseUrl ?? env.TELEGRAM_API_BASE_URL}/bot${token}/sendMessage`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chat_id: message.chatId, text: message.text, disable_web_page_preview: true }),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const description = timedOut ? `No answer from Telegram within ${timeoutMs / 1000} s` : `Network error: ${networkCause(error)}`;
    return { ok: false, retryable: true, retryAfterSeconds: null, status: null, description: hideToken(description, token) };
  }
  const answer = await readAnswer(response);
  if (response.ok && answer?.ok) return { ok: true, messageId: answer.result?.message_id ?? null };
  const status = answer?.error_code ?? response.status;
  const description = hideToken(answer?.description ?? `HTTP ${response.status} ${response.statusText}`.trim(), token);
  const retryAfter = answer?.parameters?.retry_after;
  return {
    ok: false,
    retryable: status === 429 || status >= 500,
    retryAfterSeconds: typeof retryAfter === "number" && retryAfter > 0 ? retryAfter : null,
    status,
    description,
  };
}

async function readAnswer(response: Response): Promise<TelegramAnswer | null> {
  try {
    return (await response.json()) as TelegramAnswer;
  } catch {
    return null;
  }
}

/** undici says "fetch failed" and keeps the reason (ECONNREFUSED, ENOTFOUND …) in `cause`. */
function networkCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause?.code ?? cause?.message ?? error.message;
}

/** Blanks the token out of any text, in case a library quoted the URL. */
export function hideToken(text: string, token: string): string {
  return token ? text.split(token).join("***") : text;
}
