// Phones and e-mails as Voronka compares them, for CRM contacts and shop customers alike: phones in
// E.164 read in the organisation's country ("8 (701) 123-45-67" in KZ is +77011234567), e-mails
// trimmed and lower-cased.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/** The number in E.164, or null when libphonenumber cannot read it as a possible number. */
export function phoneE164(raw: string | null | undefined, country: string): string | null {
  const text = raw?.trim();
  if (!text) return null;
  const parsed = parsePhoneNumberFromString(text, country as CountryCode);
  return parsed?.isPossible() ? parsed.number : null;
}

/** A stored E.164 number as people read it: "+77011234567" → "+7 701 123 4567"; text it cannot read stays as it is. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

export function lowerCaseEmail(raw: string | null | undefined): string | null {
  const text = raw?.trim().toLowerCase();
  return text ? text : null;
}
