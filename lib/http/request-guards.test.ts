// What proxy.ts refuses before Next sees a request: undecodable addresses, and server actions
// (writes to page addresses) from another site, of unknown length or over 1 MiB.
import { describe, expect, it } from "vitest";
import { hasMalformedEscape, refusalOf } from "./request-guards";
import { isSameOriginRequest } from "./same-origin";

const APP = "http://127.0.0.1:3300";
const request = (method: string, headers: Record<string, string> = {}, path = "/admin/users") => ({ method, headers: new Headers({ host: "127.0.0.1:3300", ...headers }), url: `${APP}${path}` });
const codeOf = (method: string, headers: Record<string, string> = {}, path = "/admin/users") => refusalOf(request(method, headers, path), path)?.code ?? null;
const SAME = { origin: APP, "sec-fetch-site": "same-origin" };

describe("refusalOf", () => {
  it("refuses an address with a percent escape that is not UTF-8 or not an escape, on pages and the API alike", () => {
    for (const path of ["/api/deals/%C0%AF", "/api/webhooks/shop/%C0%AF", "/admin/users/%C0%AF", "/%E0%A4%A", "/deals/%ZZ", "/%"]) {
      expect(codeOf("GET", {}, path), path).toBe("malformed_path");
    }
    for (const path of ["/admin/users/%D0%90", "/api/deals/abc%20def", "/deals"]) expect(codeOf("GET", {}, path), path).toBeNull();
  });

  it("refuses a server action from another site, without an Origin, or cross-site by Sec-Fetch-Site: 403", () => {
    expect(codeOf("POST", { origin: "http://evil.example", "sec-fetch-site": "cross-site", "content-length": "10" })).toBe("cross_site_request");
    expect(codeOf("POST", { "content-length": "10" })).toBe("cross_site_request");
    expect(codeOf("POST", { origin: APP, "sec-fetch-site": "cross-site", "content-length": "10" })).toBe("cross_site_request");
    expect(codeOf("POST", { ...SAME, "content-length": "10" })).toBeNull();
    // Reading a page is not a write.
    expect(codeOf("GET", { origin: "http://evil.example", "sec-fetch-site": "cross-site" })).toBeNull();
  });

  it("refuses a server action over 1 MiB (413) or of unknown length (411); 1 MiB exactly passes", () => {
    expect(codeOf("POST", { ...SAME, "content-length": String(1024 * 1024 + 1) })).toBe("payload_too_large");
    expect(codeOf("POST", { ...SAME, "transfer-encoding": "chunked" })).toBe("length_required");
    expect(codeOf("POST", { ...SAME, "content-length": String(1024 * 1024) })).toBeNull();
    expect(codeOf("POST", SAME)).toBeNull();
  });

  it("leaves API writes to the API routes, which also take API tokens", () => {
    expect(codeOf("POST", { "content-length": String(10 * 1024 * 1024) }, "/api/users")).toBeNull();
  });
});

describe("isSameOriginRequest", () => {
  it("takes the public URL's host (AUTH_URL) for a proxy that rewrites Host, and nothing else", () => {
    const behindProxy = { method: "POST", headers: new Headers({ host: "127.0.0.1:3000", origin: "https://voronka.example.kz" }), url: "http://127.0.0.1:3000/api/tokens" };
    expect(isSameOriginRequest(behindProxy, "https://voronka.example.kz")).toBe(true);
    expect(isSameOriginRequest(behindProxy, undefined)).toBe(false);
    expect(isSameOriginRequest(behindProxy, "https://other.example.kz")).toBe(false);
  });
});

describe("hasMalformedEscape", () => {
  it("is false for every well-formed escape, Cyrillic included", () => {
    expect(hasMalformedEscape(`/admin/users/${encodeURIComponent("Пользователь №1")}`)).toBe(false);
    expect(hasMalformedEscape("/a%2Fb")).toBe(false);
  });
});
