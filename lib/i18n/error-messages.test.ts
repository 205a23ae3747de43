import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/call-api";
import { ERROR_CODES } from "@/lib/error-codes";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { describeError, errorText } from "./describe-error";
import { errorMessages } from "./error-messages";

const places = (text: string) => [...text.matchAll(/\{(\w+)(?:#(\w+))?\}/g)].map(([, name]) => name).sort();

describe("error texts", () => {
  it("exist, non-empty, for every code of the catalogue in Russian and in English", () => {
    for (const locale of ["ru", "en"] as const) {
      const missing = ERROR_CODES.filter((code) => !errorMessages[locale].texts[code]?.trim());
      expect(missing, locale).toEqual([]);
    }
  });

  it("use the same values in both languages, and only nouns they have plural forms for", () => {
    for (const code of ERROR_CODES) {
      expect(places(errorMessages.en.texts[code]), code).toEqual(places(errorMessages.ru.texts[code]));
      for (const locale of ["ru", "en"] as const) {
        for (const [, noun] of errorMessages[locale].texts[code].matchAll(/\{\w+#(\w+)\}/g)) expect(errorMessages[locale].nouns[noun], `${locale} ${code} ${noun}`).toBeDefined();
      }
    }
  });

  it("name no code of their own that the catalogue lacks", () => {
    expect(Object.keys(errorMessages.ru.texts).sort()).toEqual([...ERROR_CODES].sort());
    expect(Object.keys(errorMessages.en.texts).sort()).toEqual([...ERROR_CODES].sort());
  });
});

describe("errorText", () => {
  it("fills in the params, with the numbers in the reader's format and the noun in its plural form", () => {
    const spend = (count: number) => ({ code: "traffic_team_has_spend", params: { name: "Kenesary", count } });
    expect(errorText("ru", spend(1))).toBe("У команды «Kenesary» 1 запись о расходах на рекламу; отключите её вместо удаления, чтобы расходы остались в отчётах.");
    expect(errorText("ru", spend(3))).toBe("У команды «Kenesary» 3 записи о расходах на рекламу; отключите её вместо удаления, чтобы расходы остались в отчётах.");
    expect(errorText("ru", spend(25))).toBe("У команды «Kenesary» 25 записей о расходах на рекламу; отключите её вместо удаления, чтобы расходы остались в отчётах.");
    expect(errorText("en", spend(1))).toBe("Kenesary has 1 entry of ad spend; deactivate the team instead of deleting it, so its costs stay in the reports.");
    expect(errorText("en", spend(1200))).toBe("Kenesary has 1,200 entries of ad spend; deactivate the team instead of deleting it, so its costs stay in the reports.");
    expect(errorText("ru", { code: "spend_too_many_rows", params: { max: 50000 } })).toBe("За раз можно импортировать не больше 50\u00a0000 строк; разбейте файл.");
  });

  it("drops a bracketed part whose value is missing, and names the field by the form's label", () => {
    expect(errorText("ru", { code: "validation_error" })).toBe("Проверьте введённые данные.");
    expect(errorText("ru", { code: "validation_error", field: "amount" })).toBe("Проверьте введённые данные: поле «amount».");
    expect(errorText("ru", { code: "validation_error", field: "amount" }, { amount: "Сумма" })).toBe("Проверьте введённые данные: поле «Сумма».");
    expect(errorText("en", { code: "pattern_invalid", params: { details: "Unterminated group" } })).toBe("This is not a regular expression (Unterminated group).");
    expect(errorText("en", { code: "pattern_invalid" })).toBe("This is not a regular expression.");
  });

  it("puts a value in as it is, even one that looks like a placeholder", () => {
    expect(errorText("en", { code: "department_name_taken", params: { name: "{name} $&" } })).toBe("A department named “{name} $&” already exists.");
  });

  it("answers a code it does not know with a generic text that shows the code", () => {
    expect(errorText("ru", { code: "csrf_rejected" })).toBe("Не получилось (код ошибки csrf_rejected).");
    expect(errorText("en", { code: "__proto__" })).toBe("That did not work (error code __proto__).");
  });
});

describe("describeError", () => {
  it("translates an API refusal and a domain error by code, a failed fetch as no connection, anything else as a server error", () => {
    const apiRefusal = new ApiError(409, { code: "traffic_team_name_taken", message: 'A traffic team named "X" already exists', field: "name", params: { name: "X" } });
    expect(describeError(apiRefusal, "ru")).toBe("Команда «X» уже есть.");
    expect(describeError(new NotFoundError("Source"), "en")).toBe("This source does not exist; reload the page.");
    expect(describeError(new ConflictError("whatever"), "ru")).toBe("Данные изменились одновременно с вашим действием; обновите страницу и попробуйте снова.");
    expect(describeError(new TypeError("Failed to fetch"), "ru")).toBe("Нет связи с сервером; проверьте подключение и попробуйте ещё раз.");
    expect(describeError(new Error("boom"), "en")).toBe("Something went wrong on the server; the error has been logged. Try again.");
  });
});
