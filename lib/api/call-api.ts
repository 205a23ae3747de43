// The browser's calls to Voronka's JSON API. A refusal becomes an ApiError that keeps the body's
// code, field and params, so the page translates it (lib/i18n/describe-error.ts). Client-safe.
import type { ErrorBody, ErrorParams } from "@/lib/error-codes";

export class ApiError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly params?: ErrorParams;

  constructor(
    readonly status: number,
    body: ErrorBody,
  ) {
    super(body.message);
    this.name = "ApiError";
    this.code = body.code;
    if (body.field !== undefined) this.field = body.field;
    if (body.params !== undefined) this.params = body.params;
  }
}

/** `csv` and `ndjson` send their text as is (text/csv, application/x-ndjson), `file` its bytes with its own type; `body` as JSON. */
type Init = { method?: string; body?: unknown; csv?: string; ndjson?: string; file?: Blob };

export async function callApi<T>(url: string, init: Init = {}): Promise<T> {
  const text = init.csv ?? init.ndjson;
  const hasBody = init.body !== undefined || text !== undefined || init.file !== undefined;
  const type = init.file ? init.file.type : init.csv !== undefined ? "text/csv" : init.ndjson !== undefined ? "application/x-ndjson" : "application/json";
  const response = await fetch(url, {
    method: init.method ?? (hasBody ? "POST" : "GET"),
    headers: { accept: "application/json", ...(hasBody ? { "content-type": type } : {}) },
    body: init.file ?? text ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, errorBodyIn(body, response.status));
  return body as T;
}

/** The body's `error`, or — from a proxy's HTML page, say — a stand-in that names the HTTP status. */
function errorBodyIn(body: unknown, status: number): ErrorBody {
  const error = (body as { error?: Partial<ErrorBody> } | null)?.error;
  if (error && typeof error.code === "string") return { message: "", ...error } as ErrorBody;
  return status >= 500 ? { code: "internal_error", message: `HTTP ${status}` } : { code: "unknown_error", message: `HTTP ${status}`, params: { code: `HTTP ${status}` } };
}
