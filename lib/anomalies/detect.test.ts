import { describe, expect, it } from "vitest";
import { detectAnomalies, type DailyPoint } from "./detect";

/** Days from Monday 5 January 2026, each value from `valueOf(index, weekday)` (0 = Monday). */
function series(days: number, valueOf: (index: number, weekday: number) => number): DailyPoint[] {
  return Array.from({ length: days }, (_, index) => ({ day: new Date(Date.UTC(2026, 0, 5 + index)).toISOString().slice(0, 10), value: valueOf(index, index % 7) }));
}
/** A fixed wobble of −2 … +2 so the weeks are not identical. */
const wobble = (index: number) => [0, 1, -1, 2, -2, 1, 0, -1, 2, 0, -2, 1, 0][index % 13];

describe("anomalies in a daily series", () => {
  // 20 leads on weekdays, 6 on Saturday and Sunday, ± 2: a source with a weekly rhythm.
  const leads = (index: number, weekday: number) => (weekday < 5 ? 20 : 6) + wobble(index);

  it("finds a source that went silent for 3 days, as one run, and nothing else in 12 weeks", () => {
    // Days 70–72 (Monday 16 – Wednesday 18 March 2026): no leads.
    const days = series(84, (index, weekday) => (index >= 70 && index <= 72 ? 0 : leads(index, weekday)));
    const found = detectAnomalies(days);
    expect(found).toHaveLength(1);
    // Expected: the weekday medians, 20 + 20 + 20 (± the wobble's median) ≈ 60; actual 0. Each day's
    // spread is at least √20 ≈ 4.5, so the run is ≈ 60 ÷ √(3 × 20) ≈ 7.7 spreads away: medium (5–8).
    expect(found[0]).toMatchObject({ from: "2026-03-16", to: "2026-03-18", days: 3, actual: 0, direction: "drop", severity: "medium" });
    expect(found[0].score).toBeGreaterThan(7);
    expect(found[0].expected).toBeGreaterThanOrEqual(57);
    expect(found[0].expected).toBeLessThanOrEqual(63);
  });

  it("does not mistake the weekend for a drop: the baseline is the same weekday", () => {
    expect(detectAnomalies(series(84, leads))).toEqual([]);
  });

  it("finds a manager's calls halving for a week (40 → 20 a weekday), Monday to Friday", () => {
    const calls = (index: number, weekday: number) => (weekday < 5 ? (index >= 63 && index < 68 ? 20 : 40) : 0) + (weekday < 5 ? wobble(index) : 0);
    const found = detectAnomalies(series(84, calls));
    // Monday–Friday of week 10 (9 – 13 March 2026). Each day is ≈ 20 below a median of ≈ 40 with a
    // spread of at least √40 ≈ 6.3: ≈ 3 spreads. Monday (21 calls, the wobble's +1, against a median
    // of 40.5) is 3.0 spreads away: alone it would stay inside the band of 3, but it is past 2 and
    // next to the others, so it joins the run. The weekend's median is 0, under the minimum volume.
    expect(found).toEqual([expect.objectContaining({ from: "2026-03-09", to: "2026-03-13", days: 5, direction: "drop", kind: "days", actual: 101, expected: 200.5 })]);
    expect(found[0].severity).toBe("medium"); // (200.5 − 101) ÷ √(Σ spreads²) = 7.0
  });

  it("finds a small planted drop, with the arithmetic written out", () => {
    // 10 leads every day, the last day 2: median 10, MAD 0, spread max(0, √10, 1) = 3.162.
    // (2 − 10) ÷ 3.162 = −2.53: past 2 but not 3, and alone: no anomaly.
    const flat = (last: number[]) => series(35 + last.length, (index) => (index >= 35 ? last[index - 35] : 10));
    expect(detectAnomalies(flat([2]), { week: null })).toEqual([]);
    // Two such days in a row: expected 10 + 10 = 20, actual 2 + 2 = 4, distance
    // (20 − 4) ÷ √(10 + 10) = 16 ÷ 4.472 = 3.58 spreads: an anomaly, "low" (3–5).
    expect(detectAnomalies(flat([2, 2]), { week: null })).toEqual([
      { from: "2026-02-09", to: "2026-02-10", days: 2, expected: 20, actual: 4, direction: "drop", score: 3.6, severity: "low", kind: "days" },
    ]);
    // Three silent days: 30 ÷ √30 = 5.48 spreads, "medium" (5–8); five: 50 ÷ √50 = 7.07; ten: 10 spreads, "high" (8+).
    expect(detectAnomalies(flat([0, 0, 0]), { week: null })[0]).toMatchObject({ expected: 30, actual: 0, score: 5.5, severity: "medium" });
    expect(detectAnomalies(flat(Array(10).fill(0)), { week: null })[0]).toMatchObject({ days: 10, expected: 100, score: 10, severity: "high" });
  });

  it("sees a shift too small for any day in the sum of a week", () => {
    // 30 a day, then a week of 24: each day (24 − 30) ÷ √30 = −1.1 spreads, inside every band.
    // The week: 168 against the usual 210, spread √210 = 14.5: −2.9 spreads, past the 7-day look's 2.
    const values = series(49, (index) => (index >= 42 ? 24 : 30));
    expect(detectAnomalies(values)).toEqual([
      { from: "2026-02-16", to: "2026-02-22", days: 7, expected: 210, actual: 168, direction: "drop", score: 2.9, severity: "low", kind: "week" },
    ]);
    // A rise over weeks is growth or season: the 7-day look alarms on drops only.
    expect(detectAnomalies(series(49, (index) => (index >= 42 ? 36 : 30)))).toEqual([]);
  });

  it("lets a quiet source be: 1–2 leads a day, and a day without any, under the minimum volume of 5", () => {
    const quiet = series(84, (index) => (index === 70 ? 0 : 1 + (index % 2)));
    expect(detectAnomalies(quiet)).toEqual([]);
  });

  it("judges a day only with 4 earlier same weekdays: the first 4 weeks are never flagged", () => {
    const early = series(84, (index, weekday) => (index === 20 ? 0 : leads(index, weekday)));
    expect(detectAnomalies(early)).toEqual([]);
  });
});
