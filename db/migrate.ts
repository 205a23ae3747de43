import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "./types";

export const migrationsFolder = path.join(process.cwd(), "drizzle");

/** How many migrations drizzle has recorded as applied (for /api/health). */
export async function countAppliedMigrations(db: Db): Promise<number> {
  const rows = await selectRows<{ count: number }>(db, sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
  return rows[0]?.count ?? 0;
}

/** Runs raw SQL and returns its rows the same way on PGlite (`{ rows }`) and postgres-js (an array). */
export async function selectRows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}
