import { expect, it } from "vitest";
import { chartValue, compactMoney, TOOLTIP_SEPARATOR, tooltipEntry, valueAxis } from "./chart-format";

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

it("names a tooltip's line by the series' translated name and writes its value in the locale", () => {
  // Recharts shows name + separator + value: «Выручка: 2 934 789 ₸», not «revenue : 2934789».
  const [value, name] = tooltipEntry(2934789, "Выручка", "money", "KZT", "ru");
  expect(plain(`${name}${TOOLTIP_SEPARATOR}${value}`)).toBe("Выручка: 2 934 789 ₸");
  expect(tooltipEntry("2934789.4", "Revenue", "money", "KZT", "en")).toEqual(["₸2,934,789", "Revenue"]);
  // a donut's slice names itself
  const [leads, slice] = tooltipEntry(1234, "Instagram", "integer", null, "ru");
  expect(plain(`${slice}${TOOLTIP_SEPARATOR}${leads}`)).toBe("Instagram: 1 234");
});

it("has no space before the colon and formats counts and rates", () => {
  expect(TOOLTIP_SEPARATOR).toBe(": ");
  expect(plain(chartValue(0.2345, "percent", null, "ru"))).toBe("23,5 %");
  expect(chartValue(0.2345, "percent", null, "en")).toBe("23.5%");
  expect(plain(chartValue(12345, "integer", null, "ru"))).toBe("12 345");
  // money without a currency (a count chart) stays a number
  expect(chartValue(12345, "money", null, "en")).toBe("12,345");
});

it("gives the dashboard's value axes round ticks spanning every value", () => {
  // won amounts per month, the largest 187 512 ₸: steps of 50 000, not Recharts' 40 000 or 37 512
  expect(valueAxis([120_000, null, 187_512, 35_000], "money")).toEqual({ ticks: [0, 50_000, 100_000, 150_000, 200_000], domain: [0, 200_000] });
  // leads per month: whole numbers only
  expect(valueAxis([3, 7, 12], "integer").ticks).toEqual([0, 5, 10, 15]);
  // a conversion rate of at most 23.4 %: 0 %, 5 % … 25 %
  expect(valueAxis([0.1, 0.234], "percent").ticks).toEqual([0, 0.05, 0.1, 0.15, 0.2, 0.25]);
});

it("writes a round tick without a trailing ,0", () => {
  expect(plain(compactMoney(5_000_000, "KZT", "ru"))).toBe("5 млн ₸");
  expect(plain(compactMoney(0, "KZT", "ru"))).toBe("0 ₸");
  expect(plain(compactMoney(1_234_567, "KZT", "ru"))).toBe("1,2 млн ₸");
});

it("makes a money axis wide enough for «12,5 млн ₸», which a fixed 60 px cut to «2,5 млн ₸»", () => {
  const tick = (value: number) => compactMoney(value, "KZT", "ru");
  // bars up to 11.9 million: round ticks 0 … 12.5 million, the longest label ten characters
  const axis = valueAxis([11_900_000, 3_000_000], "money", tick);
  expect(plain(tick(axis.ticks.at(-1)!))).toBe("12,5 млн ₸");
  expect(axis.width).toBe(78); // 10 × 7 + 8
  // small figures keep a narrow axis, never under 40 px
  expect(valueAxis([5], "integer", String).width).toBe(40);
});
