import { describe, expect, it } from "vitest";
import { fill } from "./fill";

describe("fill", () => {
  it("puts values into their places and leaves unknown places as they are", () => {
    expect(fill("Отдел «{name}» добавлен, {count}", { name: "Онлайн", count: 3 })).toBe("Отдел «Онлайн» добавлен, 3");
    expect(fill("{missing} stays", {})).toBe("{missing} stays");
    expect(fill("{name}", { name: "$& and $1" })).toBe("$& and $1");
  });
});
