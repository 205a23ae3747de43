// The comparison rule with concrete dates: "today" is Sunday 6 December 2026, 12:00 in Almaty
// (UTC+5), so a local midnight is 19:00 UTC the day before.
import { describe, expect, it } from "vitest";
import { resolvePeriod } from "@/lib/reports/filters";
import { comparePeriods, localToday } from "./comparison";

const tz = "Asia/Almaty";
const now = new Date("2026-12-06T07:00:00Z");
const midnight = (date: string) => new Date(`${date}T19:00:00Z`); // local midnight that starts the next day
const compare = (filters: Parameters<typeof resolvePeriod>[0], at = now) => comparePeriods(resolvePeriod(filters, tz, at), tz, at);

describe("comparing a running period to date", () => {
  it("compares the default 12 months (1 January – 31 December 2026) as 1 January – 6 December with 1 January – 6 December 2025", () => {
    expect(compare({})).toEqual({
      current: { from: midnight("2025-12-31"), to: midnight("2026-12-06") },
      previous: { from: midnight("2024-12-31"), to: midnight("2025-12-06") },
      isToDate: true,
    });
  });
  it("compares this month, 1–6 December, with 1–6 November", () => {
    expect(compare({ preset: "this-month" })).toEqual({
      current: { from: midnight("2026-11-30"), to: midnight("2026-12-06") },
      previous: { from: midnight("2026-10-31"), to: midnight("2026-11-06") },
      isToDate: true,
    });
  });
  it("compares this quarter, 1 October – 6 December, with 1 July – 6 September", () => {
    expect(compare({ preset: "this-quarter" })).toEqual({
      current: { from: midnight("2026-09-30"), to: midnight("2026-12-06") },
      previous: { from: midnight("2026-06-30"), to: midnight("2026-09-06") },
      isToDate: true,
    });
  });
  it("compares a chosen range running past today by its days so far: 10 November – 6 December (27 days) with 30 September – 26 October", () => {
    // 10 November – 20 December is 41 days, so the period before starts 41 days earlier, on 30 September;
    // 6 December − 41 days = 26 October; both spans hold 27 days.
    expect(compare({ from: "2026-11-10", to: "2026-12-20" })).toEqual({
      current: { from: midnight("2026-11-09"), to: midnight("2026-12-06") },
      previous: { from: midnight("2026-09-29"), to: midnight("2026-10-26") },
      isToDate: true,
    });
  });
  it("maps 30 March to the last day of February", () => {
    const march30 = new Date("2026-03-30T07:00:00Z");
    expect(compare({ preset: "this-month" }, march30).previous).toEqual({ from: midnight("2026-01-31"), to: midnight("2026-02-28") });
  });
  it("leaves both sides empty for a period that has not begun", () => {
    const next = compare({ from: "2027-01-01", to: "2027-01-31" });
    expect(next.current).toEqual({ from: midnight("2026-12-31"), to: midnight("2026-12-31") });
    expect(next.previous.from).toEqual(next.previous.to);
  });
});

describe("comparing a period that has ended", () => {
  it("compares this week, which ends tonight (Monday 30 November – Sunday 6 December), whole with 23–29 November", () => {
    expect(compare({ preset: "this-week" })).toEqual({
      current: { from: midnight("2026-11-29"), to: midnight("2026-12-06") },
      previous: { from: midnight("2026-11-22"), to: midnight("2026-11-29") },
      isToDate: false,
    });
  });
  it("compares last month, November (30 days), with the whole of October (31 days)", () => {
    expect(compare({ preset: "last-month" })).toEqual({
      current: { from: midnight("2026-10-31"), to: midnight("2026-11-30") },
      previous: { from: midnight("2026-09-30"), to: midnight("2026-10-31") },
      isToDate: false,
    });
  });
  it("keeps local midnights across a daylight-saving change (Berlin, 29 March 2026)", () => {
    // 23 March – 5 April 2026 (14 days) against 9–22 March; Berlin is UTC+1 before the change, UTC+2 after.
    const berlin = comparePeriods(resolvePeriod({ from: "2026-03-23", to: "2026-04-05" }, "Europe/Berlin", now), "Europe/Berlin", now);
    expect(berlin.previous).toEqual({ from: new Date("2026-03-08T23:00:00Z"), to: new Date("2026-03-22T23:00:00Z") });
  });
});

it("names today in the organisation's time zone: 23:30 UTC on 5 December is already 6 December in Almaty", () => {
  expect(localToday(new Date("2026-12-05T23:30:00Z"), tz)).toBe("2026-12-06");
  expect(localToday(new Date("2026-12-05T23:30:00Z"), "UTC")).toBe("2026-12-05");
});
