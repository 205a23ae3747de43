// The limiters on a fake clock: how many requests each lets through by a given moment.
import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff";
import { LeakyBucket } from "./leaky-bucket";
import { SlidingWindowLimiter } from "./sliding-window";
import { TokenBucket } from "./token-bucket";

/** Records when each acquire would send, given a clock that jumps to every wake-up time. */
async function sendTimes(limiter: { acquire(): Promise<void> }, clock: { at: number }, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await limiter.acquire();
    times.push(clock.at);
  }
  return times;
}

function jumpingClock() {
  const clock = { at: 0 };
  return { clock, now: () => clock.at, sleep: async (ms: number) => void (clock.at += ms) };
}

describe("TokenBucket (Bitrix24's leaky bucket seen from the client)", () => {
  it("lets the burst through at once, then one request per 1/rate seconds", async () => {
    const { clock, now, sleep } = jumpingClock();
    const bucket = new TokenBucket({ capacity: 5, refillPerSecond: 2, now, sleep });
    const times = await sendTimes(bucket, clock, 8);
    // 5 at t=0, then 2 per second: the 6th at 500 ms, 7th at 1000 ms, 8th at 1500 ms.
    expect(times).toEqual([0, 0, 0, 0, 0, 500, 1000, 1500]);
  });

  it("penalize holds everyone back after the server refused", async () => {
    const { clock, now, sleep } = jumpingClock();
    const bucket = new TokenBucket({ capacity: 5, refillPerSecond: 2, now, sleep });
    bucket.penalize(1000);
    // tokens = 0 − 2 × 1 s = −2, so the first request waits for 3 tokens: 1,500 ms.
    expect(await sendTimes(bucket, clock, 1)).toEqual([1500]);
  });

  it("gives concurrent callers their turns in arrival order", async () => {
    const waits: number[] = [];
    const bucket = new TokenBucket({ capacity: 5, refillPerSecond: 2, now: () => 0, sleep: async (ms) => void waits.push(ms) });
    await Promise.all(Array.from({ length: 10 }, () => bucket.acquire()));
    // 5 go at once (no sleep); callers 6–10 wait 500, 1000, 1500, 2000, 2500 ms.
    expect(waits).toEqual([500, 1000, 1500, 2000, 2500]);
  });
});

describe("SlidingWindowLimiter (amoCRM: 7 requests per second)", () => {
  it("sends 7, then waits until the first leaves the window", async () => {
    const { clock, now, sleep } = jumpingClock();
    const limiter = new SlidingWindowLimiter({ limit: 7, windowMs: 1000, now, sleep });
    const times = await sendTimes(limiter, clock, 15);
    expect(times).toEqual([0, 0, 0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 2000]);
  });

  it("keeps any 1-second window at 7 or fewer for 20 concurrent callers", async () => {
    const { clock, now, sleep } = jumpingClock();
    const limiter = new SlidingWindowLimiter({ limit: 7, windowMs: 1000, now, sleep });
    const sendAt: number[] = [];
    await Promise.all(Array.from({ length: 20 }, () => limiter.acquire().then(() => sendAt.push(clock.at))));
    // 7 go at once; 7 at 1,000 ms; the last 6 at 2,000 ms.
    expect(sendAt).toEqual([...Array(7).fill(0), ...Array(7).fill(1000), ...Array(6).fill(2000)]);
  });

  it("measures from when a late caller really sent, not from when it was due", async () => {
    const { clock, now } = jumpingClock();
    // A sleep that oversleeps by 300 ms once, like an event loop blocked by other work.
    let isLate = true;
    const sleep = async (ms: number) => void (clock.at += ms + (isLate ? ((isLate = false), 300) : 0));
    const limiter = new SlidingWindowLimiter({ limit: 2, windowMs: 1000, now, sleep });
    const times = await sendTimes(limiter, clock, 5);
    // Two at 0; the third was due at 1,000 but left at 1,300, and the fourth with it (the window
    // (300, 1,300] holds just those two). The fifth waits a full window after them: 2,300, not 2,000.
    expect(times).toEqual([0, 0, 1300, 1300, 2300]);
  });

  it("with a minimum spacing, sends one request every spacing instead of a burst", async () => {
    const { clock, now, sleep } = jumpingClock();
    const limiter = new SlidingWindowLimiter({ limit: 7, windowMs: 1050, minSpacingMs: 150, now, sleep });
    // 150 ms apart: the 8th at 1,050 = max(1st + 1,050 window, 7th + 150 spacing = 1,050).
    expect(await sendTimes(limiter, clock, 9)).toEqual([0, 150, 300, 450, 600, 750, 900, 1050, 1200]);
  });
});

describe("backoffDelay", () => {
  it("doubles from the base, spreads ±50 %, and stops at the ceiling", () => {
    const low = () => 0;
    const high = () => 0.999999;
    // attempt 3: 500 × 2² = 2,000 ms → between 1,000 and 3,000.
    expect(backoffDelay(3, { random: low })).toBe(1000);
    expect(backoffDelay(3, { random: high })).toBe(3000);
    // attempt 20 would be huge: capped at 30,000.
    expect(backoffDelay(20, { random: high })).toBe(30_000);
  });
});

describe("LeakyBucket (the portal's rule)", () => {
  it("refuses the 51st request at once, and lets one more in per half second at 2/s", () => {
    let t = 0;
    const bucket = new LeakyBucket({ capacity: 50, drainPerSecond: 2, now: () => t });
    const first = Array.from({ length: 51 }, () => bucket.tryAdd());
    expect(first.filter(Boolean).length).toBe(50);
    expect(first[50]).toBe(false);
    t = 499; // drained 0.998: the level is 49.002, one more would be 50.002 > 50
    expect(bucket.tryAdd()).toBe(false);
    t = 500; // drained 1: level 49 → 50
    expect(bucket.tryAdd()).toBe(true);
    expect(bucket.tryAdd()).toBe(false);
  });
});
