// The benchmark's PostgreSQL: created and migrated on demand, and the demo dataset seeded at the
// requested scale once, then reused while the demo organisation still holds that scale.
import { and, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { DEMO_ORG_NAME, seedDemo } from "../db/demo";
import { deleteOrganisationsNamed } from "../db/demo/remove";
import { migrationsFolder } from "../db/migrate";
import * as schema from "../db/schema";
import type { Db } from "../db/types";
import { organisationsWithoutFacts, rebuildReportFacts } from "../lib/reports/facts/refresh";

export const DEFAULT_BENCH_URL = "postgres://root@127.0.0.1:5432/voronka_bench";
export const BENCH_SEED = 20_240_901;

export type BenchDatabase = { url: string; db: Db; close: () => Promise<void> };

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

/** Runs `fn` on the server's `postgres` database (CREATE/DROP DATABASE cannot run inside the target). */
async function onServer<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(withDatabase(url, "postgres"), { max: 1, onnotice: () => {} });
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

export async function createDatabaseIfMissing(url: string): Promise<boolean> {
  const name = databaseName(url);
  return onServer(url, async (admin) => {
    const found = await admin`select 1 from pg_database where datname = ${name}`;
    if (found.length > 0) return false;
    await admin.unsafe(`create database "${name.replace(/"/g, '""')}"`);
    return true;
  });
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await onServer(url, (admin) => admin.unsafe(`drop database if exists "${name.replace(/"/g, '""')}" with (force)`));
}

/** Opens (creating and migrating when needed) the database at `url`. */
export async function openBenchDatabase(url: string): Promise<BenchDatabase> {
  await createDatabaseIfMissing(url);
  const client = postgres(url, { max: 4, onnotice: () => {} });
  await migrate(drizzle(client), { migrationsFolder });
  return { url, db: drizzle(client, { schema }), close: () => client.end({ timeout: 5 }) };
}

/** A brand-new database beside the bench one (named `<bench>_<suffix>`), dropped by `drop()`. */
export async function openFreshDatabase(url: string, suffix: string): Promise<BenchDatabase & { drop: () => Promise<void> }> {
  const freshUrl = withDatabase(url, `${databaseName(url)}_${suffix}`);
  await dropDatabase(freshUrl);
  const fresh = await openBenchDatabase(freshUrl);
  return {
    ...fresh,
    drop: async () => {
      await fresh.close();
      await dropDatabase(freshUrl);
    },
  };
}

/** A dataset seeded before the report facts existed gets them built once (as the app's bootstrap does). */
async function ensureReportFacts(db: Db, orgId: string, log: (message: string) => void): Promise<void> {
  if (!(await organisationsWithoutFacts(db)).includes(orgId)) return;
  log("building the report facts of the reused dataset (once)…");
  const started = Date.now();
  await rebuildReportFacts(db, orgId);
  // vacuum too: the medians' covering indexes are read without the table once the visibility map is set
  await db.execute(sql`vacuum (analyze) report_deal_facts, report_stage_facts, report_stage_gaps, report_lead_facts, report_activity_facts`);
  await db.execute(sql`analyze`);
  log(`report facts built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The demo organisation seeded with `deals` deals and the bench seed: reused when present, made otherwise. */
export async function ensureDataset(db: Db, deals: number, log: (message: string) => void): Promise<string> {
  const [existing] = await db
    .select({ orgId: schema.organisations.id })
    .from(schema.organisations)
    .innerJoin(schema.auditLog, and(eq(schema.auditLog.orgId, schema.organisations.id), eq(schema.auditLog.action, "demo.seeded")))
    .where(
      and(
        eq(schema.organisations.name, DEMO_ORG_NAME),
        sql`(${schema.auditLog.details}->>'deals')::int = ${deals}`,
        sql`(${schema.auditLog.details}->>'seed')::int = ${BENCH_SEED}`,
      ),
    )
    .limit(1);
  if (existing) {
    log(`reusing the demo dataset of ${deals.toLocaleString("en")} deals (organisation ${existing.orgId})`);
    await ensureReportFacts(db, existing.orgId, log);
    return existing.orgId;
  }
  await deleteOrganisationsNamed(db, DEMO_ORG_NAME, log);
  log(`seeding the demo dataset: ${deals.toLocaleString("en")} deals (once; later runs reuse it)…`);
  const started = Date.now();
  const { orgId } = await seedDemo(db, { deals, seed: BENCH_SEED, log: (m) => log(`  ${m}`) });
  log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await db.execute(sql`analyze`);
  return orgId;
}
