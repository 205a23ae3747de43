import { describe, expect, it } from "vitest";
import { adminMessages } from "./admin-messages";

describe("admin messages", () => {
  it("use the same places in Russian and English", () => {
    const places = (value: unknown): string[] =>
      typeof value === "string" ? [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]) : Object.values(value as object).flatMap(places);
    const flat = (value: unknown, path = ""): [string, unknown][] =>
      typeof value === "string" ? [[path, value]] : Object.entries(value as object).flatMap(([key, inner]) => flat(inner, `${path}.${key}`));
    const en = Object.fromEntries(flat(adminMessages.en));
    for (const [path, ru] of flat(adminMessages.ru)) expect(places(en[path]).sort(), path).toEqual(places(ru).sort());
  });
});
