import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { coalescePerOrg } from "./coalesce";

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe("changed facts, coalesced per organisation", () => {
  it("sends a burst of 50 changes as one event 250 ms after the first, then at most one a second", () => {
    const sent: [string, number][] = [];
    const coalescer = coalescePerOrg((orgId) => sent.push([orgId, Date.now()]));
    for (let i = 0; i < 50; i++) coalescer.push("A");
    vi.advanceTimersByTime(249);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([["A", 250]]);
    // More changes at 300 ms and 900 ms: one event, a second after the last one (250 + 1000).
    vi.advanceTimersByTime(50);
    coalescer.push("A");
    vi.advanceTimersByTime(600);
    coalescer.push("A");
    vi.advanceTimersByTime(5_000);
    expect(sent).toEqual([
      ["A", 250],
      ["A", 1_250],
    ]);
    // After a quiet spell (now 5 900 ms) the next change goes out 250 ms later again.
    coalescer.push("A");
    vi.advanceTimersByTime(250);
    expect(sent.at(-1)).toEqual(["A", 6_150]);
  });

  it("keeps organisations apart: B's change is not held back by A's", () => {
    const sent: [string, number][] = [];
    const coalescer = coalescePerOrg((orgId) => sent.push([orgId, Date.now()]));
    coalescer.push("A");
    vi.advanceTimersByTime(250);
    coalescer.push("A");
    coalescer.push("B");
    vi.advanceTimersByTime(2_000);
    expect(sent).toEqual([
      ["A", 250],
      ["B", 500],
      ["A", 1_250],
    ]);
  });

  it("sends nothing after stop", () => {
    const sent: string[] = [];
    const coalescer = coalescePerOrg((orgId) => sent.push(orgId));
    coalescer.push("A");
    coalescer.stop();
    vi.advanceTimersByTime(5_000);
    expect(sent).toEqual([]);
  });
});
