// Why a webhook delivery was refused or ignored, or why applying it failed: a code with parameters
// (lib/error-codes.ts), translated on the admin's page, and the sender's or the CRM's own words as
// `details`, quoted as they came. The English text of the same (`inEnglish`) is what the sender is
// answered and what `last_error` keeps for the API and logs.
import type { RunFailure } from "@/db/schema";
import { ConnectorError } from "@/lib/connectors/errors";
import { connectorErrorCode } from "@/lib/connectors/error-code";
import { isDataException } from "@/db/errors";
import type { ErrorCode, ErrorParams } from "@/lib/error-codes";
import { AppError } from "@/lib/errors";
import { errorMessage } from "@/lib/error-text";
import { errorText } from "@/lib/i18n/describe-error";

export type EventFailure = RunFailure;

const DETAILS_MAX = 1000;

export function eventFailure(code: ErrorCode, params?: ErrorParams, details?: string): EventFailure {
  return { code, ...(params ? { params } : {}), ...(details ? { details: details.slice(0, DETAILS_MAX) } : {}) };
}

/** The failure as one English sentence, the sender's words after a colon. */
export function inEnglish(failure: RunFailure): string {
  const text = errorText("en", failure);
  return failure.details ? `${text}: ${failure.details}` : text;
}

/** A thrown error while applying an event, as a failure; `permanent` when trying again cannot help. */
export function failureOfError(error: unknown): { failure: EventFailure; english: string; permanent: boolean } {
  if (error instanceof PermanentEventError) return { failure: error.failure, english: inEnglish(error.failure), permanent: true };
  if (error instanceof ConnectorError) {
    const failure = eventFailure(connectorErrorCode(error.kind), undefined, error.details.crmWords);
    return { failure, english: error.message, permanent: false };
  }
  if (error instanceof AppError) return { failure: { code: error.code, ...(error.params ? { params: error.params } : {}) }, english: error.message, permanent: false };
  // A value the database cannot store (a NUL stored before receivers refused it) fails the same way on every attempt.
  if (isDataException(error)) return { failure: eventFailure("webhook_value_unstorable", undefined, errorMessage(error)), english: errorMessage(error), permanent: true };
  // Anything else is ours: the admin reads that it will be retried; the exception's own text stays in last_error.
  return { failure: eventFailure("webhook_apply_failed"), english: errorMessage(error), permanent: false };
}

/** An event whose body can never be applied: rejected at once, with why. */
export class PermanentEventError extends Error {
  constructor(readonly failure: EventFailure) {
    super(inEnglish(failure));
  }
}
