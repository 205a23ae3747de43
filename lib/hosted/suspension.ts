// A suspended organisation (docs/hosted.md): its people and tokens are refused (assertOrganisationNotSuspended),
// and it does no work in the background — every loop that takes queued work or walks the
// organisations filters by the one predicate below, so what is queued stays queued until it is resumed.
import { and, eq, isNotNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { organisations, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { ForbiddenError } from "@/lib/errors";

/**
 * SQL, true when the organisation whose id `orgId` holds (a column, or `sql\`org_id\`` in raw SQL)
 * is not suspended. The one test every background loop applies: outbox claims, sync schedules,
 * the webhook inbox, detection and scoring passes.
 */
export function orgIsActive(orgId: SQLWrapper): SQL {
  return sql`${orgId} not in (select ${sql.identifier("id")} from ${organisations} where ${sql.identifier("suspended_at")} is not null)`;
}

/** Whether the organisation is suspended (for one organisation at hand). */
export async function isOrganisationSuspended(db: Db, orgId: string): Promise<boolean> {
  const [org] = await db.select({ suspendedAt: organisations.suspendedAt }).from(organisations).where(eq(organisations.id, orgId));
  return org?.suspendedAt != null;
}

/** Refuses work for a suspended organisation with `organisation_suspended` (a sync asked for, or taken from the queue). */
export async function assertOrganisationActive(db: Db, orgId: string): Promise<void> {
  if (await isOrganisationSuspended(db, orgId)) throw suspendedError();
}

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
