import { describe, expect, it } from "vitest";
import { searchQuerySchema, searchTerms } from "./terms";

describe("searchTerms", () => {
  it("reads the three spellings of one Kazakh mobile number as the same digits, +7 701 123 45 67", () => {
    for (const spelling of ["+7 701 123-45-67", "87011234567", "7011234567", "8 (701) 123-45-67"]) {
      expect(searchTerms(spelling, "KZ").phonePrefixes, spelling).toContain("77011234567");
      expect(searchTerms(spelling, "KZ").words, spelling).toBeNull();
    }
  });

  it("reads a partly typed number both as typed and with the country's code: 8 701 12 → 770112 and 870112", () => {
    expect(searchTerms("8 701 12", "KZ").phonePrefixes).toEqual(["770112", "870112"]);
    expect(searchTerms("+7 701", "KZ").phonePrefixes).toEqual(["7701"]);
  });

  it("makes every word a prefix of the tsquery and keeps its operators out", () => {
    expect(searchTerms("Сделки Алматы", "KZ")).toEqual({ words: "сделки:* & алматы:*", phonePrefixes: [], emailPrefix: null });
    expect(searchTerms("a & !b | (c):*", "KZ").words).toBe("a:* & b:* & c:*");
    expect(searchTerms("!!!", "KZ").words).toBeNull();
  });

  it("takes one Latin token as a word and an e-mail prefix, and text with @ as an e-mail prefix only", () => {
    expect(searchTerms("Petrov", "KZ")).toEqual({ words: "petrov:*", phonePrefixes: [], emailPrefix: "petrov" });
    expect(searchTerms("I.Petrov@Mail", "KZ")).toEqual({ words: null, phonePrefixes: [], emailPrefix: "i.petrov@mail" });
  });

  it("refuses an empty or too long query, naming q", () => {
    expect(searchQuerySchema.safeParse({ q: "  " }).error?.issues[0]).toMatchObject({ path: ["q"], message: "must not be empty" });
    expect(searchQuerySchema.safeParse({ q: "я".repeat(101) }).error?.issues[0]).toMatchObject({ path: ["q"], message: "must be at most 100 characters" });
    expect(searchQuerySchema.parse({ q: "я".repeat(100) }).q).toHaveLength(100);
  });
});
