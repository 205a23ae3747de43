import { expect, it } from "vitest";
import { formatMoney, formatMonth, percentChange } from "./format";

// Intl separates Russian thousands with a narrow no-break space (U+202F) and sets range dashes
// between thin spaces (U+2009).
const plain = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, " ");

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

it("writes rates, month keys and Russian plurals", async () => {
  const { formatRate, formatMonthKey, formatPlural, periodDates } = await import("./format");
  expect(plain(formatRate(0.2345, "ru"))).toBe("23,5 %");
  expect(formatRate(null, "en")).toBe("—");
  expect(formatMonthKey("2025-03", "ru")).toBe("март 2025");
  const deals = { one: "{n} сделка", few: "{n} сделки", many: "{n} сделок", other: "{n} сделки" };
  expect([1, 3, 5, 21].map((n) => formatPlural(n, deals, "ru"))).toEqual(["1 сделка", "3 сделки", "5 сделок", "21 сделка"]);
  // March in Almaty: [28 Feb 19:00 UTC, 31 Mar 19:00 UTC) → 1–31 March
  expect(periodDates({ from: "2025-02-28T19:00:00.000Z", to: "2025-03-31T19:00:00.000Z" }, "Asia/Almaty")).toEqual({ from: "2025-03-01", to: "2025-03-31" });
});

it("names a span of days in both languages, the last day inclusive, in the organisation's time zone", async () => {
  const { formatDateRange } = await import("./format");
  // [1 January 2025 00:00, 7 December 2025 00:00) in Almaty (UTC+5): 1 January – 6 December 2025
  const year = { from: new Date("2024-12-31T19:00:00Z"), to: new Date("2025-12-06T19:00:00Z") };
  expect(plain(formatDateRange(year, "Asia/Almaty", "ru"))).toBe("1 янв – 6 дек 2025");
  expect(plain(formatDateRange(year, "Asia/Almaty", "en"))).toBe("Jan 1 – Dec 6, 2025");
  // across a new year, and within one month
  expect(plain(formatDateRange({ from: new Date("2025-11-30T19:00:00Z"), to: new Date("2026-01-06T19:00:00Z") }, "Asia/Almaty", "ru"))).toBe("1 дек 2025 – 6 янв 2026");
  expect(plain(formatDateRange({ from: new Date("2026-10-31T19:00:00Z"), to: new Date("2026-11-06T19:00:00Z") }, "Asia/Almaty", "ru"))).toBe("1–6 нояб 2026");
  expect(plain(formatDateRange({ from: new Date("2026-10-31T19:00:00Z"), to: new Date("2026-11-06T19:00:00Z") }, "Asia/Almaty", "en"))).toBe("Nov 1 – 6, 2026");
});

it("writes the Russian minus as U+2212 and leaves English alone", async () => {
  const { typographicMinus } = await import("./format");
  expect(typographicMinus("-7,8 %", "ru")).toBe("\u22127,8 %");
  expect(typographicMinus("-7.8%", "en")).toBe("-7.8%");
  // a hyphen that is not a sign stays
  expect(typographicMinus("Jan 1 - Dec 6", "ru")).toBe("Jan 1 - Dec 6");
});

it("puts a count before its noun through the plural rules, with the thousands separator", async () => {
  const { formatPlural } = await import("./format");
  const { customersMessages } = await import("./i18n/customers-messages");
  const ru = customersMessages.ru.customersCount;
  expect([434, 101, 1601, 5, 11, 21, 0].map((n) => plain(formatPlural(n, ru, "ru")))).toEqual([
    "434 клиента",
    "101 клиент",
    "1 601 клиент",
    "5 клиентов",
    "11 клиентов",
    "21 клиент",
    "0 клиентов",
  ]);
  const en = customersMessages.en.customersCount;
  expect([1, 2, 1601].map((n) => formatPlural(n, en, "en"))).toEqual(["1 customer", "2 customers", "1,601 customers"]);
  // a fraction is written with one decimal and takes the form Russian gives fractions
  const days = { one: "{n} день", few: "{n} дня", many: "{n} дней", other: "{n} дня" };
  expect(formatPlural(12.46, days, "ru")).toBe("12,5 дня");
});

it("writes dates as «1 янв 2026», without Intl's abbreviation dots and «г.»", async () => {
  const { formatDate, formatDateTime } = await import("./format");
  const newYearMorning = new Date("2026-01-01T04:05:00Z"); // 09:05 in Almaty
  expect(plain(formatDate(newYearMorning, "Asia/Almaty", "ru"))).toBe("1 янв 2026");
  expect(plain(formatDate(new Date("2026-11-20T04:05:00Z"), "Asia/Almaty", "ru"))).toBe("20 нояб 2026");
  expect(formatDate(newYearMorning, "Asia/Almaty", "en")).toBe("Jan 1, 2026");
  expect(plain(formatDateTime(newYearMorning, "Asia/Almaty", "ru"))).toBe("1 янв 2026, 09:05");
  expect(plain(formatDateTime(newYearMorning, "Asia/Almaty", "en"))).toBe("Jan 1, 2026, 9:05 AM");
});
