// The limiter contract and a process-wide registry: every client of one portal or account in
// this process shares one limiter, because the CRM counts requests per portal, not per client.

export interface RateLimiter {
  /** Resolves when the caller may send one request. */
  acquire(): Promise<void>;
  /** The CRM refused for rate: hold every caller back for `ms`. */
  penalize(ms: number): void;
}

const registryKey = Symbol.for("voronka.connectors.limiters");
type Registry = Map<string, RateLimiter>;

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (holder[registryKey] ??= new Map());
}

/** The limiter of `key` (e.g. "bitrix24:portal.bitrix24.ru"), created on first use. */
export function sharedLimiter(key: string, create: () => RateLimiter): RateLimiter {
  const limiters = registry();
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = create();
    limiters.set(key, limiter);
  }
  return limiter;
}

/** For tests: forget every shared limiter. */
export function resetSharedLimiters(): void {
  registry().clear();
}
