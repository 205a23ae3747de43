// What "Test connection" answers when it fails: a reason code with its parameters, which the UI
// translates (lib/i18n/sources-messages.ts), and at most the CRM's own short words from its
// recognised error format. Never the body of whatever answered.
import { ConnectorBlockedError, ConnectorError, ConnectorRedirectError } from "./errors";
import { transportProblem } from "./http/fetch-json";

export const CONNECTION_REASONS = [
  "dns_failed",
  "connection_refused",
  "tls_error",
  "unreachable",
  "timeout",
  "redirected",
  "private_address",
  "insecure_url",
  "not_a_crm_answer",
  "bad_credentials",
  "missing_scope",
  "forbidden",
  "payment_required",
  "rate_limited",
  "server_error",
  "request_rejected",
] as const;

export type ConnectionReason = (typeof CONNECTION_REASONS)[number];
/** `host` always; `target` for a redirect; `scopes` for missing permissions; `status` for a server error. */
export type ConnectionParams = { host: string; target?: string; scopes?: string; status?: number };
export type ConnectionFailure = { ok: false; reason: ConnectionReason; params: ConnectionParams; crmWords?: string };

export function connectionFailure(reason: ConnectionReason, params: ConnectionParams, crmWords?: string): ConnectionFailure {
  return { ok: false, reason, params, ...(crmWords ? { crmWords } : {}) };
}

/** A connector error as a reason an admin can act on. */
export function failureFromError(error: ConnectorError, host: string): ConnectionFailure {
  const words = error.details.crmWords;
  const status = error.details.status;
  switch (error.kind) {
    case "blocked":
      return connectionFailure((error as ConnectorBlockedError).reason, { host });
    case "redirected":
      return connectionFailure("redirected", { host, target: (error as ConnectorRedirectError).targetHost });
    case "unreachable":
      return connectionFailure(transportProblem(error.details.code), { host });
    case "timeout":
      return connectionFailure("timeout", { host });
    case "bad_token":
      return connectionFailure("bad_credentials", { host }, words);
    case "missing_scope":
      return connectionFailure("missing_scope", { host }, words);
    case "forbidden":
    case "payment_required":
    case "rate_limited":
      return connectionFailure(error.kind, { host }, words);
    case "server_error":
      return connectionFailure("server_error", { host, ...(status ? { status } : {}) });
    case "protocol":
      return connectionFailure("not_a_crm_answer", { host });
    case "request":
      // A 404 on the API's own path: whatever answered is not this CRM's API.
      return status === 404 && !words ? connectionFailure("not_a_crm_answer", { host }) : connectionFailure("request_rejected", { host }, words);
  }
}
