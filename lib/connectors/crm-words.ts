// The CRM's own words about an error, for an admin to read after our explanation. Taken only from
// a body in the CRM's documented JSON error format, cleaned of control characters and cut short:
// anything else that answered (an HTML page, some other service's JSON) is never repeated.

const MAX_CHARS = 200;
/** Bitrix24 error codes are identifiers (QUERY_LIMIT_EXCEEDED, insufficient_scope, …) or empty. */
export const BITRIX_CODE = /^[A-Za-z0-9_.:-]{0,64}$/;

/** Bitrix24 (REST and OAuth server): `{ "error": "CODE", "error_description": "…" }`. */
export function bitrixWords(body: unknown): string | undefined {
  if (!isObject(body) || typeof body.error !== "string" || !BITRIX_CODE.test(body.error)) return undefined;
  const description = typeof body.error_description === "string" ? body.error_description : "";
  return shorten([body.error, description].filter(Boolean).join(": "));
}

/** amoCRM's problem JSON: `{ "title", "type", "status", "detail" }` (OAuth errors add `hint`). */
export function amoWords(body: unknown): string | undefined {
  if (!isObject(body) || typeof body.title !== "string" || (typeof body.status !== "number" && typeof body.type !== "string")) return undefined;
  const parts = [body.title, body.detail, body.hint].filter((part): part is string => typeof part === "string" && part.trim() !== "");
  return shorten([...new Set(parts)].join(": "));
}

/**
 * amoCRM's 400 on a batch write: `validation-errors[{request_id, errors[{code, path, detail}]}]`
 * (integrations-2.md §2.5), as request_id → "code path: detail" for each object it names.
 */
export function amoRowErrors(body: unknown): Record<string, string> | undefined {
  if (!isObject(body) || !Array.isArray(body["validation-errors"])) return undefined;
  const out: Record<string, string> = {};
  for (const row of body["validation-errors"]) {
    if (!isObject(row) || !Array.isArray(row.errors)) continue;
    const words = row.errors
      .filter(isObject)
      .map((error) => [error.code, error.path].filter((part) => typeof part === "string" && part).join(" ") + (typeof error.detail === "string" ? `: ${error.detail}` : ""))
      .join("; ");
    const said = shorten(words);
    if (said && (typeof row.request_id === "string" || typeof row.request_id === "number")) out[String(row.request_id)] = said;
  }
  return Object.keys(out).length ? out : undefined;
}

function shorten(text: string): string | undefined {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+/g, " ").replace(/\s+/g, " ").trim();
  if (!clean) return undefined;
  return clean.length > MAX_CHARS ? `${clean.slice(0, MAX_CHARS - 1)}…` : clean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
