// What is done to a text before it is analysed: empty texts are refused, long ones cut with a note, and
// — before anything leaves the server — card numbers, e-mails and phones replaced by placeholders.
import { findPhoneNumbersInText, type CountryCode } from "libphonenumber-js";

export type PreparedText = { text: string; isTruncated: boolean; originalLength: number; redactions: number };

export class EmptyTextError extends Error {
  constructor() {
    super("The text is empty");
  }
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
// 13–19 digits, optionally grouped by spaces or dashes: a payment card when the Luhn sum agrees.
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Replaces payment cards, e-mails and phone numbers; returns the text and how many were replaced. */
export function redactPii(text: string, country?: string): { text: string; redactions: number } {
  let redactions = 0;
  let out = text.replace(CARD, (match) => {
    if (!passesLuhn(match.replace(/\D/g, ""))) return match;
    redactions++;
    return "[card]";
  });
  out = out.replace(EMAIL, () => {
    redactions++;
    return "[email]";
  });
  const phones = findPhoneNumbersInText(out, { defaultCountry: (country as CountryCode | undefined) ?? "RU", extended: true }).filter((p) => p.number.isPossible());
  for (const phone of phones.reverse()) {
    out = `${out.slice(0, phone.startsAt)}[phone]${out.slice(phone.endsAt)}`;
    redactions++;
  }
  return { text: out, redactions };
}

export const TRUNCATION_NOTE = "[… text truncated]";

/** Trims, refuses an empty text, redacts when asked and cuts past `maxChars` (at a word boundary). */
export function prepareText(raw: string, { maxChars, redact, country }: { maxChars: number; redact: boolean; country?: string }): PreparedText {
  const trimmed = raw.replace(/\u0000/g, "").trim();
  if (!trimmed) throw new EmptyTextError();
  const redacted = redact ? redactPii(trimmed, country) : { text: trimmed, redactions: 0 };
  if (redacted.text.length <= maxChars) return { text: redacted.text, isTruncated: false, originalLength: trimmed.length, redactions: redacted.redactions };
  const cut = redacted.text.slice(0, maxChars);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(" "), maxChars - 50)).trimEnd();
  return { text: `${atWord} ${TRUNCATION_NOTE}`, isTruncated: true, originalLength: trimmed.length, redactions: redacted.redactions };
}
