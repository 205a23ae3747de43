// For race tests on PostgreSQL: wait until the requests a test started are all queued on the row
// lock it holds, so that they really contend at once when it lets go.
import { sql } from "drizzle-orm";
import type { Db } from "../types";

/** Until `count` sessions wait for a lock in a statement that starts with one of `statements`. */
export async function waitForLockWaiters(db: Pick<Db, "execute">, count: number, statements: string[]): Promise<void> {
  const matching = sql.join(
    statements.map((start) => sql`query like ${`${start}%`}`),
    sql` or `,
  );
  for (let attempt = 0; attempt < 200; attempt++) {
    await db.execute(sql`select pg_stat_clear_snapshot()`); // inside a transaction the view stays as first read
    const result = await db.execute(sql`
      select count(*)::int as waiting from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock' and (${matching})`);
    const [{ waiting }] = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { waiting: number }[];
    if (waiting >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`fewer than ${count} sessions ever waited for a lock`);
}
