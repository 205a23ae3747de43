import { describe, expect, it } from "vitest";
import { parseSpendCsv } from "./parse-csv";
import { validateSpendRows } from "./validate";
import { readAmount, readCurrency, readDay } from "./values";

describe("reading values", () => {
  it.each([
    ["1500", "1500"],
    ["1 500,50", "1500.50"],
    ["1\u00a0234,5", "1234.5"],
    ["99.99", "99.99"],
    ["-5", null],
    ["1,234.56", null],
    ["1.234", null],
    ["", null],
    ["abc", null],
  ])("amount %j → %j", (text, expected) => expect(readAmount(text)).toBe(expected));

  it.each([
    ["2026-03-01", "2026-03-01"],
    ["01.03.2026", "2026-03-01"],
    ["2026-02-30", null],
    ["31.04.2026", null],
    ["3/1/2026", null],
  ])("day %j → %j", (text, expected) => expect(readDay(text)).toBe(expected));

  it("reads currency codes and the three symbols", () => {
    expect([readCurrency("usd"), readCurrency("₸"), readCurrency("₽"), readCurrency("$"), readCurrency("dollars")]).toEqual(["USD", "KZT", "RUB", "USD", null]);
  });
});

describe("parseSpendCsv", () => {
  it("reads Russian headers with `;` and a decimal comma", () => {
    const rows = parseSpendCsv("\uFEFFдата;команда;источник;кампания;сумма;валюта\r\n01.03.2026;Kenesary;fb_kenesary;tripwire;1 500,50;KZT\r\n");
    expect(rows).toEqual([{ line: 2, day: "01.03.2026", team: "Kenesary", source: "fb_kenesary", campaign: "tripwire", amount: "1 500,50", currency: "KZT" }]);
  });

  it("reads English headers with `,`, a quoted decimal comma, and columns in any order", () => {
    const rows = parseSpendCsv('amount,date,team,currency\n"99,90",2026-03-02,Muha,usd\n');
    expect(rows).toEqual([{ line: 2, amount: "99,90", day: "2026-03-02", team: "Muha", currency: "usd" }]);
  });

  it("refuses a file without the required columns", () => {
    expect(() => parseSpendCsv("day;sum\n2026-03-01;5")).toThrow(expect.objectContaining({ code: "csv_missing_columns", params: { columns: "team, amount" } }));
    expect(() => parseSpendCsv("day;sum\n2026-03-01;5")).toThrow("missing: team, amount");
    expect(() => parseSpendCsv("")).toThrow(expect.objectContaining({ code: "csv_empty", message: "The file is empty" }));
  });
});

describe("validateSpendRows", () => {
  const teams = [{ id: "11111111-1111-1111-1111-111111111111", name: "Kenesary" }];
  it("gives each bad row its own error and keeps the good ones", () => {
    const { rows, errors } = validateSpendRows(
      [
        { line: 2, day: "2026-03-01", team: "kenesary", amount: "100" },
        { line: 3, day: "2026-13-01", team: "Nobody", amount: "-1", currency: "rubles" },
        { line: 4, day: "2026-03-01", team: "KENESARY", amount: "200" },
      ],
      teams,
      "KZT",
    );
    expect(rows).toEqual([{ line: 2, teamId: teams[0].id, teamName: "Kenesary", day: "2026-03-01", utmSource: "", utmCampaign: "", amount: "100", currency: "KZT" }]);
    const problems = errors.map((error) => ({ line: error.line, problems: error.problems.map(({ code, field, params }) => ({ code, field, params })) }));
    expect(problems).toEqual([
      {
        line: 3,
        problems: [
          { code: "spend_team_unknown", field: "team", params: { team: "Nobody" } },
          { code: "spend_day_invalid", field: "date", params: { value: "2026-13-01" } },
          { code: "spend_amount_invalid", field: "amount", params: { value: "-1" } },
          { code: "spend_currency_invalid", field: "currency", params: { value: "rubles" } },
        ],
      },
      { line: 4, problems: [{ code: "spend_duplicate_row", field: undefined, params: { line: 2 } }] },
    ]);
    // Scripts read the same problems in English, row by row.
    expect(errors.map((error) => error.message)).toEqual([
      'team: no traffic team "Nobody"; date: "2026-13-01" is not a day (use 2026-03-01 or 01.03.2026); amount: "-1" is not an amount (e.g. 1500 or 1 500,50; at most 2 decimals, not negative); currency: "rubles" is not a currency code like KZT, RUB or USD',
      "duplicates line 2: same team, day, source, campaign and currency",
    ]);
  });
});
