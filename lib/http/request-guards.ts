// What proxy.ts refuses before Next's router sees a request: an address Next cannot decode (it
// answered those with a bare 500), and a write to a page — a server action — that another site
// sent or that is too big (Next let a missing Origin through and answered an oversized body with
// a 500). API routes check their own writes (lib/api/handler.ts): they also accept API tokens.
import type { AppError } from "@/lib/errors";
import { CrossSiteRequestError, LengthRequiredError, MalformedPathError, MAX_BODY_BYTES, PayloadTooLargeError } from "./request-errors";
import { isSameOriginRequest, isStateChanging } from "./same-origin";

export function refusalOf(request: Pick<Request, "method" | "headers" | "url">, pathname: string): AppError | null {
  if (hasMalformedEscape(pathname)) return new MalformedPathError();
  if (pathname.startsWith("/api/") || !isStateChanging(request.method)) return null;
  if (!isSameOriginRequest(request)) return new CrossSiteRequestError();
  const length = request.headers.get("content-length");
  // Next reads an action's body up to 1 MiB and then fails; a body of unknown length could pass that mark.
  if (length === null) return request.headers.has("transfer-encoding") ? new LengthRequiredError() : null;
  return Number(length) > MAX_BODY_BYTES ? new PayloadTooLargeError(MAX_BODY_BYTES) : null;
}

/** A percent escape that is not UTF-8 (`%C0%AF`) or not an escape at all (`%G1`). */
export function hasMalformedEscape(pathname: string): boolean {
  if (!pathname.includes("%")) return false;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
