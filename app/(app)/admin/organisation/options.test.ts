import { describe, expect, it } from "vitest";
import { countryOptions, currencyOptions, timeZoneOptions, withCurrent } from "./options";

describe("withCurrent", () => {
  it("adds a current value the list lacks, once, at the end", () => {
    expect(withCurrent(["KZT", "RUB"], "GEL")).toEqual(["KZT", "RUB", "GEL"]);
    expect(withCurrent(["KZT", "RUB"], "RUB")).toEqual(["KZT", "RUB"]);
  });
});

describe("the organisation form's options", () => {
  it("name currencies and countries in the interface language, keeping the code visible", () => {
    expect(currencyOptions("KZT", "en")[0]).toMatchObject({ value: "KZT", label: expect.stringMatching(/^KZT — Kazakhstani tenge$/i) });
    expect(countryOptions("KZ", "ru")[0]).toEqual({ value: "KZ", label: "Казахстан (KZ)" });
    expect(countryOptions("MN", "en").at(-1)).toEqual({ value: "MN", label: "Mongolia (MN)" });
  });

  it("show each zone's offset on the given day, and include the organisation's own zone", () => {
    const summer = new Date("2025-07-01T00:00:00Z");
    const options = timeZoneOptions("Asia/Vladivostok", summer);
    expect(options.find((option) => option.value === "Europe/Moscow")?.label).toBe("Europe/Moscow (GMT+3)");
    expect(options.at(-1)).toEqual({ value: "Asia/Vladivostok", label: "Asia/Vladivostok (GMT+10)" });
    expect(options.filter((option) => option.value === "Asia/Almaty")).toHaveLength(1);
  });
});
