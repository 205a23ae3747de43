import { expect, it } from "vitest";
import { monthPeriod } from "./months";

it("cuts months in the organisation's time zone", () => {
  // 2025-01-31 20:30 UTC is already 1 February 01:30 in Almaty (UTC+5).
  const now = new Date("2025-01-31T20:30:00Z");
  expect(monthPeriod(now, "Asia/Almaty")).toEqual({ from: new Date("2025-01-31T19:00:00Z"), to: new Date("2025-02-28T19:00:00Z") });
  expect(monthPeriod(now, "UTC")).toEqual({ from: new Date("2025-01-01T00:00:00Z"), to: new Date("2025-02-01T00:00:00Z") });
});

it("goes back across a year boundary", () => {
  const now = new Date("2025-01-15T12:00:00Z");
  expect(monthPeriod(now, "Europe/Moscow", -1)).toEqual({ from: new Date("2024-11-30T21:00:00Z"), to: new Date("2024-12-31T21:00:00Z") });
});
