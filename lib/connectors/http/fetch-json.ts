// One HTTP exchange with a timeout, read fully and parsed as JSON when it is JSON. Transport
// failures become typed connector errors; what a status or body *means* is the caller's call.
import { ConnectorUnavailableError } from "../errors";

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
  fetch?: typeof fetch;
  timeoutMs: number;
  /** Shown in messages instead of the URL, which may carry a secret. */
  host: string;
  crmName: string;
};

export async function fetchJson(url: string, init: RequestInit, options: FetchJsonOptions): Promise<HttpResult> {
  const doFetch = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await doFetch(url, { ...init, signal });
    text = await response.text(); // the timeout also covers a body that stops half-way
  } catch (error) {
    throw transportError(error, options);
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

function transportError(error: unknown, { host, crmName, timeoutMs }: FetchJsonOptions): ConnectorUnavailableError {
  const name = (error as { name?: string })?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return new ConnectorUnavailableError("timeout", `${crmName} at ${host} did not answer within ${Math.round(timeoutMs / 1000)} s`);
  }
  const code = causeCode(error);
  const why =
    code === "ENOTFOUND" || code === "EAI_AGAIN"
      ? "the host name does not resolve"
      : code === "ECONNREFUSED"
        ? "the connection was refused"
        : code?.startsWith("CERT") || code?.includes("TLS") || code?.includes("SSL")
          ? "its TLS certificate is not valid"
          : "the connection failed";
  return new ConnectorUnavailableError("unreachable", `${crmName} at ${host} cannot be reached: ${why}`, { code });
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
