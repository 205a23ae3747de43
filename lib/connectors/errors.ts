// Typed errors of the CRM clients. Messages are written for an admin and never contain a
// webhook code, token or secret: the URL is reduced to its host before it reaches a message.

export type ConnectorErrorKind =
  | "unreachable" // DNS failure, connection refused, TLS failure
  | "timeout" // no answer in time
  | "bad_token" // wrong webhook code, expired or revoked token
  | "missing_scope" // the token lacks a permission the call needs
  | "forbidden" // account blocked, IP ban, no access
  | "payment_required" // the CRM subscription has ended
  | "rate_limited" // the CRM refused because of its rate limits, after our retries
  | "server_error" // 5xx from the CRM, after our retries
  | "protocol" // a body we cannot read (truncated JSON, HTML error page)
  | "request"; // the CRM rejected the request itself (bad params, not found)

export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly details: { status?: number; code?: string; retryable?: boolean } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** Whether a later attempt may succeed without anyone changing anything. */
  get retryable(): boolean {
    return this.details.retryable ?? false;
  }
}

/** Wrong webhook code, expired or revoked token, failed refresh: a person must reconnect. */
export class ConnectorAuthError extends ConnectorError {
  constructor(message: string, details: { status?: number; code?: string } = {}) {
    super("bad_token", message, details);
  }
}

/** 403: the account or IP is blocked, or the token misses a scope (kind "missing_scope"). */
export class ConnectorForbiddenError extends ConnectorError {
  constructor(message: string, details: { status?: number; code?: string; missingScope?: boolean } = {}) {
    super(details.missingScope ? "missing_scope" : "forbidden", message, details);
  }
}

/** 402 or PAYMENT_REQUIRED: the CRM plan or subscription must be renewed. */
export class ConnectorPaymentError extends ConnectorError {
  constructor(message: string, details: { status?: number; code?: string } = {}) {
    super("payment_required", message, details);
  }
}

/** The host cannot be reached at all (DNS, refused connection, TLS) or keeps timing out. */
export class ConnectorUnavailableError extends ConnectorError {
  constructor(kind: "unreachable" | "timeout" | "server_error", message: string, details: { status?: number; code?: string; retryable?: boolean } = {}) {
    super(kind, message, { retryable: true, ...details });
  }
}

/** The CRM kept refusing because of its rate limits (or the method's time budget). */
export class ConnectorRateLimitError extends ConnectorError {
  constructor(message: string, details: { status?: number; code?: string; waitMs?: number } = {}) {
    super("rate_limited", message, { ...details, retryable: true });
    this.waitMs = details.waitMs;
  }
  readonly waitMs?: number;
}

/** A body we cannot read: truncated JSON, an HTML page instead of JSON, an unexpected shape. */
export class ConnectorProtocolError extends ConnectorError {
  constructor(message: string, details: { status?: number; code?: string; retryable?: boolean } = {}) {
    super("protocol", message, { retryable: true, ...details });
  }
}

/** The CRM rejected the request itself (bad parameters, unknown method, not found): never retried. */
export class ConnectorRequestError extends ConnectorError {
  constructor(message: string, details: { status?: number; code?: string } = {}) {
    super("request", message, { ...details, retryable: false });
  }
}

/** "https://x.bitrix24.ru/rest/1/secret/" → "x.bitrix24.ru": the only part of a URL a message may show. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the CRM";
  }
}
