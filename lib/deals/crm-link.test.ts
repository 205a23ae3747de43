// The «Открыть в CRM» link: the CRM's own deal-card address, built from what the source stores.
import { describe, expect, it } from "vitest";
import { crmDealUrl } from "./crm-link";

describe("crmDealUrl", () => {
  it("links a Bitrix24 deal on the portal the CRM reported, never through a webhook URL's secret path", () => {
    expect(crmDealUrl({ kind: "bitrix24", baseUrl: "https://old.bitrix24.ru/rest/1/s3cret/", crmAccountDomain: "acme.bitrix24.kz" }, "1042")).toBe("https://acme.bitrix24.kz/crm/deal/details/1042/");
    expect(crmDealUrl({ kind: "bitrix24", baseUrl: "https://acme.bitrix24.ru/rest/1/s3cret/", crmAccountDomain: null }, "7")).toBe("https://acme.bitrix24.ru/crm/deal/details/7/");
  });
  it("links an amoCRM lead on the account's own host, else on its subdomain at amocrm.ru", () => {
    expect(crmDealUrl({ kind: "amocrm", baseUrl: "https://acme.kommo.com", crmAccountDomain: "acme" }, "31337")).toBe("https://acme.kommo.com/leads/detail/31337");
    expect(crmDealUrl({ kind: "amocrm", baseUrl: null, crmAccountDomain: "acme" }, "31337")).toBe("https://acme.amocrm.ru/leads/detail/31337");
  });
  it("gives no link when nothing is known, or for a shop", () => {
    expect(crmDealUrl({ kind: "bitrix24", baseUrl: null, crmAccountDomain: null }, "1")).toBeNull();
    expect(crmDealUrl({ kind: "amocrm", baseUrl: "not a url", crmAccountDomain: "bad/host" }, "1")).toBeNull();
    expect(crmDealUrl({ kind: "shop", baseUrl: "https://shop.kz", crmAccountDomain: null }, "1")).toBeNull();
  });
});
