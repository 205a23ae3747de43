// A webhook's failure as the admin reads it: a code translated into Russian and English, the
// sender's or CRM's words beside it, and which failures are retried.
import { describe, expect, it } from "vitest";
import { ConnectorError } from "@/lib/connectors/errors";
import { ValidationError } from "@/lib/errors";
import { errorText } from "@/lib/i18n/describe-error";
import { eventFailure, failureOfError, inEnglish, PermanentEventError } from "./event-failure";

describe("a webhook event's failure", () => {
  it("reads in Russian and English from its code, parameters filled in and bracketed field names kept", () => {
    const unused = eventFailure("webhook_event_unused", { event: "ONCRMDEALUSERFIELDADD" });
    expect(errorText("ru", unused)).toBe("Событие ONCRMDEALUSERFIELDADD Воронка не использует.");
    expect(inEnglish(unused)).toBe("Event ONCRMDEALUSERFIELDADD is not used by Voronka");
    expect(errorText("ru", eventFailure("webhook_no_account"))).toBe("В теле нет блока аккаунта amoCRM (account[id], account[subdomain]).");
    expect(inEnglish(eventFailure("webhook_no_entity_id"))).toBe("data[FIELDS][ID] is missing or not a number");
  });

  it("puts the sender's own words after the English text and keeps them apart from the translation", () => {
    const invalid = eventFailure("webhook_order_invalid", undefined, "order.total: must be a decimal amount such as 12500.50");
    expect(inEnglish(invalid)).toBe("Not a valid shop webhook: order.total: must be a decimal amount such as 12500.50");
    expect(errorText("ru", invalid)).toBe("Заказ не соответствует формату вебхука магазина.");
    expect(eventFailure("webhook_form_unreadable", undefined, "x".repeat(1500)).details).toHaveLength(1000);
  });

  it("rejects a permanent failure at once and retries the rest, keeping an exception's own text out of the translation", () => {
    expect(failureOfError(new PermanentEventError(eventFailure("webhook_source_gone")))).toEqual({
      failure: { code: "webhook_source_gone" },
      english: "The source no longer exists",
      permanent: true,
    });
    const crm = new ConnectorError("server_error", "Bitrix24 answered 503", { crmWords: "Service temporarily unavailable" });
    expect(failureOfError(crm)).toEqual({ failure: { code: "crm_server_error", details: "Service temporarily unavailable" }, english: "Bitrix24 answered 503", permanent: false });
    expect(failureOfError(new ValidationError("bad", { code: "pattern_empty" }))).toMatchObject({ failure: { code: "pattern_empty" }, permanent: false });
    expect(failureOfError(new Error("connect ECONNREFUSED 10.0.0.1:443"))).toEqual({
      failure: { code: "webhook_apply_failed" },
      english: "connect ECONNREFUSED 10.0.0.1:443",
      permanent: false,
    });
  });
});
