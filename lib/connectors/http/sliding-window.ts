// At most `limit` requests in any `windowMs` window (amoCRM: 7 requests per second). A token
// bucket would allow a full burst plus the refill inside one second, which amoCRM refuses.
// Callers take turns (a promise chain), and each turn is measured against the *actual* send times
// of the previous ones, so a caller woken late by a busy event loop can never squeeze the next
// ones into its window. An optional minimum spacing spreads requests out instead of bursting.
import { realSleep } from "./backoff";
import type { RateLimiter } from "./rate-limiter";

export type SlidingWindowOptions = {
  limit: number;
  windowMs: number;
  /** At least this long between two sends. */
  minSpacingMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

export class SlidingWindowLimiter implements RateLimiter {
  private readonly sent: number[] = []; // the last `limit` actual send times, ascending
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private holdUntil = 0;
  private turns: Promise<void> = Promise.resolve();

  constructor(private readonly options: SlidingWindowOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
  }

  acquire(): Promise<void> {
    const turn = this.turns.then(() => this.waitForSlot());
    this.turns = turn.catch(() => undefined);
    return turn;
  }

  penalize(ms: number): void {
    this.holdUntil = Math.max(this.holdUntil, this.now() + ms);
  }

  private async waitForSlot(): Promise<void> {
    const { limit, windowMs, minSpacingMs = 0 } = this.options;
    for (;;) {
      const now = this.now();
      const oldest = this.sent.length >= limit ? this.sent[this.sent.length - limit] : -Infinity;
      const last = this.sent.length ? this.sent[this.sent.length - 1] : -Infinity;
      const at = Math.max(oldest + windowMs, last + minSpacingMs, this.holdUntil);
      if (at <= now) {
        this.sent.push(now);
        if (this.sent.length > limit) this.sent.splice(0, this.sent.length - limit);
        return;
      }
      await this.sleep(at - now);
    }
  }
}
