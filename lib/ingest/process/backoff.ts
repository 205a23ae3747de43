// Retry schedule of a failing inbox event: 30 s, 1 min, 2 min … doubling up to an hour; after
// MAX_ATTEMPTS failed attempts (about 4 hours in all) the event is dead and waits for an admin.
export const MAX_ATTEMPTS = 10;
const BASE_MS = 30_000;
const CAP_MS = 60 * 60_000;

/** Delay before the next attempt, after `attempts` failed attempts (1 = the first failure). */
export function retryDelayMs(attempts: number): number {
  return Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export function isLastAttempt(attempts: number): boolean {
  return attempts >= MAX_ATTEMPTS;
}
