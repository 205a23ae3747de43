// How a refused save reads in the form: an API answer's code and field become the field's own text
// or the code's text, in Russian and English; a code this version does not know a generic text.
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/call-api";
import { errorMessages } from "@/lib/i18n/error-messages";
import { refusalOf } from "./use-api-form";

const fields = { rate: "Курс — положительное число", day: "Дата в виде ГГГГ-ММ-ДД" };

describe("a refused save", () => {
  it("puts a 400 validation_error on the rate beside the rate field, in that field's words", () => {
    const error = new ApiError(400, { code: "validation_error", message: "rate: Invalid", field: "rate" });
    expect(refusalOf(error, "ru", fields)).toEqual({ fieldErrors: { rate: "Курс — положительное число" } });
  });

  it("puts a rule with its own code beside its field in that code's words, in the person's language", () => {
    const error = new ApiError(409, { code: "email_taken", message: "taken", field: "email" });
    expect(refusalOf(error, "en", { email: "An e-mail address" })).toEqual({ fieldErrors: { email: errorMessages.en.texts.email_taken } });
    expect(refusalOf(error, "ru", { email: "Адрес почты" })).toEqual({ fieldErrors: { email: "Пользователь с таким e-mail уже есть в вашей организации." } });
  });

  it("says a refusal about a field the form does not show above the form", () => {
    const error = new ApiError(404, { code: "not_found", message: "Not found" });
    expect(refusalOf(error, "en", fields)).toEqual({ message: errorMessages.en.texts.not_found });
  });

  it("says an unknown code with the generic text that names the code, in either language", () => {
    const error = new ApiError(400, { code: "brand_new_rule", message: "x", field: "rate" });
    expect(refusalOf(error, "en", fields).fieldErrors?.rate).toBe(errorMessages.en.texts.unknown_error.replace("{code}", "brand_new_rule"));
    expect(refusalOf(error, "ru", fields).fieldErrors?.rate).toBe("Не получилось (код ошибки brand_new_rule).");
  });

  it("says a lost connection above the form", () => {
    expect(refusalOf(new TypeError("fetch failed"), "en", fields)).toEqual({ message: errorMessages.en.texts.network_error });
  });
});
