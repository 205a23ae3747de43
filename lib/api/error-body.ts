// A refusal as the API's error body `{ code, message, field?, params? }`: domain errors by their own
// code, zod failures as validation_error (or the code a schema rule names), a CRM's refusal by its
// reason. Anything else is not a refusal but a bug, and gets no body here (the caller logs it).
import { ZodError, type core } from "zod";
import { databaseError, isDataException } from "@/db/errors";
import { connectorErrorCode } from "@/lib/connectors/error-code";
import { ConnectorError } from "@/lib/connectors/errors";
import { isErrorCode, type ErrorBody } from "@/lib/error-codes";
import { AppError } from "@/lib/errors";

export function errorBodyOf(error: unknown): { status: number; body: ErrorBody } | null {
  if (error instanceof ZodError) return { status: 400, body: { ...zodIssueInfo(error.issues[0]), message: describeZodError(error) } };
  if (error instanceof AppError) return { status: error.status, body: { code: error.code, message: error.message, field: error.field, params: error.params } };
  // The connector's message is written for an admin and never holds a secret (lib/connectors/errors.ts).
  if (error instanceof ConnectorError) return { status: 502, body: { code: connectorErrorCode(error.kind), message: error.message } };
  // The last net under validation: a value the database refuses is the caller's, not ours.
  if (isDataException(error)) return { status: 400, body: { code: "invalid_value", message: `A value cannot be stored: ${databaseError(error)!.message}` } };
  return null;
}

/**
 * One zod issue as code and field. A schema rule may name a catalogue code in its params
 * (`refine(…, { params: { code: "director_needs_department" } })`); otherwise it is a validation_error.
 */
export function zodIssueInfo(issue: core.$ZodIssue | undefined): { code: string; field?: string } {
  const named = (issue as { params?: { code?: unknown } } | undefined)?.params?.code;
  const code = isErrorCode(named) ? named : "validation_error";
  return issue?.path.length ? { code, field: issue.path.map(String).join(".") } : { code };
}

function describeZodError(error: ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}
