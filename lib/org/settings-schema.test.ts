import { describe, expect, it } from "vitest";
import { isIanaTimeZone, orgSettingsPatchSchema, orgSettingsSchema } from "./settings-schema";

const valid = { name: "Acme", baseCurrency: "KZT", timezone: "Asia/Almaty", locale: "ru", country: "KZ" };

describe("orgSettingsSchema", () => {
  it("accepts a complete, valid set of settings and trims the name", () => {
    expect(orgSettingsSchema.parse({ ...valid, name: "  Acme  " })).toEqual(valid);
  });

  it.each([
    ["baseCurrency", "usd"],
    ["baseCurrency", "USDT"],
    ["country", "KAZ"],
    ["country", "kz"],
    ["locale", "de"],
    ["timezone", "Mars/Base"],
    ["timezone", "+05:00"],
    ["timezone", ""],
    ["name", "   "],
  ])("refuses %s = %j, naming the field", (field, value) => {
    const result = orgSettingsSchema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual([field]);
  });

  it("knows IANA zones and refuses offsets, which PostgreSQL would read with the sign inverted", () => {
    expect(isIanaTimeZone("Europe/Moscow")).toBe(true);
    expect(isIanaTimeZone("UTC")).toBe(true);
    expect(isIanaTimeZone("Etc/GMT-5")).toBe(true);
    expect(isIanaTimeZone("UTC+5")).toBe(false);
    expect(isIanaTimeZone("+05:00")).toBe(false);
  });
});

describe("orgSettingsPatchSchema", () => {
  it("accepts any one field", () => {
    expect(orgSettingsPatchSchema.parse({ locale: "en" })).toEqual({ locale: "en" });
  });

  it("refuses an empty patch", () => {
    expect(orgSettingsPatchSchema.safeParse({}).success).toBe(false);
  });
});
