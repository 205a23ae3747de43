// Before a text is analysed: empty refused, personal data replaced, long texts cut with a note.
import { describe, expect, it } from "vitest";
import { EmptyTextError, prepareText, redactPii, TRUNCATION_NOTE } from "./prepare";

describe("redactPii", () => {
  it("replaces phones, e-mails and a card number that passes the Luhn check, and keeps amounts and other numbers", () => {
    const { text, redactions } = redactPii("Звоните +7 701 123 45 67 или 8 (727) 250-00-00, пишите ivan.petrov@mail.ru, карта 4111 1111 1111 1111, сумма 1500000 ₸, заказ 2024-0012", "KZ");
    expect(text).toBe("Звоните [phone] или [phone], пишите [email], карта [card], сумма 1500000 ₸, заказ 2024-0012");
    expect(redactions).toBe(4);
  });

  it("keeps a 16-digit number that is not a card (Luhn fails)", () => {
    expect(redactPii("Номер договора 4276 3800 1234 5675").text).toBe("Номер договора 4276 3800 1234 5675");
  });
});

describe("prepareText", () => {
  it("refuses an empty or blank text", () => {
    expect(() => prepareText("  \n\t ", { maxChars: 500, redact: true })).toThrow(EmptyTextError);
  });

  it("cuts a text over the limit at a word and says so", () => {
    const long = "дорого ".repeat(100); // 700 characters
    const prepared = prepareText(long, { maxChars: 300, redact: false });
    expect(prepared.isTruncated).toBe(true);
    expect(prepared.originalLength).toBe(699);
    expect(prepared.text.endsWith(TRUNCATION_NOTE)).toBe(true);
    expect(prepared.text.length).toBeLessThanOrEqual(300 + TRUNCATION_NOTE.length + 1);
  });

  it("leaves redaction off when asked (AI_REDACT_PII=false)", () => {
    expect(prepareText("a.b@example.com", { maxChars: 300, redact: false }).text).toBe("a.b@example.com");
  });
});
