// One rule's test of one UTM value: case-insensitive for Cyrillic as well as Latin letters.
import { ValidationError } from "@/lib/errors";
import type { RuleMatch } from "./types";

/**
 * Lower-cases with the locale-independent Unicode rules, so «Запуск» and «запуск» compare equal.
 * toLowerCase is that mapping (Cyrillic included) without the server's locale, and much faster
 * than toLocaleLowerCase("und") at a million rows × dozens of rules (docs/measurements.md).
 */
export const fold = (value: string): string => value.toLowerCase();

/** A test of one value; `folded` is fold(value), computed once per row and field by the caller. */
export type PatternTest = (value: string, folded: string) => boolean;

/** Compiles a rule's pattern; a regex that does not compile is refused with a message a person can act on. */
export function compilePattern(match: RuleMatch, pattern: string): PatternTest {
  if (pattern.trim() === "") throw new ValidationError("The pattern must not be empty", { code: "pattern_empty", field: "pattern" });
  if (match === "regex") {
    let regex: RegExp;
    try {
      // `u` makes \w, classes and case folding Unicode-aware; `i` ignores case in both alphabets.
      regex = new RegExp(pattern, "iu");
    } catch (error) {
      const details = (error as Error).message;
      throw new ValidationError(`The pattern is not a valid regular expression (${details})`, { code: "pattern_invalid", field: "pattern", params: { details } });
    }
    return (value) => regex.test(value);
  }
  const needle = fold(pattern);
  if (match === "equals") return (_value, folded) => folded === needle;
  if (match === "starts_with") return (_value, folded) => folded.startsWith(needle);
  return (_value, folded) => folded.includes(needle);
}

/** Throws the same ValidationError compilePattern would; used before a rule is saved. */
export function assertValidPattern(match: RuleMatch, pattern: string): void {
  compilePattern(match, pattern);
}
