// The keys a customer is known by: the phone in E.164 (read in the organisation's country, so
// "8 (701) 123-45-67" and "+7 701 1234567" are one person), else the lower-cased e-mail. Stricter
// than a CRM contact's: a key that is not a real phone or e-mail would merge strangers.
import { lowerCaseEmail, phoneE164 } from "@/lib/contact-details";

export const normalizePhone = phoneE164;

export function normalizeEmail(raw: string | null | undefined): string | null {
  const text = lowerCaseEmail(raw);
  return text && /^[^\s@]+@[^\s@]+$/.test(text) ? text : null;
}
