import { describe, expect, it } from "vitest";
import { listQuery, stringParams } from "./list-query";

describe("listQuery", () => {
  it("keeps set filters, drops empty ones and page 1", () => {
    expect(listQuery({ userId: "u1", targetType: undefined, from: "", page: 1 })).toBe("userId=u1");
    expect(listQuery({ status: "dead", page: 3 })).toBe("status=dead&page=3");
    expect(listQuery({ type: "ONCRMDEALUPDATE & co" })).toBe("type=ONCRMDEALUPDATE+%26+co");
  });
});

describe("stringParams", () => {
  it("keeps single non-empty values only", () => {
    expect(stringParams({ a: "1", b: ["2", "3"], c: "", d: undefined })).toEqual({ a: "1" });
  });
});
