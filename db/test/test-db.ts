// A database for one test file: a fresh in-memory PGlite, or the shared PostgreSQL at DATABASE_URL.
import * as schema from "../schema";
import { migrationsFolder } from "../migrate";
import type { Db, DbMode } from "../types";

export type TestDb = { db: Db; mode: DbMode; close: () => Promise<void> };

export async function createTestDb(): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(url, { max: 4, onnotice: () => {} });
    return { db: drizzle(client, { schema }) as unknown as Db, mode: "postgres", close: () => client.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const client = await PGlite.create();
  await migrate(drizzle(client), { migrationsFolder });
  return { db: drizzle(client, { schema }) as unknown as Db, mode: "pglite", close: () => client.close() };
}
