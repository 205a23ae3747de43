// A database for one test file: a fresh in-memory PGlite (loaded from the migrated snapshot that
// global-setup.ts made), or the shared PostgreSQL at DATABASE_URL.
import fs from "node:fs";
import { inject } from "vitest";
import * as schema from "../schema";
import type { Db, DbMode } from "../types";

export type TestDb = { db: Db; mode: DbMode; close: () => Promise<void> };

export async function createTestDb(): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(url, { max: 4, onnotice: () => {} });
    return { db: drizzle(client, { schema }), mode: "postgres", close: () => client.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const snapshot = new Blob([fs.readFileSync(inject("pgliteSnapshot"))]);
  const client = await PGlite.create({ loadDataDir: snapshot });
  return { db: drizzle(client, { schema }), mode: "pglite", close: () => client.close() };
}
