import { describe, expect, it } from "vitest";
import { trafficMessages } from "./traffic-messages";

describe("traffic messages", () => {
  it("use the same places in Russian and English", () => {
    const places = (value: unknown): string[] => (typeof value === "string" ? [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort() : []);
    const flat = (value: unknown, path = ""): [string, unknown][] =>
      typeof value === "string" ? [[path, value]] : Object.entries(value as object).flatMap(([key, inner]) => flat(inner, `${path}.${key}`));
    const en = Object.fromEntries(flat(trafficMessages.en));
    const ru = flat(trafficMessages.ru);
    expect(ru.length).toBeGreaterThan(50);
    for (const [path, text] of ru) {
      // Plural forms: English has no "few" or "many" (formatPlural falls back to "other").
      if (!(path in en) && /\.(few|many)$/.test(path)) continue;
      expect(places(en[path]), path).toEqual(places(text));
    }
  });
});
