// COPY takes no parameters, so the export writes its values into the query as literals.
import { describe, expect, it } from "vitest";
import { inlineParams, sqlLiteral } from "./inline-params";

describe("sqlLiteral", () => {
  it("writes strings as escape-string literals with quotes and backslashes doubled", () => {
    expect(sqlLiteral("Asia/Almaty")).toBe("E'Asia/Almaty'");
    expect(sqlLiteral("O'Brien")).toBe("E'O''Brien'");
    expect(sqlLiteral("a\\'; drop table deals; --")).toBe("E'a\\\\''; drop table deals; --'");
    expect(sqlLiteral("Без менеджера")).toBe("E'Без менеджера'");
  });

  it("writes numbers, booleans, null and dates; refuses what it cannot write exactly", () => {
    expect(sqlLiteral(1_000_000)).toBe("1000000");
    expect(sqlLiteral(-2.5)).toBe("-2.5");
    expect(sqlLiteral(true)).toBe("true");
    expect(sqlLiteral(null)).toBe("null");
    expect(sqlLiteral(new Date("2025-01-31T20:30:00Z"))).toBe("E'2025-01-31T20:30:00.000Z'");
    expect(() => sqlLiteral(Number.NaN)).toThrow(/NaN/);
    expect(() => sqlLiteral("a\0b")).toThrow(/NUL/);
    expect(() => sqlLiteral({ a: 1 })).toThrow(/object/);
  });
});

describe("inlineParams", () => {
  it("replaces $1…$12 each by its own value, $1 not eating the 1 of $12", () => {
    const params = Array.from({ length: 12 }, (_, i) => `v${i + 1}`);
    const sql = params.map((_, i) => `$${i + 1}`).join(", ");
    expect(inlineParams({ sql, params })).toBe(params.map((value) => `E'${value}'`).join(", "));
  });

  it("refuses a query that names a missing parameter or leaves one unused", () => {
    expect(() => inlineParams({ sql: "select $2", params: ["a"] })).toThrow(/\$2/);
    expect(() => inlineParams({ sql: "select $1", params: ["a", "b"] })).toThrow(/1 of its 2/);
  });
});
