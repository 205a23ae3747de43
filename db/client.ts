// The one database of this process: PGlite when DATABASE_URL is unset, PostgreSQL when it is set.
// Opened lazily (never at import time, so `next build` workers never touch the data folder) and
// kept on globalThis, because dev reloads and Next's separate module graphs re-evaluate modules.
import { env } from "@/lib/env";
import * as schema from "./schema";
import { migrationsFolder } from "./migrate";
import { bootstrapDatabase } from "./bootstrap";
import type { Db, DbMode } from "./types";
import { postgresOptions, sessionUrl } from "./postgres-options";
import { processSlot } from "@/lib/process-slot";

export type DbHandle = { db: Db; mode: DbMode; close: () => Promise<void> };

const MIGRATION_LOCK = 7_204_311; // any constant shared by every instance of the app

/** The process's database; db/test/route-db.ts points it at a test database. */
export const dbSlot = processSlot<Promise<DbHandle>>("Db");

export function getDbHandle(): Promise<DbHandle> {
  if (env.NEXT_PHASE === "phase-production-build") {
    throw new Error("The database is not opened during `next build`; keep database pages dynamic.");
  }
  return dbSlot.ensure(() =>
    openDatabase().catch((error) => {
      dbSlot.set(undefined); // let the next request try again, e.g. after the other process stops
      throw error;
    }),
  );
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

export async function closeDb(): Promise<void> {
  const pending = dbSlot.get();
  dbSlot.set(undefined);
  if (pending) await (await pending).close();
}

async function openDatabase(): Promise<DbHandle> {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(env.PGLITE_DATA_DIR);
}

/** First start: demo data, or the first admin from ADMIN_EMAIL, when the database has no users. */
function bootstrap(db: Db) {
  return bootstrapDatabase(db, {
    seedDemo: env.SEED_DEMO,
    admin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined,
    org: { name: env.ORG_NAME, timezone: env.ORG_TIMEZONE, currency: env.ORG_CURRENCY, country: env.ORG_COUNTRY },
  });
}

async function openPglite(dataDir: string): Promise<DbHandle> {
  const { lockDataDir } = await import("./pglite-lock");
  const release = lockDataDir(dataDir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const client = await PGlite.create(dataDir);
    const db: Db = drizzle(client, { schema });
    await migrate(drizzle(client), { migrationsFolder });
    await bootstrap(db);
    return {
      db,
      mode: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPostgres(url: string): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(url, postgresOptions(url, env.DATABASE_POOL_SIZE));
  const db: Db = drizzle(client, { schema });
  // Session-bound (a lock held across statements): through the direct URL when DATABASE_URL is a
  // transaction pooler (db/postgres-options.ts).
  const directUrl = sessionUrl(url, env.DATABASE_DIRECT_URL);
  const session = directUrl === url ? client : postgres(directUrl, postgresOptions(directUrl, 1));
  // Several instances may start together: one migrates and seeds while the others wait on the lock.
  const lockConnection = await session.reserve();
  try {
    await lockConnection`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(session), { migrationsFolder });
    await bootstrap(drizzle(session, { schema }));
  } finally {
    await lockConnection`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    lockConnection.release();
    if (session !== client) await session.end({ timeout: 5 });
  }
  return { db, mode: "postgres", close: () => client.end({ timeout: 5 }) };
}
