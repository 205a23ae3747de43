// Turns a Bitrix24 error answer into a typed connector error (docs/bitrix24-wire.md, "Envelope"). The CRM's own
// error text is kept, cleaned and cut short (crm-words.ts); our URL is reduced to the host.
import {
  ConnectorAuthError,
  ConnectorError,
  ConnectorForbiddenError,
  ConnectorPaymentError,
  ConnectorProtocolError,
  ConnectorRateLimitError,
  ConnectorRequestError,
  ConnectorUnavailableError,
} from "../errors";
import { BITRIX_CODE, bitrixWords } from "../crm-words";

const CRM = "Bitrix24";

export function classifyBitrix24Error(host: string, status: number, rawCode: string, rawDescription: string, method: string): ConnectorError {
  const portal = `${CRM} portal ${host}`;
  // An `error` that is no Bitrix24 code means the body is not Bitrix24's: none of it is repeated.
  const isBitrix = BITRIX_CODE.test(rawCode);
  const code = isBitrix ? rawCode : "";
  const description = isBitrix ? (bitrixWords({ error: "", error_description: rawDescription }) ?? "") : "";
  const said = description ? `: ${description}` : "";
  const details = { status, code: code || undefined, crmWords: isBitrix ? bitrixWords({ error: rawCode, error_description: rawDescription }) : undefined };
  switch (code) {
    case "QUERY_LIMIT_EXCEEDED":
      return new ConnectorRateLimitError(`${portal} refused ${method}: too many requests (QUERY_LIMIT_EXCEEDED)`, details);
    case "OPERATION_TIME_LIMIT":
      return new ConnectorRateLimitError(`${portal} blocked ${method} for a while: its 10-minute operating-time budget is used up (OPERATION_TIME_LIMIT)`, details);
    case "expired_token":
      return new ConnectorAuthError(`${portal}: the access token has expired and could not be renewed; reconnect the portal`, details);
    case "invalid_token":
    case "NO_AUTH_FOUND":
    case "INVALID_CREDENTIALS":
    case "invalid_grant":
    case "wrong_client":
      return new ConnectorAuthError(`${portal} rejected the webhook code or token (${code}); create a new inbound webhook or reconnect the app`, details);
    case "method_confirm_waiting":
      return new ConnectorForbiddenError(`${portal}: an administrator must confirm the app's access to ${method}`, details);
    case "insufficient_scope":
      return new ConnectorForbiddenError(`${portal}: the webhook or app lacks the permission (scope) that ${method} needs; tick it in the webhook settings`, { ...details, missingScope: true });
    case "PAYMENT_REQUIRED":
      return new ConnectorPaymentError(`${portal}: the subscription has ended (PAYMENT_REQUIRED)${said}`, details);
    case "ACCESS_DENIED":
    case "user_access_error":
    case "WRONG_AUTH_TYPE":
      return new ConnectorForbiddenError(`${portal} denied access to ${method} (${code})${said}`, details);
    case "OVERLOAD_LIMIT":
      return new ConnectorForbiddenError(`${portal} has blocked REST access (OVERLOAD_LIMIT); only Bitrix24 support can lift it`, details);
    case "PORTAL_DELETED":
      return new ConnectorForbiddenError(`${portal} has been deleted`, details);
  }
  if (status === 402) return new ConnectorPaymentError(`${portal}: payment required${said}`, details);
  if (status === 401) return new ConnectorAuthError(`${portal} rejected the webhook code or token${code ? ` (${code})` : ""}`, details);
  if (status === 403) return new ConnectorForbiddenError(`${portal} refused access (HTTP 403${code ? `, ${code}` : ""})${said}`, details);
  if (status === 429 || status === 503) return new ConnectorRateLimitError(`${portal} refused ${method}: HTTP ${status}`, details);
  if (status >= 500) return new ConnectorUnavailableError("server_error", `${portal} failed on ${method}: HTTP ${status}${code ? ` ${code}` : ""}`, details);
  // CRM permissions come back as 400 with an empty code and "Access denied." (docs/bitrix24-wire.md, "Envelope").
  if (/access denied/i.test(description)) return new ConnectorForbiddenError(`${portal}: the webhook's user may not read ${method} (Access denied); use a user with access to all CRM records`, details);
  if (/not found/i.test(description) || code === "NOT_FOUND") return new ConnectorRequestError(`${portal}: ${method} found nothing${said}`, { status, code: "NOT_FOUND" });
  return new ConnectorRequestError(`${portal} rejected ${method}${code ? ` (${code})` : ""}${said}`, details);
}

/** A body that is not the JSON we expect: classify by the HTTP status (docs/bitrix24-wire.md, "Envelope"). */
export function classifyBitrix24Unreadable(host: string, status: number, method: string): ConnectorError {
  const portal = `${CRM} portal ${host}`;
  if (status === 401) return new ConnectorAuthError(`${portal} rejected the webhook code or token (HTTP 401)`, { status });
  if (status === 402) return new ConnectorPaymentError(`${portal}: payment required (HTTP 402)`, { status });
  if (status === 403) return new ConnectorForbiddenError(`${portal} refused access (HTTP 403); the portal or this server's IP may be blocked`, { status });
  if (status === 429 || status === 503) return new ConnectorRateLimitError(`${portal} refused ${method}: HTTP ${status}`, { status });
  if (status >= 500) return new ConnectorUnavailableError("server_error", `${portal} failed on ${method}: HTTP ${status}`, { status });
  if (status === 404) return new ConnectorRequestError(`${host} does not look like a Bitrix24 REST endpoint (HTTP 404 on ${method}); check the webhook URL`, { status });
  if (status >= 200 && status < 300) return new ConnectorProtocolError(`${portal} sent a truncated or non-JSON answer to ${method}`, { status });
  return new ConnectorProtocolError(`${portal} answered ${method} with HTTP ${status} and an unreadable body`, { status, retryable: false });
}
