import { describe, expect, it } from "vitest";
import { bucketKeyOf, bucketsOf, chartBucketOf, periodDayCount } from "./buckets";

// Local midnights in Almaty (UTC+5): 1 Dec 2026 00:00 is 30 Nov 19:00 UTC.
const almaty = (day: string) => new Date(`${day}T00:00:00+05:00`);
const period = (from: string, toExclusive: string) => ({ from: almaty(from), to: almaty(toExclusive) });

describe("which bars a period gets", () => {
  it("draws up to 31 days by day, up to 62 by Monday week, longer by month", () => {
    expect([periodDayCount(period("2026-12-01", "2027-01-01"), "Asia/Almaty"), chartBucketOf(period("2026-12-01", "2027-01-01"), "Asia/Almaty")]).toEqual([31, "day"]);
    expect([periodDayCount(period("2026-11-01", "2027-01-01"), "Asia/Almaty"), chartBucketOf(period("2026-11-01", "2027-01-01"), "Asia/Almaty")]).toEqual([61, "week"]);
    expect([periodDayCount(period("2026-10-01", "2027-01-01"), "Asia/Almaty"), chartBucketOf(period("2026-10-01", "2027-01-01"), "Asia/Almaty")]).toEqual([92, "month"]);
  });

  it("counts the organisation's days, not UTC's", () => {
    // 1–7 December in Almaty is 30 Nov 19:00 – 7 Dec 19:00 UTC: eight UTC dates, seven local days.
    expect(periodDayCount(period("2026-12-01", "2026-12-08"), "Asia/Almaty")).toBe(7);
  });
});

describe("the bars themselves", () => {
  it("lists every day, empty ones included", () => {
    expect(bucketsOf(period("2026-12-01", "2026-12-04"), "Asia/Almaty", "day")).toEqual([
      { key: "2026-12-01", from: "2026-12-01", to: "2026-12-01" },
      { key: "2026-12-02", from: "2026-12-02", to: "2026-12-02" },
      { key: "2026-12-03", from: "2026-12-03", to: "2026-12-03" },
    ]);
  });

  it("starts weeks on Monday and clips the first and last to the period", () => {
    // Thursday 3 December to Tuesday 15 December 2026: part of the week of 30 Nov, the week of 7 Dec, part of the week of 14 Dec.
    expect(bucketsOf(period("2026-12-03", "2026-12-16"), "Asia/Almaty", "week")).toEqual([
      { key: "2026-11-30", from: "2026-12-03", to: "2026-12-06" },
      { key: "2026-12-07", from: "2026-12-07", to: "2026-12-13" },
      { key: "2026-12-14", from: "2026-12-14", to: "2026-12-15" },
    ]);
  });

  it("keys months as YYYY-MM", () => {
    expect(bucketsOf(period("2026-11-15", "2027-01-01"), "Asia/Almaty", "month")).toEqual([
      { key: "2026-11", from: "2026-11-15", to: "2026-11-30" },
      { key: "2026-12", from: "2026-12-01", to: "2026-12-31" },
    ]);
  });

  it("finds the bar that holds a day", () => {
    expect([bucketKeyOf("2026-12-06", "day"), bucketKeyOf("2026-12-06", "week"), bucketKeyOf("2026-12-06", "month")]).toEqual(["2026-12-06", "2026-11-30", "2026-12"]);
  });
});
