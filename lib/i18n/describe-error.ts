// An error code (+ params, + field) as text in the reader's language: the one translator every
// surface uses — API answers shown in client forms, server-action forms, sync history, exports.
import { ApiError } from "@/lib/api/call-api";
import { isErrorCode, type ErrorInfo, type ErrorParams } from "@/lib/error-codes";
import { AppError } from "@/lib/errors";
import { formatNumber, formatPlural, type Locale, type PluralForms } from "@/lib/format";
import { errorMessages } from "./error-messages";

/**
 * The text of one error. `labels` names the form's fields as the person sees them, for texts that
 * mention the field ("Check the field «Amount»"). A code this version does not know gets a generic
 * text that shows the code.
 */
export function errorText(locale: Locale, error: ErrorInfo, labels: Record<string, string> = {}): string {
  const { texts, nouns } = errorMessages[locale];
  if (!isErrorCode(error.code)) return fillTemplate(texts.unknown_error, { code: error.code }, nouns, locale);
  const field = error.field === undefined ? undefined : Object.hasOwn(labels, error.field) ? labels[error.field] : error.field;
  return fillTemplate(texts[error.code], { ...error.params, ...(field !== undefined ? { field } : {}) }, nouns, locale);
}

/** Any caught error as text: an API answer or a domain error by its code, a failed fetch as "no connection". */
export function describeError(error: unknown, locale: Locale, labels?: Record<string, string>): string {
  return errorText(locale, errorInfoOf(error), labels);
}

export function errorInfoOf(error: unknown): ErrorInfo {
  if (error instanceof ApiError || error instanceof AppError) return { code: error.code, field: error.field, params: error.params };
  // fetch() rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError) return { code: "network_error" };
  return { code: "internal_error" };
}

/** "{name}" → the value; "{count#rows}" → "3 строки"; "[…{name}…]" only when every value inside it is given. */
function fillTemplate(template: string, values: ErrorParams, nouns: Record<string, PluralForms>, locale: Locale): string {
  const given = (name: string) => values[name] !== undefined;
  // Brackets around no value are text ("account[id]"), not an optional part.
  const optional = template.replace(/\[([^\]]*)\]/g, (whole, inner: string) => {
    const names = [...inner.matchAll(/\{(\w+)/g)].map(([, name]) => name);
    if (names.length === 0) return whole;
    return names.every(given) ? inner : "";
  });
  return optional.replace(/\{(\w+)(?:#(\w+))?\}/g, (whole, name: string, noun: string | undefined) => {
    if (!given(name)) return whole;
    const value = values[name];
    if (noun && nouns[noun]) return formatPlural(Number(value), nouns[noun], locale);
    return typeof value === "number" ? formatNumber(value, locale) : value;
  });
}
