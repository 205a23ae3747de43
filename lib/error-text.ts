// Errors as they may be written to the log or shown to an admin. Drizzle's "Failed query" error
// carries the query's values in its message (a webhook secret, an application token, a password
// hash, a customer's phone), and a connector's error may name a URL that holds a secret (a Bitrix24
// webhook URL): neither may reach a log line or an admin's screen. The driver's own error (the
// wrapper's cause) says what went wrong without the values.

/** What went wrong, in one line safe to show an admin or to log. */
export function errorMessage(error: unknown): string {
  const root = error instanceof Error && error.message.startsWith("Failed query") && error.cause instanceof Error ? error.cause : error;
  const message = root instanceof Error ? root.message : String(root);
  return cutUrls(message).slice(0, 1000);
}

/** The safe message and the stack frames (where it happened), for the server log. */
export function errorForLog(error: unknown): string {
  if (!(error instanceof Error)) return errorMessage(error);
  // Frames only: the stack's first lines repeat the message, values and all.
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  return cutUrls([`${error.name}: ${errorMessage(error)}`, ...frames].join("\n"));
}

function cutUrls(text: string): string {
  return text.replace(/https?:\/\/\S+/g, "[url]");
}
