// What a search box query asks for: words for full-text search, phone-number prefixes (digits, read
// in the organisation's country with libphonenumber so "+7 701 123-45-67", "87011234567" and
// "7011234567" are one number) and an e-mail prefix. Pure, so the rules are tested without a database.
import { AsYouType, type CountryCode } from "libphonenumber-js";
import { z } from "zod";
import { SEARCH_MAX_LENGTH } from "./limits";

export { SEARCH_MAX_LENGTH } from "./limits";
/** Fewer digits than this match too many numbers to be a phone search. */
const MIN_PHONE_DIGITS = 3;

export const searchQuerySchema = z.object({
  q: z
    .string({ message: "is required" })
    .trim()
    .min(1, "must not be empty")
    .max(SEARCH_MAX_LENGTH, `must be at most ${SEARCH_MAX_LENGTH} characters`),
});

export type SearchTerms = {
  /** A tsquery for to_tsquery('russian', …): every word as a prefix, all required; null without words. */
  words: string | null;
  /** Digit prefixes a stored phone's digits may start with; empty when the query is not a phone. */
  phonePrefixes: string[];
  /** A lower-cased e-mail prefix; null when the query cannot be one. */
  emailPrefix: string | null;
};

const PHONE_TEXT = /^[+\d\s().-]+$/;
const EMAIL_TEXT = /^[a-z0-9._%+@-]+$/;

export function searchTerms(query: string, country: string): SearchTerms {
  const text = query.trim().toLowerCase();
  const digits = text.replace(/\D/g, "");
  if (PHONE_TEXT.test(text) && digits.length >= MIN_PHONE_DIGITS) {
    return { words: null, phonePrefixes: phonePrefixes(text, digits, country), emailPrefix: null };
  }
  const emailPrefix = EMAIL_TEXT.test(text) ? text : null;
  if (text.includes("@")) return { words: null, phonePrefixes: [], emailPrefix };
  return { words: wordsQuery(text), phonePrefixes: [], emailPrefix };
}

/** The number as typed, read in the country (national prefix dropped, calling code added), and the bare digits. */
function phonePrefixes(text: string, digits: string, country: string): string[] {
  const typed = new AsYouType(country as CountryCode);
  typed.input(text);
  const e164 = typed.getNumber()?.number.replace(/\D/g, "");
  return [...new Set([e164, digits].filter((prefix): prefix is string => Boolean(prefix)))];
}

/**
 * Letters and digits only reach the tsquery (its operators & | ! ( ) : * never do), each word a
 * prefix ("сдел:*" finds «сделка» while it is being typed); values are bound, never spliced into SQL.
 */
function wordsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.slice(0, 8).map((word) => `${word}:*`).join(" & ") : null;
}
