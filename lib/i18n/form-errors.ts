// A refused form submission as messages in the person's language, by the error's code: beside the
// field it concerns when the form shows that field, else above the form. The one rule for every
// form, whatever carried the refusal (an API answer's body, a zod error, a domain error).
import type { ErrorInfo } from "@/lib/error-codes";
import type { Locale } from "@/lib/format";
import { errorText } from "./describe-error";

export type FormErrors = { message?: string; fieldErrors?: Record<string, string> };

/**
 * `fields` maps each field of the form to its own "what is expected" text, shown when a value of
 * that field fails a plain check (validation_error); a rule with a code of its own is shown in that
 * code's words. A field is the first part of the refusal's path ("rows.0.amount" → "rows"). `labels`
 * name paths as the person sees them ("rows.2.revenue" → "alice: Revenue plan") for texts that name the field.
 */
export function formErrors(refusals: readonly ErrorInfo[], locale: Locale, fields: Record<string, string>, labels?: Record<string, string>): FormErrors {
  const fieldErrors: Record<string, string> = {};
  const general: string[] = [];
  for (const refusal of refusals) {
    const field = refusal.field?.split(".")[0];
    const isFormField = field !== undefined && Object.hasOwn(fields, field);
    const text = isFormField && refusal.code === "validation_error" ? fields[field] : errorText(locale, refusal, labels);
    if (isFormField) fieldErrors[field] ??= text;
    else if (!general.includes(text)) general.push(text);
  }
  return {
    ...(general.length ? { message: general.join(" ") } : {}),
    ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}),
  };
}
