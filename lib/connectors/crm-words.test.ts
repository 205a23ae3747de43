import { describe, expect, it } from "vitest";
import { amoWords, bitrixWords } from "./crm-words";

describe("the CRM's own words", () => {
  it("come only from the CRM's error format", () => {
    expect(bitrixWords({ error: "NO_AUTH_FOUND", error_description: "Wrong authorization data" })).toBe("NO_AUTH_FOUND: Wrong authorization data");
    expect(bitrixWords({ error: "", error_description: "Access denied." })).toBe("Access denied.");
    expect(bitrixWords({ error: "<b>not a code</b>", error_description: "secret" })).toBeUndefined();
    expect(bitrixWords({ result: { password: "secret" } })).toBeUndefined();
    expect(bitrixWords("<html>error</html>")).toBeUndefined();
    expect(amoWords({ title: "Unauthorized", type: "https://httpstatus.es/401", status: 401, detail: "Неверный логин или пароль" })).toBe("Unauthorized: Неверный логин или пароль");
    expect(amoWords({ title: "Bad", detail: "no status or type" })).toBeUndefined();
    expect(amoWords({ message: "someone else's error" })).toBeUndefined();
  });

  it("are cleaned of control characters and cut at 200 characters", () => {
    expect(bitrixWords({ error: "ERR", error_description: "line one\r\n\u0007line\u202e two" })).toBe("ERR: line one line two");
    const long = bitrixWords({ error: "ERR", error_description: "я".repeat(500) })!;
    expect(long).toHaveLength(200);
    expect(long.endsWith("…")).toBe(true);
  });
});
