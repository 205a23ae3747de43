import { expect, it } from "vitest";
import { formatPhone, phoneE164 } from "./contact-details";

it("writes a stored phone number as people read it, and leaves text it cannot read alone", () => {
  expect(phoneE164("8 (701) 123-45-67", "KZ")).toBe("+77011234567");
  expect(formatPhone("+77011234567")).toBe("+7 701 123 4567");
  expect(formatPhone("+74951234567")).toBe("+7 495 123 45 67");
  expect(formatPhone("12")).toBe("12");
});
