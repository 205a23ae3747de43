// The typed cell renderings every export shares: local times across offset changes, CSV numbers,
// formula neutralising.
import { describe, expect, it } from "vitest";
import { csvCell, localDateTime, neutraliseFormula, wallClockDate } from "./cells";

describe("local times", () => {
  it("follows a summer-time change inside the cached hour grid", () => {
    // Berlin leaves +01:00 for +02:00 at 01:00 UTC on 30 March 2025
    expect(localDateTime(new Date("2025-03-30T00:59:00Z"), "Europe/Berlin")).toBe("2025-03-30 01:59");
    expect(localDateTime(new Date("2025-03-30T01:00:00Z"), "Europe/Berlin")).toBe("2025-03-30 03:00");
  });

  it("follows a half-hour zone's change in the middle of a UTC hour", () => {
    // Adelaide goes from +10:30 to +09:30 at 16:30 UTC on 5 April 2025 (03:00 local → 02:00)
    expect(localDateTime(new Date("2025-04-05T16:29:00Z"), "Australia/Adelaide")).toBe("2025-04-06 02:59");
    expect(localDateTime(new Date("2025-04-05T16:31:00Z"), "Australia/Adelaide")).toBe("2025-04-06 02:01");
  });

  it("stores the wall-clock time for Excel", () => {
    expect(wallClockDate(new Date("2025-03-15T04:00:30Z"), "Asia/Almaty")).toEqual(new Date("2025-03-15T09:00:00Z")); // UTC+5
  });
});

describe("CSV cells", () => {
  it("writes amounts with two decimals, rates as percentages, with the chosen decimal mark", () => {
    expect(csvCell("money", "1234.5", { decimal: "," }, "UTC")).toBe("1234,50");
    expect(csvCell("money", "-20", { decimal: "." }, "UTC")).toBe("-20.00"); // a negative number is a number, not a formula
    expect(csvCell("percent", 0.2345, { decimal: "," }, "UTC")).toBe("23,45");
    expect(csvCell("percent", null, { decimal: "," }, "UTC")).toBe("");
    expect(csvCell("decimal", 7.5, { decimal: "," }, "UTC")).toBe("7,5");
  });

  it("neutralises every character a spreadsheet starts a formula with", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(neutraliseFormula(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(neutraliseFormula("Анна")).toBe("Анна");
    expect(csvCell("text", "=1+1", { decimal: "," }, "UTC")).toBe("'=1+1");
  });
});

describe("one decimals rule for money (docs/glossary.md)", () => {
  const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
  it("shows a report's figure in whole units and a record's own amount to the kopeck, in the PDF and in Excel", async () => {
    const { displayCell } = await import("./cells");
    const { numberFormat } = await import("./xlsx-cells");
    expect(plain(displayCell("money", "2934789.40", "ru", "KZT", "UTC"))).toBe("2 934 789 ₸");
    expect(plain(displayCell("amount", "99500.5", "ru", "KZT", "UTC"))).toBe("99 500,50 ₸");
    expect(numberFormat("money", "KZT", "ru")).toBe('#,##0 "₸"');
    expect(numberFormat("amount", "USD", "en")).toBe('"$"#,##0.00');
    // CSV is data for other programs: every amount exact to two decimals
    expect(csvCell("money", "2934789.4", { decimal: "," }, "UTC")).toBe("2934789,40");
    expect(csvCell("amount", "99500.5", { decimal: "." }, "UTC")).toBe("99500.50");
  });
});
