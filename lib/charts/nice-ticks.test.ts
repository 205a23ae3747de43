import { describe, expect, it } from "vitest";
import { niceAxis, niceTicks } from "./nice-ticks";

describe("niceTicks", () => {
  it("steps money by round amounts, never 37 512", () => {
    // 187 512 / 5 = 37 502 → the next round step is 50 000
    expect(niceTicks(0, 187_512)).toEqual([0, 50_000, 100_000, 150_000, 200_000]);
    // 37 512 / 5 = 7 502 → 10 000
    expect(niceTicks(0, 37_512)).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
  });

  it("ends at or above the largest value, so a bar cannot run past the axis", () => {
    // 112 / 5 = 22.4 → step 25; the old loop stopped at 100 and drew a 112 bar above the plot
    expect(niceTicks(0, 112)).toEqual([0, 25, 50, 75, 100, 125]);
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it("counts in whole numbers for a count axis", () => {
    expect(niceTicks(0, 3, { isInteger: true })).toEqual([0, 1, 2, 3]);
    // 12 / 5 = 2.4 → 2.5 is no step for deals: 5
    expect(niceTicks(0, 12, { isInteger: true })).toEqual([0, 5, 10, 15]);
  });

  it("steps a share by 5 percentage points", () => {
    expect(niceTicks(0, 0.234)).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25]);
  });

  it("covers losses below zero", () => {
    expect(niceTicks(-30, 70)).toEqual([-40, -20, 0, 20, 40, 60, 80]);
  });

  it("gives an empty chart one step", () => {
    expect(niceTicks(0, 0)).toEqual([0, 1]);
  });
});

describe("niceAxis", () => {
  it("starts at 0 and skips months without a figure", () => {
    expect(niceAxis([null, 1_200_000, 2_934_789])).toEqual({ ticks: [0, 1_000_000, 2_000_000, 3_000_000], domain: [0, 3_000_000] });
  });
});
