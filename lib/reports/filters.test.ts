import { describe, expect, it } from "vitest";
import { parseReportFilters, resolvePeriod } from "./filters";

const now = new Date("2025-02-14T08:00:00Z"); // 14 February 2025, 13:00 in Almaty (UTC+5)
const tz = "Asia/Almaty";

describe("resolvePeriod", () => {
  it("reads from/to as whole days in the organisation's time zone, `to` inclusive", () => {
    expect(resolvePeriod({ from: "2025-01-01", to: "2025-01-31" }, tz, now)).toEqual({
      from: new Date("2024-12-31T19:00:00Z"),
      to: new Date("2025-01-31T19:00:00Z"),
    });
  });
  it("knows the presets", () => {
    expect(resolvePeriod({ preset: "this-month" }, tz, now)).toEqual({ from: new Date("2025-01-31T19:00:00Z"), to: new Date("2025-02-28T19:00:00Z") });
    expect(resolvePeriod({ preset: "last-month" }, tz, now)).toEqual({ from: new Date("2024-12-31T19:00:00Z"), to: new Date("2025-01-31T19:00:00Z") });
    expect(resolvePeriod({ preset: "this-quarter" }, tz, now)).toEqual({ from: new Date("2024-12-31T19:00:00Z"), to: new Date("2025-03-31T19:00:00Z") });
    expect(resolvePeriod({ preset: "this-year" }, tz, now)).toEqual({ from: new Date("2024-12-31T19:00:00Z"), to: new Date("2025-12-31T19:00:00Z") });
    // March 2024 … February 2025: twelve months including this one
    expect(resolvePeriod({}, tz, now)).toEqual({ from: new Date("2024-02-29T19:00:00Z"), to: new Date("2025-02-28T19:00:00Z") });
  });
});

describe("week presets", () => {
  // Sunday 16 February 2025, 23:30 in Almaty (UTC+5) is still Sunday 18:30 in UTC.
  const sundayLate = new Date("2025-02-16T18:30:00Z");
  // An hour later it is Monday 17 February 00:30 in Almaty, but Sunday 19:30 in UTC.
  const mondayInAlmaty = new Date("2025-02-16T19:30:00Z");

  it("starts the week on Monday at midnight in the organisation's time zone", () => {
    // Monday 10 February 00:00 in Almaty is 9 February 19:00 UTC; the week ends at Monday 17 February 00:00 Almaty
    expect(resolvePeriod({ preset: "this-week" }, tz, sundayLate)).toEqual({ from: new Date("2025-02-09T19:00:00Z"), to: new Date("2025-02-16T19:00:00Z") });
    expect(resolvePeriod({ preset: "last-week" }, tz, sundayLate)).toEqual({ from: new Date("2025-02-02T19:00:00Z"), to: new Date("2025-02-09T19:00:00Z") });
  });
  it("turns the week at midnight in Almaty while UTC is still on Sunday", () => {
    expect(resolvePeriod({ preset: "this-week" }, tz, mondayInAlmaty)).toEqual({ from: new Date("2025-02-16T19:00:00Z"), to: new Date("2025-02-23T19:00:00Z") });
    expect(resolvePeriod({ preset: "last-week" }, tz, mondayInAlmaty)).toEqual({ from: new Date("2025-02-09T19:00:00Z"), to: new Date("2025-02-16T19:00:00Z") });
    // the same instant for an organisation in UTC: still the week of Monday 10 February
    expect(resolvePeriod({ preset: "this-week" }, "UTC", mondayInAlmaty)).toEqual({ from: new Date("2025-02-10T00:00:00Z"), to: new Date("2025-02-17T00:00:00Z") });
    expect(resolvePeriod({ preset: "last-week" }, "UTC", mondayInAlmaty)).toEqual({ from: new Date("2025-02-03T00:00:00Z"), to: new Date("2025-02-10T00:00:00Z") });
  });
  it("counts a Monday as the first day of its own week, not the last of the previous one", () => {
    const mondayMorning = new Date("2025-02-17T04:00:00Z"); // Monday 17 February, 09:00 in Almaty
    expect(resolvePeriod({ preset: "this-week" }, tz, mondayMorning).from).toEqual(new Date("2025-02-16T19:00:00Z"));
  });
  it("accepts the week presets in the URL", () => {
    expect(parseReportFilters(new URLSearchParams("preset=this-week"))).toEqual({ preset: "this-week" });
    expect(parseReportFilters(new URLSearchParams("preset=last-week"))).toEqual({ preset: "last-week" });
  });
});

describe("parseReportFilters", () => {
  it("ignores empty values and names the bad filter", () => {
    expect(parseReportFilters(new URLSearchParams("from=2025-01-01&managerId="))).toEqual({ from: "2025-01-01" });
    expect(() => parseReportFilters(new URLSearchParams("from=01.01.2025"))).toThrow(/from/);
    expect(() => parseReportFilters(new URLSearchParams("managerId=42"))).toThrow(/managerId/);
    expect(() => parseReportFilters(new URLSearchParams("from=2025-02-01&to=2025-01-01"))).toThrow(/must not be before from/);
    expect(() => parseReportFilters(new URLSearchParams("preset=yesterday"))).toThrow(/preset/);
  });
});
