// Small helpers shared by the npm scripts in this folder.

/** A positive integer from a command-line flag; underscores and commas are allowed (1_000_000). */
export function parsePositiveInt(value: string, flag: string): number {
  const cleaned = value.replace(/[_,]/g, "");
  const number = Number(cleaned);
  if (!/^\d+$/.test(cleaned) || !Number.isSafeInteger(number) || number < 1) {
    throw new UsageError(`${flag} must be a positive whole number, got "${value}"`);
  }
  return number;
}

export class UsageError extends Error {}

/** One readable line for an error: drizzle's "Failed query" carries the whole statement and its parameters. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : null;
  if (cause && error.message.startsWith("Failed query")) return `${cause} (in: ${error.message.slice(14, 200).split("\n")[0]}…)`;
  return cause ? `${error.message}: ${cause}` : error.message;
}

export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
