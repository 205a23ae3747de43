// A token bucket: `capacity` requests at once, then `refillPerSecond`. It mirrors Bitrix24's
// leaky bucket (a counter that drains Y per second and refuses above X) from the client side.
// Waiters reserve tokens in arrival order, so concurrent callers never overtake each other.
import { realSleep } from "./backoff";
import type { RateLimiter } from "./rate-limiter";

export type TokenBucketOptions = {
  capacity: number;
  refillPerSecond: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

export class TokenBucket implements RateLimiter {
  private tokens: number;
  private updatedAt: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: TokenBucketOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.tokens = options.capacity;
    this.updatedAt = this.now();
  }

  async acquire(): Promise<void> {
    this.refill();
    this.tokens -= 1; // below zero = a reservation on a future token
    if (this.tokens >= 0) return;
    await this.sleep(Math.ceil((-this.tokens / this.options.refillPerSecond) * 1000));
  }

  /** The server said we went too fast: empty the bucket and hold everyone back for `ms`. */
  penalize(ms: number): void {
    this.refill();
    this.tokens = Math.min(this.tokens, 0) - (this.options.refillPerSecond * ms) / 1000;
  }

  private refill(): void {
    const now = this.now();
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.options.capacity, this.tokens + elapsed * this.options.refillPerSecond);
    this.updatedAt = now;
  }
}
