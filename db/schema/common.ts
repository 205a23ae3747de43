// Column helpers shared by every schema file, so that tenant tables look the same everywhere.
import { sql } from "drizzle-orm";
import { index, integer, jsonb, numeric, timestamp, uuid, type PgColumn } from "drizzle-orm/pg-core";

export const id = () => uuid("id").primaryKey().defaultRandom();
export const orgId = () => uuid("org_id").notNull();
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const ts = (name: string) => timestamp(name, { withTimezone: true });
/**
 * The retry columns of a row that waits to be sent (the outboxes, the webhook inbox, AI jobs): how
 * often it was tried and when it is due next — what the shared claim counts and leases
 * (lib/outbox/claim.ts). Spread into the table beside its own status enum.
 */
export const retryColumns = () => ({
  attempts: integer("attempts").notNull().default(0),
  nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
});
/**
 * Why a background run (a sync, an attribution recompute) failed or stopped, as data the page
 * translates: an error code of lib/error-codes.ts and its params, and — when a CRM refused — the
 * CRM's own words as `details`, shown beside the translation.
 */
export type RunFailure = { code: string; params?: Record<string, string | number>; details?: string };
export const runFailure = () => jsonb("failure").$type<RunFailure>();

/** Money is exact: numeric(18,2), read back as a string and never as a float. */
export const money = (name: string) => numeric(name, { precision: 18, scale: 2 });

/**
 * One index per foreign key column, for the database's own lookups: deleting a contact, a manager or
 * a stage sets or deletes what references it, and without an index each deleted row scanned the
 * whole referencing table (docs/sync.md, `DELETE /api/sources/<id>`). Partial on
 * nullable columns: rows without the reference add nothing to the index.
 */
export function referenceIndexes(table: string, columns: PgColumn[]) {
  return columns.map((column) => {
    const built = index(`${table}_${column.name}_ref_idx`).on(column);
    return column.notNull ? built : built.where(sql`${column} is not null`);
  });
}
