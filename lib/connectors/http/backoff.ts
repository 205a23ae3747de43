// Exponential backoff with jitter, so many clients that failed together do not retry together.

export type BackoffOptions = {
  baseMs?: number; // delay before the first retry
  maxMs?: number; // ceiling for any single delay
  factor?: number;
  jitter?: number; // 0.5 → the delay is spread uniformly over ±50 %
  random?: () => number;
};

export const DEFAULT_BACKOFF: Required<Omit<BackoffOptions, "random">> = { baseMs: 500, maxMs: 30_000, factor: 2, jitter: 0.5 };

/** Delay before retry number `attempt` (1 = first retry). */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs, maxMs, factor, jitter } = { ...DEFAULT_BACKOFF, ...options };
  const random = options.random ?? Math.random;
  const plain = Math.min(maxMs, baseMs * factor ** Math.max(0, attempt - 1));
  const spread = plain * jitter * (2 * random() - 1);
  return Math.max(0, Math.round(Math.min(maxMs, plain + spread)));
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
