// The claim shared by the outboxes (sale notifications, scheduled reports, AI analysis jobs): a short
// statement takes a batch of due rows (FOR UPDATE SKIP LOCKED, so instances never take the same row),
// counts the attempt and leases the rows by pushing next_attempt_at ahead. Sending happens after,
// outside any transaction; a process killed mid-send leaves its rows to come due again when the lease
// ends. The webhook inbox does not use it on purpose: its events are applied in arrival order per
// source inside the transaction that marks them done (lib/ingest/process/drain.ts), not leased.
// A suspended organisation's rows are not claimed: they wait, untouched, until it is resumed
// (lib/hosted/suspension.ts), and then their own rules (an anomaly two days old…) decide as before.
// A table qualifies with the columns id, org_id, status ('pending' | 'failed' | …) and retryColumns() (db/schema/common.ts).
import { sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/types";
import { selectRows } from "@/db/migrate";
import { orgIsActive } from "@/lib/hosted/suspension";

export type ClaimOptions = {
  now: Date;
  leaseMs: number;
  batchSize: number;
  orgId?: string;
  /** What to hand back of each claimed row, e.g. sql`o.id, o.attempts` (the table is aliased `o`). */
  returning: SQL;
};

export function claimDueRows<T>(db: Db, table: PgTable, options: ClaimOptions): Promise<T[]> {
  const leaseEnd = new Date(options.now.getTime() + options.leaseMs);
  const orgFilter = options.orgId ? sql`and org_id = ${options.orgId}::uuid` : sql``;
  return selectRows<T>(
    db,
    sql`
      update ${table} o
      set attempts = o.attempts + 1, next_attempt_at = ${leaseEnd.toISOString()}::timestamptz
      where o.id in (
        select id from ${table}
        where status in ('pending', 'failed') and next_attempt_at <= ${options.now.toISOString()}::timestamptz ${orgFilter}
          and ${orgIsActive(sql`org_id`)}
        order by next_attempt_at
        limit ${options.batchSize}
        for update skip locked
      )
      returning ${options.returning}`,
  );
}
