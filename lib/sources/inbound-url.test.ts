import { describe, expect, it } from "vitest";
import { inboundWebhookUrl, requestOrigin } from "./inbound-url";

const headers = (values: Record<string, string>) => new Headers(values);

describe("the webhook address shown to paste into a CRM", () => {
  it("is built on the configured public URL, whatever host the page was opened at", () => {
    const origin = requestOrigin(headers({ host: "localhost:3000" }), "http://localhost:3000", "https://voronka.example.com/");
    expect(origin).toBe("https://voronka.example.com");
    expect(inboundWebhookUrl(origin, { id: "5f0c", kind: "bitrix24", webhookSecret: "s" }, "hidden")).toBe("https://voronka.example.com/api/webhooks/bitrix24/5f0c");
  });

  it("without one, is the address the request reached us at, behind a proxy too", () => {
    expect(requestOrigin(headers({ host: "crm.example.kz" }), undefined, undefined)).toBe("https://crm.example.kz");
    expect(requestOrigin(headers({ host: "10.0.0.5:3000", "x-forwarded-host": "sales.example.ru", "x-forwarded-proto": "https" }), undefined, undefined)).toBe("https://sales.example.ru");
    expect(requestOrigin(headers({ host: "localhost:3000" }), undefined, undefined)).toBe("http://localhost:3000");
    expect(requestOrigin(headers({}), "http://127.0.0.1:3100", undefined)).toBe("http://127.0.0.1:3100");
  });

  it("URL-encodes amoCRM's secret when shown and hides it otherwise", () => {
    const amo = { id: "a1", kind: "amocrm" as const, webhookSecret: "ab/c+d" };
    expect(inboundWebhookUrl("https://v.example", amo, "shown")).toBe("https://v.example/api/webhooks/amocrm/a1/ab%2Fc%2Bd");
    expect(inboundWebhookUrl("https://v.example", amo, "hidden")).toBe("https://v.example/api/webhooks/amocrm/a1/••••••••");
  });
});
