// Typed domain errors. Each carries a stable code from the catalogue (lib/error-codes.ts), the field
// it concerns and the values its text needs; the message is English, for API users and logs.
// Route handlers map them to HTTP in one place (lib/api/handler.ts); every surface translates by code.
import type { ErrorCode, ErrorParams } from "./error-codes";

export type { ErrorCode, ErrorParams } from "./error-codes";

export type ErrorDetails = { field?: string; params?: ErrorParams };
type Coded = ErrorDetails & { code?: ErrorCode };

// `code` takes any string so that a branch's new throw site still compiles; error-codes.test.ts
// fails until the code is in the catalogue, and the catalogue's type wants its texts.
type AnyCode = ErrorCode | (string & {});

export class AppError extends Error {
  readonly field?: string;
  readonly params?: ErrorParams;

  constructor(
    readonly status: number,
    readonly code: AnyCode,
    message: string,
    details: ErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
    if (details.field !== undefined) this.field = details.field;
    if (details.params !== undefined) this.params = details.params;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, { code = "validation_error", ...details }: Coded = {}) {
    super(400, code, message, details);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "Sign in or send an API token in the Authorization header", { code = "unauthorized", ...details }: Coded = {}) {
    super(401, code, message, details);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "Your role does not allow this", { code = "forbidden", ...details }: Coded = {}) {
    super(403, code, message, details);
  }
}

/** What a 404 names, and its code. Anything else is a plain "not_found". */
const notFoundCodes = {
  User: "user_not_found",
  Department: "department_not_found",
  "CRM user": "crm_user_not_found",
  Organisation: "organisation_not_found",
  Token: "token_not_found",
  "Exchange rate": "exchange_rate_not_found",
  Deal: "deal_not_found",
  Customer: "customer_not_found",
  Report: "report_not_found",
  Dashboard: "dashboard_not_found",
  Source: "source_not_found",
  "Webhook event": "webhook_event_not_found",
  "Traffic team": "traffic_team_not_found",
  "Attribution rule": "attribution_rule_not_found",
  "Ad spend entry": "ad_spend_not_found",
  "Saved view": "saved_view_not_found",
  "Report schedule": "report_schedule_not_found",
  "Display token": "display_token_not_found",
  "Embed link": "embed_link_not_found",
  "Shop status": "shop_status_not_found",
} as const satisfies Record<string, ErrorCode>;

export type NotFoundThing = keyof typeof notFoundCodes;

export class NotFoundError extends AppError {
  /** `new NotFoundError("User")` → 404 user_not_found, "User not found"; a `name` param is quoted in the message. */
  constructor(what: NotFoundThing | (string & {}), details: ErrorDetails = {}) {
    const name = details.params?.name;
    const code: ErrorCode = Object.hasOwn(notFoundCodes, what) ? notFoundCodes[what as NotFoundThing] : "not_found";
    super(404, code, `${what}${name !== undefined ? ` "${name}"` : ""} not found`, details);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, { code = "conflict", ...details }: Coded = {}) {
    super(409, code, message, details);
  }
}
