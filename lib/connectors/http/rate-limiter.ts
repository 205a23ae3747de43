// The limiter contract and a process-wide registry: every client of one portal or account in
// this process shares one limiter, because the CRM counts requests per portal, not per client.
import { processSlot } from "@/lib/process-slot";

export interface RateLimiter {
  /** Resolves when the caller may send one request. */
  acquire(): Promise<void>;
  /** The CRM refused for rate: hold every caller back for `ms`. */
  penalize(ms: number): void;
}

const limiters = processSlot<Map<string, RateLimiter>>("ConnectorLimiters");
const registry = () => limiters.ensure(() => new Map());

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
