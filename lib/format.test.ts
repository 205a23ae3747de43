import { expect, it } from "vitest";
import { formatMoney, formatMonth, percentChange } from "./format";

// Intl separates Russian thousands with a narrow no-break space (U+202F).
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

it("formats tenge, roubles and dollars with their symbols", () => {
  expect(plain(formatMoney("1234567.50", "KZT", "ru"))).toBe("1 234 568 ₸");
  expect(plain(formatMoney("1500", "RUB", "ru"))).toBe("1 500 ₽");
  expect(formatMoney("1500", "USD", "en")).toBe("$1,500");
  expect(formatMoney("99.5", "USD", "en", 2)).toBe("$99.50");
});

it("names the month in the organisation's time zone", () => {
  const lateJanuaryUtc = new Date("2025-01-31T20:30:00Z");
  expect(formatMonth(lateJanuaryUtc, "Asia/Almaty", "ru")).toBe("февраль 2025");
  expect(formatMonth(lateJanuaryUtc, "UTC", "en")).toBe("January 2025");
});

it("computes the change against the previous period", () => {
  expect(percentChange(150, 100)).toBe(50);
  expect(percentChange(50, 100)).toBe(-50);
  expect(percentChange(10, 0)).toBeNull();
});
