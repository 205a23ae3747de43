// A refusal as the API's error body `{ code, message, field?, params? }`: domain errors by their own
// code, zod failures as validation_error (or the code a schema rule names), a CRM's refusal by its
// reason. Anything else is not a refusal but a bug, and gets no body here (the caller logs it).
import { ZodError, type core } from "zod";
import { databaseError, isDataException } from "@/db/errors";
import { connectorErrorCode } from "@/lib/connectors/error-code";
import { ConnectorError } from "@/lib/connectors/errors";
import { isErrorCode, type ErrorBody, type ErrorInfo, type ErrorParams } from "@/lib/error-codes";
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
 * One zod issue as code, field and params. A schema rule may name a catalogue code and its values in
 * the issue's params (`refine(…, { params: { code: "director_needs_department" } })`); any other
 * issue is a validation_error.
 */
export function zodIssueInfo(issue: core.$ZodIssue | undefined): ErrorInfo {
  const field = issue?.path.length ? { field: issue.path.map(String).join(".") } : {};
  const { code, ...params } = ((issue as { params?: Record<string, unknown> } | undefined)?.params ?? {}) as { code?: unknown } & ErrorParams;
  if (!isErrorCode(code)) return { code: "validation_error", ...field };
  return { code, ...field, ...(Object.keys(params).length ? { params } : {}) };
}

function describeZodError(error: ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}
