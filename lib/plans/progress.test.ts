import { describe, expect, it } from "vitest";
import { daysInMonth, monthElapsed, planProgress } from "./progress";

describe("monthElapsed: today counts as a whole day", () => {
  it.each([
    ["2026-04", "2026-04-12", 12, 30], // the 12th of a 30-day month: 12 days have run
    ["2026-04", "2026-04-01", 1, 30], // the 1st: one day, never zero
    ["2026-02", "2026-03-05", 28, 28], // a month that has ended has run all its days
    ["2028-02", "2028-02-29", 29, 29], // a leap February
    ["2026-05", "2026-04-30", 0, 31], // a month not yet begun: none
  ])("%s on %s → %i of %i days", (month, today, elapsedDays, days) => {
    expect(monthElapsed(month, today)).toEqual({ month, elapsedDays, daysInMonth: days });
  });

  it("knows the length of each month", () => {
    expect(["2026-01", "2026-02", "2026-04", "2026-12"].map(daysInMonth)).toEqual([31, 28, 30, 31]);
  });
});

describe("planProgress", () => {
  it("plan 1 000 000 ₸, fact 400 000 ₸ after 12 of 30 days → 40 % done, projection 400 000 ÷ 12 × 30 = 1 000 000 ₸", () => {
    const progress = planProgress({ revenue: "1000000.00", wonDeals: 5 }, { wonAmount: "400000.00", wonCount: 2 }, monthElapsed("2026-04", "2026-04-12"));
    expect(progress).toEqual({
      month: "2026-04",
      elapsedDays: 12,
      daysInMonth: 30,
      planRevenue: "1000000.00",
      factRevenue: "400000.00",
      revenueDone: 0.4,
      projectedRevenue: "1000000.00",
      planWonDeals: 5,
      factWonDeals: 2,
      wonDealsDone: 0.4, // 2 of 5
      projectedWonDeals: 5, // 2 ÷ 12 × 30
    });
  });

  it("rounds money to the tiyn and shares to four decimals, exactly", () => {
    // 100 000,01 ÷ 7 × 31 = 442 857,187… → 442 857,19; 100 000,01 ÷ 300 000 = 0,333333… → 0,3333
    const progress = planProgress({ revenue: "300000", wonDeals: 3 }, { wonAmount: "100000.01", wonCount: 1 }, monthElapsed("2026-03", "2026-03-07"));
    expect([progress.projectedRevenue, progress.revenueDone, progress.wonDealsDone, progress.projectedWonDeals]).toEqual(["442857.19", 0.3333, 0.3333, 4.4]); // 1 ÷ 7 × 31 = 4,43 → 4,4
  });

  it("past the plan: 1 200 000 of 1 000 000 is 120 %; a finished month projects its fact", () => {
    const progress = planProgress({ revenue: "1000000", wonDeals: null }, { wonAmount: "1200000.00", wonCount: 4 }, monthElapsed("2026-03", "2026-04-02"));
    expect([progress.revenueDone, progress.projectedRevenue, progress.wonDealsDone, progress.projectedWonDeals]).toEqual([1.2, "1200000.00", null, 4]);
  });

  it("no plan, a plan of 0, and a month not yet begun have no share or projection to show", () => {
    const future = planProgress({ revenue: "0", wonDeals: 0 }, { wonAmount: "0.00", wonCount: 0 }, monthElapsed("2026-05", "2026-04-30"));
    expect([future.revenueDone, future.projectedRevenue, future.wonDealsDone, future.projectedWonDeals]).toEqual([null, null, null, null]);
  });
});
