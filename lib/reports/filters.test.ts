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

describe("parseReportFilters", () => {
  it("ignores empty values and names the bad filter", () => {
    expect(parseReportFilters(new URLSearchParams("from=2025-01-01&managerId="))).toEqual({ from: "2025-01-01" });
    expect(() => parseReportFilters(new URLSearchParams("from=01.01.2025"))).toThrow(/from/);
    expect(() => parseReportFilters(new URLSearchParams("managerId=42"))).toThrow(/managerId/);
    expect(() => parseReportFilters(new URLSearchParams("from=2025-02-01&to=2025-01-01"))).toThrow(/must not be before from/);
    expect(() => parseReportFilters(new URLSearchParams("preset=yesterday"))).toThrow(/preset/);
  });
});
