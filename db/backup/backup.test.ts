// The restore drill (issue 22): back up a demo organisation, restore it into an empty database, and
// the dashboards show the same numbers. On the embedded database by default (PGlite's dump of its
// folder); with DATABASE_URL set, on PostgreSQL (pg_dump and pg_restore, into a database of its own).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import * as schema from "../schema";
import type { Db } from "../types";
import { migrationsFolder, selectRows } from "../migrate";
import { seedDemo } from "../demo";
import { loadViewer } from "@/lib/auth/viewer";
import { runReport } from "@/lib/reports/run-report";
import { backupPglite, restorePglite } from "./pglite-backup";
import { backupPostgres, restorePostgres } from "./postgres-backup";

const NOW = new Date("2026-12-07T06:00:00Z");
const DEALS = 1_500;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "voronka-backup-"));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

/** What the admin's dashboards show, and how many rows each table holds. */
async function dashboards(db: Db): Promise<unknown> {
  const [admin] = await selectRows<{ id: string }>(db, sql`select id from users where role = 'admin' order by created_at limit 1`);
  const viewer = (await loadViewer(db, admin.id))!;
  const params = new URLSearchParams({ preset: "all-time" });
  const reports = await Promise.all(["overview", "sales-by-month", "sales-funnel", "manager-activity", "leads-by-source", "traffic-teams"].map((name) => runReport(db, viewer, name, params, NOW)));
  const counts = await selectRows<{ deals: number }>(
    db,
    sql`select (select count(*)::int from deals) as deals, (select count(*)::int from leads) as leads, (select count(*)::int from activities) as activities, (select count(*)::int from orders) as orders`,
  );
  return { reports, counts };
}

// One drill per run: the embedded database's, or with DATABASE_URL set PostgreSQL's.
const onPostgres = !!process.env.DATABASE_URL;

async function pgliteDrill() {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const source = path.join(work, "source");
  const client = await PGlite.create(source);
  const db = drizzle(client, { schema }) as unknown as Db;
  await migrate(drizzle(client), { migrationsFolder });
  await seedDemo(db, { now: NOW, deals: DEALS, emailDomain: "backup.test" });
  const before = await dashboards(db);
  await client.close();

  // While another live process holds the folder (as `npm start` does), no backup.
  fs.writeFileSync(`${source}.lock`, String(process.ppid));
  await expect(backupPglite(source, path.join(work, "x.tar.gz"))).rejects.toThrow(`is in use by process ${process.ppid}`);
  fs.rmSync(`${source}.lock`);

  const file = path.join(work, "voronka.tar.gz");
  const { bytes } = await backupPglite(source, file);
  expect(bytes).toBeGreaterThan(100_000);
  const restored = path.join(work, "restored");
  await restorePglite(file, restored);
  await expect(restorePglite(file, restored)).rejects.toThrow("is not empty: restore into a new folder");

  const copy = await PGlite.create(restored);
  try {
    const after = await dashboards(drizzle(copy, { schema }) as unknown as Db);
    expect((after as { counts: { deals: number }[] }).counts[0].deals).toBe(DEALS);
    expect(after).toEqual(before);
  } finally {
    await copy.close();
  }
}

async function postgresDrill() {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const server = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  const urlOf = (name: string) => Object.assign(new URL(process.env.DATABASE_URL!), { pathname: `/${name}` }).toString();
  const suffix = randomUUID().slice(0, 8);
  const [sourceName, targetName] = [`voronka_backup_from_${suffix}`, `voronka_backup_to_${suffix}`];
  cleanups.push(() => server.end({ timeout: 5 })); // last, after the drops (cleanups run in reverse)
  for (const name of [sourceName, targetName]) {
    await server.unsafe(`create database ${name}`);
    cleanups.push(async () => void (await server.unsafe(`drop database if exists ${name} with (force)`)));
  }

  const sourceClient = postgres(urlOf(sourceName), { max: 2, onnotice: () => {} });
  const db = drizzle(sourceClient, { schema }) as unknown as Db;
  await migrate(drizzle(sourceClient), { migrationsFolder });
  await seedDemo(db, { now: NOW, deals: DEALS, emailDomain: "backup.test" });
  const before = await dashboards(db);

  const file = path.join(work, "voronka.dump");
  await backupPostgres(urlOf(sourceName), file);
  await sourceClient.end({ timeout: 5 });
  await restorePostgres(file, urlOf(targetName));
  await expect(restorePostgres(file, urlOf(targetName))).rejects.toThrow("restore into a new, empty database");

  const targetClient = postgres(urlOf(targetName), { max: 2, onnotice: () => {} });
  try {
    const after = await dashboards(drizzle(targetClient, { schema }) as unknown as Db);
    expect((after as { counts: { deals: number }[] }).counts[0].deals).toBe(DEALS);
    expect(after).toEqual(before);
  } finally {
    await targetClient.end({ timeout: 5 });
  }
}

describe("backup and restore", () => {
  it(
    onPostgres
      ? "on PostgreSQL, restores a demo into an empty database with the same dashboards, and refuses one that has tables"
      : "restores a demo into a new folder with the same dashboards, and refuses a folder in use or not empty",
    onPostgres ? postgresDrill : pgliteDrill,
    300_000,
  );
});
