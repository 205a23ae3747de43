import { describe, expect, it } from "vitest";
import { allocate, toCents, toExact, trafficFigures } from "./traffic-teams-figures";

const tenge = (amount: string) => toExact(amount);

describe("exact money", () => {
  it("reads a numeric's text with up to ten decimals and rounds to the cent half away from zero", () => {
    expect(toExact("1500.5")).toBe(15_005_000_000_000n);
    expect(toCents(toExact("0.005"))).toBe(1n);
    expect(toCents(toExact("0.0049999999"))).toBe(0n);
    expect(toCents(toExact("-0.005"))).toBe(-1n);
  });
});

describe("allocated spend", () => {
  it("is the spend times the viewer's share of the team's leads, shown to the cent", () => {
    expect(toCents(allocate(tenge("112000"), 3, 4))).toBe(8_400_000n); // 112 000 ₸ × 3 ÷ 4 = 84 000 ₸
    expect(toCents(allocate(tenge("100"), 1, 3))).toBe(3_333n); // 100 ₸ ÷ 3 = 33.333… → 33.33
    expect(toCents(allocate(tenge("200"), 1, 3))).toBe(6_667n); // 200 ₸ ÷ 3 = 66.666… → 66.67
    expect(toCents(allocate(tenge("0.01"), 1, 2))).toBe(1n); // 0.005 ₸ → 0.01
  });

  it("is nothing when the team has no leads to allocate by, or the viewer none of them", () => {
    expect(allocate(tenge("5000"), 0, 0)).toBe(0n);
    expect(allocate(tenge("5000"), 0, 7)).toBe(0n);
  });
});

describe("the figures of a row", () => {
  it("takes CPL, CAC and ROMI from spend, and leaves them empty when a divisor is 0", () => {
    const sums = { leads: 3, wonDeals: 2, revenue: tenge("90000"), spend: tenge("30000") };
    // CPL 30 000 ÷ 3; CAC 30 000 ÷ 2; ROMI (90 000 − 30 000) ÷ 30 000 = 2; conversion 2 ÷ 3
    expect(trafficFigures(sums)).toEqual({ leads: 3, wonDeals: 2, revenue: "90000.00", spend: "30000.00", cpl: "10000.00", cac: "15000.00", romi: 2, conversionRate: 0.6667 });
    expect(trafficFigures({ ...sums, spend: 0n })).toMatchObject({ spend: "0.00", cpl: null, cac: null, romi: null });
    expect(trafficFigures({ ...sums, spend: 0n }, false)).toMatchObject({ spend: null, cpl: null, cac: null, romi: null });
    expect(trafficFigures({ leads: 0, wonDeals: 0, revenue: 0n, spend: tenge("1") })).toMatchObject({ cpl: null, cac: null, romi: -1, conversionRate: null });
  });

  it("rounds each figure once: three spend rows of 0.004 ₸ are 0.01 ₸, not 0.00", () => {
    const spend = tenge("0.004") + tenge("0.004") + tenge("0.004");
    expect(trafficFigures({ leads: 1, wonDeals: 0, revenue: 0n, spend }).spend).toBe("0.01");
  });
});
