// The keys a customer is known by: the phone in E.164 (read in the organisation's country, so
// "8 (701) 123-45-67" and "+7 701 1234567" are one person), else the lower-cased e-mail.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

export function normalizePhone(raw: string | null | undefined, country: string): string | null {
  const text = raw?.trim();
  if (!text) return null;
  const parsed = parsePhoneNumberFromString(text, country as CountryCode);
  return parsed?.isPossible() ? parsed.number : null;
}

export function normalizeEmail(raw: string | null | undefined): string | null {
  const text = raw?.trim().toLowerCase();
  return text && /^[^\s@]+@[^\s@]+$/.test(text) ? text : null;
}
