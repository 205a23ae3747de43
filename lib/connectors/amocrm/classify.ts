// An amoCRM answer that is not a success, as a typed connector error (docs/amocrm-wire.md, "Hosts and authentication", "Limits"). 429 and
// 403 bodies are often nginx HTML, so the status decides; the words of a JSON problem are added.
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
import { amoRowErrors, amoWords } from "../crm-words";

export function classifyAmoError(host: string, status: number, body: unknown, path: string): ConnectorError {
  const account = `amoCRM account ${host}`;
  const words = amoWords(body);
  const said = words ? `: ${words}` : "";
  const details = { status, crmWords: words };
  if (status === 401) return new ConnectorAuthError(`${account} rejected the access token (HTTP 401)${said}; reconnect the account or issue a new long-lived token`, details);
  if (status === 402) return new ConnectorPaymentError(`${account}: the account is not paid (HTTP 402); API access resumes after payment`, details);
  if (status === 403) {
    return new ConnectorForbiddenError(
      `${account} refused access (HTTP 403)${said}. amoCRM blocks an account's API after repeated rate-limit excess, and refuses IPs outside the account's allow-list; contact amoCRM support`,
      details,
    );
  }
  if (status === 429) return new ConnectorRateLimitError(`${account} refused ${path}: too many requests (HTTP 429)`, details);
  if (status >= 500) return new ConnectorUnavailableError("server_error", `${account} failed on ${path}: HTTP ${status}`, details);
  if (status === 404) return new ConnectorRequestError(`${account}: ${path} does not exist (HTTP 404); check the account address`, details);
  if (status >= 400) return new ConnectorRequestError(`${account} rejected ${path} (HTTP ${status})${said}`, { ...details, rowErrors: amoRowErrors(body) });
  return new ConnectorProtocolError(`${account} sent a truncated or non-JSON answer to ${path} (HTTP ${status})`, details);
}
