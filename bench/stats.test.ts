import { expect, it } from "vitest";
import { percentile, summarize } from "./stats";

it("interpolates percentiles between closest ranks", () => {
  const sorted = [10, 20, 30, 40, 50];
  expect(percentile(sorted, 0)).toBe(10);
  expect(percentile(sorted, 50)).toBe(30); // the middle rank
  expect(percentile(sorted, 95)).toBeCloseTo(48); // rank 3.8: 40 + 0.8 × (50 − 40)
  expect(percentile(sorted, 99)).toBeCloseTo(49.6); // rank 3.96: 40 + 0.96 × 10
  expect(percentile(sorted, 100)).toBe(50);
  expect(percentile([7], 99)).toBe(7);
  expect(percentile([], 50)).toBeNaN();
});

it("summarises latencies in any order, with ops/s and rows/s over the measured time", () => {
  const s = summarize("q", [30, 10, 20, 40], 1_000); // 100 ms in all, 1 000 rows each
  expect([s.p50, s.iterations, s.totalMs]).toEqual([25, 4, 100]);
  expect(s.opsPerSecond).toBe(40); // 4 iterations in 0.1 s
  expect(s.rowsPerSecond).toBe(40_000); // 4 × 1 000 rows in 0.1 s
  expect(summarize("q", [5]).rowsPerSecond).toBeNull();
});
