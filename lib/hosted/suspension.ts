// Whether a person's organisation is suspended (docs/hosted.md): asked only after loadViewer refused
// them, so that a suspended organisation's token gets its own clear code rather than "disabled".
import { and, eq, isNotNull } from "drizzle-orm";
import { organisations, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { ForbiddenError } from "@/lib/errors";

export async function assertOrganisationNotSuspended(db: Db, userId: string): Promise<void> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(users.id, userId), isNotNull(organisations.suspendedAt)))
    .limit(1);
  if (row) throw suspendedError();
}

export function suspendedError(): ForbiddenError {
  return new ForbiddenError("The organisation has been suspended by the service operator", { code: "organisation_suspended" });
}
