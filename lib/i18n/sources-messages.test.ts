import { describe, expect, it } from "vitest";
import { CONNECTION_REASONS } from "@/lib/connectors/connection-check";
import { describeTestFailure, sourcesMessages } from "./sources-messages";

describe("Test connection's words", () => {
  it("say every reason in Russian and English, with every place filled", () => {
    const params = { host: "portal.bitrix24.kz", target: "b24-x1.bitrix24.kz", scopes: "user, department", status: 502 };
    for (const reason of CONNECTION_REASONS) {
      for (const locale of ["ru", "en"] as const) {
        const text = describeTestFailure(sourcesMessages[locale], { reason, params });
        expect(text, `${locale} ${reason}`).not.toMatch(/[{}]/);
        expect(text, `${locale} ${reason}`).not.toBe(sourcesMessages[locale].testFailed);
      }
    }
  });

  it("name the redirect's target and what is missing, then the CRM's own words", () => {
    expect(describeTestFailure(sourcesMessages.ru, { reason: "redirected", params: { host: "old.bitrix24.kz", target: "new.bitrix24.kz" } })).toBe(
      "old.bitrix24.kz отвечает перенаправлением на new.bitrix24.kz. Воронка не переходит по перенаправлениям: подключите источник по адресу new.bitrix24.kz.",
    );
    expect(describeTestFailure(sourcesMessages.en, { reason: "missing_scope", params: { host: "p.bitrix24.kz", scopes: "department" } })).toBe(
      "The webhook or app lacks permissions: tick crm, user and department in the webhook settings, save and test again. Missing: department.",
    );
    expect(describeTestFailure(sourcesMessages.ru, { reason: "bad_credentials", params: { host: "p.bitrix24.kz" }, details: "NO_AUTH_FOUND: Wrong authorization data" })).toBe(
      "CRM не принимает код вебхука или токен: создайте новый входящий вебхук или подключите заново. Подробности от CRM: NO_AUTH_FOUND: Wrong authorization data",
    );
    expect(describeTestFailure(sourcesMessages.en, { reason: "something_new", params: { host: "x" } })).toBe("The connection does not work.");
  });
});
