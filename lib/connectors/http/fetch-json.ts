// One HTTP exchange with a timeout, read fully and parsed as JSON when it is JSON. Transport
// failures become typed connector errors; what a status or body *means* is the caller's call,
// except a redirect, which is never followed. Every CRM request of the app goes through here,
// and by default through the outbound guard (guarded-fetch.ts).
import { ConnectorError, ConnectorRedirectError, ConnectorUnavailableError } from "../errors";
import { guardedFetch } from "./guarded-fetch";

export type HttpResult = {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body is empty or not valid JSON. */
  json: unknown;
  /** True when the body was present but not valid JSON (HTML error page, truncated body). */
  isBroken: boolean;
  isEmpty: boolean;
};

export type FetchJsonOptions = {
  /** Tests only: a stand-in transport (it bypasses the outbound guard, which has tests of its own). */
  fetch?: typeof fetch;
  timeoutMs: number;
  /** Shown in messages instead of the URL, which may carry a secret. */
  host: string;
  crmName: string;
};

export async function fetchJson(url: string, init: RequestInit, options: FetchJsonOptions): Promise<HttpResult> {
  const doFetch = options.fetch ?? guardedFetch;
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, { ...init, redirect: "manual", signal });
    text = await response.text(); // the timeout also covers a body that stops half-way
  } catch (error) {
    throw transportError(error, options);
  }
  if (response.status >= 300 && response.status < 400) {
    throw new ConnectorRedirectError(options.host, redirectHost(response.headers.get("location"), url), { status: response.status });
  }
  const isEmpty = text.trim() === "";
  let json: unknown;
  let isBroken = false;
  if (!isEmpty) {
    try {
      json = JSON.parse(text);
    } catch {
      isBroken = true;
    }
  }
  return { status: response.status, headers: response.headers, json, isBroken, isEmpty };
}

function transportError(error: unknown, { host, crmName, timeoutMs }: FetchJsonOptions): ConnectorError {
  if (error instanceof ConnectorError) return error; // the outbound guard's refusal
  const name = (error as { name?: string })?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return new ConnectorUnavailableError("timeout", `${crmName} at ${host} did not answer within ${Math.round(timeoutMs / 1000)} s`);
  }
  const code = causeCode(error);
  const why = { dns_failed: "the host name does not resolve", connection_refused: "the connection was refused", tls_error: "its TLS certificate is not valid", unreachable: "the connection failed" }[transportProblem(code)];
  return new ConnectorUnavailableError("unreachable", `${crmName} at ${host} cannot be reached: ${why}`, { code });
}

/** What a transport error code (ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED…) says went wrong. */
export function transportProblem(code: string | undefined): "dns_failed" | "connection_refused" | "tls_error" | "unreachable" {
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME") return "dns_failed";
  if (code === "ECONNREFUSED") return "connection_refused";
  if (code && /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS|ERR_SSL|HOSTNAME_MISMATCH|ERR_CERT)/.test(code)) return "tls_error";
  return "unreachable";
}

/** Only the host of where a redirect points: its path may carry a secret. */
function redirectHost(location: string | null, base: string): string {
  try {
    return location ? new URL(location, base).host : "";
  } catch {
    return "";
  }
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
