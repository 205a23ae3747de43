// Small checks shared by the user, organisation and token functions.
import { can, type Action } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { ForbiddenError, NotFoundError, type ErrorDetails, type NotFoundThing } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";

/** A route's id parameter: a malformed id names no row, so it is "not found" like any other. */
export function parseId(value: string, what: NotFoundThing, details?: ErrorDetails): string {
  if (!isUuid(value)) throw new NotFoundError(what, details);
  return value.toLowerCase();
}

/** The same rule the API wrapper applies, repeated here because pages call these functions directly. */
export function assertCan(viewer: Pick<Viewer, "role">, action: Action): void {
  if (!can(viewer.role, action)) throw new ForbiddenError();
}
