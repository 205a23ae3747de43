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
  | "request" // the CRM rejected the request itself (bad params, not found)
  | "redirected" // the CRM's address answered with a redirect, which is never followed
  | "blocked"; // the address is refused before any request: private network or plain http

export type ConnectorErrorDetails = {
  status?: number;
  /** The CRM's error code (Bitrix24 `error`), or the transport's (ENOTFOUND, CERT_…). */
  code?: string;
  retryable?: boolean;
  /** The CRM's own short words, taken only from its recognised JSON error format (see crm-words.ts). */
  crmWords?: string;
  /** amoCRM's validation errors of a batch write, by the `request_id` we set on each object (their own words). */
  rowErrors?: Record<string, string>;
};

export class ConnectorError extends Error {
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly details: ConnectorErrorDetails = {},
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
  constructor(message: string, details: Omit<ConnectorErrorDetails, "retryable"> = {}) {
    super("bad_token", message, details);
  }
}

/** 403: the account or IP is blocked, or the token misses a scope (kind "missing_scope"). */
export class ConnectorForbiddenError extends ConnectorError {
  constructor(message: string, details: Omit<ConnectorErrorDetails, "retryable"> & { missingScope?: boolean } = {}) {
    super(details.missingScope ? "missing_scope" : "forbidden", message, details);
  }
}

/** 402 or PAYMENT_REQUIRED: the CRM plan or subscription must be renewed. */
export class ConnectorPaymentError extends ConnectorError {
  constructor(message: string, details: Omit<ConnectorErrorDetails, "retryable"> = {}) {
    super("payment_required", message, details);
  }
}

/** The host cannot be reached at all (DNS, refused connection, TLS) or keeps timing out. */
export class ConnectorUnavailableError extends ConnectorError {
  constructor(kind: "unreachable" | "timeout" | "server_error", message: string, details: ConnectorErrorDetails = {}) {
    super(kind, message, { retryable: true, ...details });
  }
}

/** The CRM kept refusing because of its rate limits (or the method's time budget). */
export class ConnectorRateLimitError extends ConnectorError {
  constructor(message: string, details: Omit<ConnectorErrorDetails, "retryable"> & { waitMs?: number } = {}) {
    super("rate_limited", message, { ...details, retryable: true });
    this.waitMs = details.waitMs;
  }
  readonly waitMs?: number;
}

/** A body we cannot read: truncated JSON, an HTML page instead of JSON, an unexpected shape. */
export class ConnectorProtocolError extends ConnectorError {
  constructor(message: string, details: ConnectorErrorDetails = {}) {
    super("protocol", message, { retryable: true, ...details });
  }
}

/** The CRM rejected the request itself (bad parameters, unknown method, not found): never retried. */
export class ConnectorRequestError extends ConnectorError {
  constructor(message: string, details: Omit<ConnectorErrorDetails, "retryable"> = {}) {
    super("request", message, { ...details, retryable: false });
  }
}

/** A 3xx: where it pointed is named by host only (the path may carry a secret); never followed. */
export class ConnectorRedirectError extends ConnectorError {
  constructor(
    readonly host: string,
    readonly targetHost: string,
    details: { status?: number } = {},
  ) {
    super("redirected", `${host} answered with a redirect to ${targetHost || "another address"}; Voronka does not follow redirects: use the address the CRM redirects to`, { ...details, retryable: false });
  }
}

/** Refused before any request: the host resolves to a private address, or the URL is plain http. */
export class ConnectorBlockedError extends ConnectorError {
  constructor(
    readonly reason: "private_address" | "insecure_url",
    readonly host: string,
  ) {
    super(
      "blocked",
      reason === "insecure_url"
        ? `${host}: plain http is refused; use https (or set ALLOW_PRIVATE_CRM_URLS=true for a CRM on a private network)`
        : `${host} resolves to a private or local address, which Voronka refuses (set ALLOW_PRIVATE_CRM_URLS=true for a CRM on a private network)`,
      { code: reason, retryable: false },
    );
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
