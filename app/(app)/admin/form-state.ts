// What an admin form's server action returns, and how a refusal (zod or a domain rule) becomes
// messages in the person's language, translated by the error's code: beside the field it concerns
// when the form shows that field, else above the form.
import { ZodError } from "zod";
import { zodIssueInfo } from "@/lib/api/error-body";
import type { ErrorInfo } from "@/lib/error-codes";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/format";
import { formErrors } from "@/lib/i18n/form-errors";

export type FormState = {
  status?: "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What was typed, to put back after a refusal (never a password). */
  values?: Record<string, string>;
  /** Ticked checkboxes, to put back after a refusal. */
  selected?: string[];
  /** The user an invitation created. */
  userId?: string;
};

/**
 * The messages for a refused submission. `fields` maps each field of the form to its own "what is
 * expected" text, shown when a value of that field fails a plain check (validation_error); a rule
 * with a code of its own is shown in that code's words. Anything that is not a validation or domain
 * error is a bug and is rethrown, not shown.
 */
export function describeFormError(error: unknown, locale: Locale, fields: Record<string, string>): Pick<FormState, "message" | "fieldErrors"> {
  let refusals: ErrorInfo[];
  if (error instanceof ZodError) {
    // Form fields are top-level names: an issue deeper in a value belongs to its field.
    refusals = error.issues.map((issue) => ({ ...zodIssueInfo(issue), field: issue.path.length ? String(issue.path[0]) : undefined }));
  } else if (error instanceof AppError) {
    refusals = [error];
  } else {
    throw error;
  }

  return formErrors(refusals, locale, fields);
}

/** The text fields of a submitted form, to put back after a refusal. */
export function textValues(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, typeof form.get(name) === "string" ? (form.get(name) as string) : ""]));
}
