import { describe, expect, it } from "vitest";
import { isAcceptableCallbackUrl, isSameSitePath, sameOriginRedirect } from "./callback-url";

describe("where signing in may send a person", () => {
  it("takes paths of this app and refuses what a browser reads as another site", () => {
    expect(["/", "/deals?stage=won", "/admin/users"].map(isSameSitePath)).toEqual([true, true, true]);
    expect(["//evil.example", "/\\evil.example", "https://evil.example/", "deals", ""].map(isSameSitePath)).toEqual([false, false, false, false, false]);
  });

  it("keeps an address on the app's own origin and turns a path into one", () => {
    const base = "https://crm.example.ru";
    expect(sameOriginRedirect("/funnel", base)).toBe("https://crm.example.ru/funnel");
    expect(sameOriginRedirect("https://crm.example.ru/sales", base)).toBe("https://crm.example.ru/sales");
    expect(sameOriginRedirect("https://crm.example.ru.evil.example/", base)).toBeNull();
    expect(sameOriginRedirect("//evil.example/x", base)).toBeNull();
    expect(sameOriginRedirect("not a url", base)).toBeNull();
  });

  it("accepts as a callback only a path or an http(s) address", () => {
    expect(["/x", "https://a.example/", "http://a.example/"].map(isAcceptableCallbackUrl)).toEqual([true, true, true]);
    expect(["javascript:alert(1)", "ftp://a.example/", "data:text/html,x"].map(isAcceptableCallbackUrl)).toEqual([false, false, false]);
  });
});
