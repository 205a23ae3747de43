// How processing failures are told apart: a permanent one (the body can never be applied) is
// rejected at once; anything else is retried with backoff.
export class PermanentEventError extends Error {}

/** A failure message safe to show admins: URLs (a Bitrix24 webhook URL holds its secret) are cut out. */
export function describeFailure(error: unknown): string {
  // Drizzle wraps driver errors in "Failed query: <sql> params: …"; the cause says what went wrong
  // without copying the row's values into the inbox.
  const root = error instanceof Error && error.message.startsWith("Failed query") && error.cause instanceof Error ? error.cause : error;
  const message = root instanceof Error ? root.message : String(root);
  return message.replace(/https?:\/\/\S+/g, "[url]").slice(0, 1000);
}
