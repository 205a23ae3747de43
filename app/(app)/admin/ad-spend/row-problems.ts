// One ad-spend row's problems in the reader's language, as the CSV preview and the form show them.
import type { RowError } from "@/lib/ad-spend/validate";
import type { Locale } from "@/lib/format";
import { errorText } from "@/lib/i18n/describe-error";

export function rowProblemsText(row: RowError, locale: Locale): string {
  return row.problems.map((problem) => errorText(locale, problem)).join(" ");
}
