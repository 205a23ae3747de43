import { describe, expect, it } from "vitest";
import { backtest, forecastSeries, MIN_HISTORY_MONTHS, NotEnoughHistoryError } from "./model";

/** A deterministic noise in [−1, 1): the Park–Miller generator, so the "noisy" series is the same every run. */
function noise(seed: number) {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return (state / 2147483647) * 2 - 1;
  };
}

const within = (value: number, expected: number, percent: number) => expect(Math.abs(value - expected) / expected).toBeLessThanOrEqual(percent / 100);

describe("the forecast's time series", () => {
  it("finds a December that doubles: 24 months of 100 000 a month and 200 000 each December", () => {
    // January 2025 … December 2026: every month 100 000, both Decembers 200 000.
    const values = Array.from({ length: 24 }, (_, t) => (t % 12 === 11 ? 200_000 : 100_000));
    const next = forecastSeries(values, 0, 12);
    // January … November 2027 forecast 100 000 each, December 2027 200 000, each within 1 %.
    next.slice(0, 11).forEach((point) => within(point.forecast, 100_000, 1));
    within(next[11].forecast, 200_000, 1);
    // A series without noise leaves no doubt: the bands close on the forecast (within 1 %).
    within(next[0].high95, 100_000, 1);
    within(next[0].low95, 100_000, 1);
  });

  it("follows a trend of +2 % a month and a December that doubles, starting in July", () => {
    // July 2024 … June 2026 (24 months): 100 000 × 1.02^t, ×2 in December.
    const values = Array.from({ length: 24 }, (_, t) => 100_000 * 1.02 ** t * ((6 + t) % 12 === 11 ? 2 : 1));
    const next = forecastSeries(values, 6, 6);
    // July 2026 (t = 24): 100 000 × 1.02^24 = 160 844; December 2026 (t = 29): 2 × 100 000 × 1.02^29 = 355 176; within 3 %.
    within(next[0].forecast, 160_844, 3);
    within(next[5].forecast, 355_176, 3);
  });

  it("keeps its 80 % and 95 % bands honest on a noisy seasonal series", () => {
    // 120 months (10 years) of 100 000 × 1.01^t, December ×1.8, times e^u with u uniform in [−0.2, 0.2].
    const u = noise(7);
    const values = Array.from({ length: 120 }, (_, t) => 100_000 * 1.01 ** t * (t % 12 === 11 ? 1.8 : 1) * Math.exp(0.2 * u()));
    // One month ahead from each month-end from the 24th on: 96 forecasts.
    let held80 = 0;
    let held95 = 0;
    let count = 0;
    for (let end = 24; end < values.length; end++) {
      const [point] = forecastSeries(values.slice(0, end), 0, 1);
      count += 1;
      if (values[end] >= point.low80 && values[end] <= point.high80) held80 += 1;
      if (values[end] >= point.low95 && values[end] <= point.high95) held95 += 1;
    }
    expect(count).toBe(96);
    // An 80 % band should hold about 77 of 96 times, a 95 % band about 91: we accept 70–90 % and 88–100 %
    // (measured: 68 and 91 of 96).
    expect(held80 / count).toBeGreaterThanOrEqual(0.7);
    expect(held80 / count).toBeLessThanOrEqual(0.9);
    expect(held95 / count).toBeGreaterThanOrEqual(0.88);
  });

  it("refuses fewer than 16 months, naming how many it had", () => {
    expect(MIN_HISTORY_MONTHS).toBe(16);
    expect(() => forecastSeries(new Array(15).fill(100), 0, 3)).toThrow(NotEnoughHistoryError);
    expect(() => forecastSeries(new Array(15).fill(100), 0, 3)).toThrow("not enough history: 15 months, need 16");
  });
});

describe("the backtest", () => {
  it("forecasts each of the last 12 months from the month-end before it", () => {
    const values = Array.from({ length: 36 }, (_, t) => (t % 12 === 11 ? 200_000 : 100_000));
    const result = backtest(values, 0);
    // Months 24 … 35 (January … December of the third year), each from the months before it.
    expect(result.points.map((p) => p.index)).toEqual([24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35]);
    // A perfectly seasonal series is forecast within 1 %: MAPE under 1 %.
    expect(result.mape).toBeLessThan(1);
  });

  it("starts where the history is long enough: 20 months give 4 forecasts (months 16 … 19)", () => {
    const values = Array.from({ length: 20 }, () => 50_000);
    expect(backtest(values, 0).points.map((p) => p.index)).toEqual([16, 17, 18, 19]);
  });
});
