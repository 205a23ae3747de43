import { describe, expect, it } from "vitest";
import { calendarDays } from "./date-input";

const day = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

describe("calendarDays", () => {
  it("starts every calendar on a Monday", () => {
    // 1 June 2025 is a Sunday: its week began on Monday 26 May
    const june = calendarDays(new Date(2025, 5, 1));
    expect(day(june[0])).toBe("2025-05-26");
    expect(june[0].getDay()).toBe(1);
    expect(day(june[6])).toBe("2025-06-01");
    // 1 September 2025 is a Monday: no days of August before it
    expect(day(calendarDays(new Date(2025, 8, 15))[0])).toBe("2025-09-01");
  });
  it("always shows six whole weeks", () => {
    const february = calendarDays(new Date(2026, 1, 1));
    expect(february).toHaveLength(42);
    expect(february.every((date, index) => date.getDay() === [1, 2, 3, 4, 5, 6, 0][index % 7])).toBe(true);
  });
});
