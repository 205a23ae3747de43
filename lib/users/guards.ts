// Small checks shared by the user, organisation and token functions.
import { can, type Action } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

// The forms PostgreSQL's uuid cast accepts in our URLs; anything else would be a 500 from the cast.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A route's id parameter: a malformed id names no row, so it is "not found" like any other. */
export function parseId(value: string, what: string): string {
  if (!UUID.test(value)) throw new NotFoundError(what);
  return value.toLowerCase();
}

/** The same rule the API wrapper applies, repeated here because pages call these functions directly. */
export function assertCan(viewer: Pick<Viewer, "role">, action: Action): void {
  if (!can(viewer.role, action)) throw new ForbiddenError();
}
