// Exports as a user downloads them, through the same functions as the routes: the deals table to
// CSV (up to 1,000,000 rows) and to XLSX (about 100,000 rows), and the sales dashboard as a PDF.
// Each file is read to the end as a client would; the peak RSS growth is measured per export, and
// each deals export is measured right after PostgreSQL's raw COPY of the same rows (its ratio printed,
// with the load average), and the CSV's COPY is held to the raw COPY in the backend's CPU time too.
//
// The deals come from BENCH_EXPORT_SOURCE_URL, else voronka_bench_1m when it holds a million deals
// (a database another job seeds: opened READ ONLY, never migrated or written), else the bench
// database itself with its --deals dataset.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { DEMO_ORG_NAME } from "../../db/demo/catalog";
import * as schema from "../../db/schema";
import type { Db } from "../../db/types";
import { loadViewer, type Viewer } from "../../lib/auth/viewer";
import { scopeOf } from "../../lib/auth/scope";
import { dealListFiltersSchema, streamDeals, type DealListRow } from "../../lib/deals/deal-list";
import { csvStyleFor } from "../../lib/export/csv";
import { dealColumns } from "../../lib/export/deals/deal-columns";
import { dealsCopySql } from "../../lib/export/deals/deals-copy-sql";
import { dealsCsvStream } from "../../lib/export/deals/deals-csv-stream";
import { exportDeals } from "../../lib/export/deals/deals-export";
import { exportMessages } from "../../lib/i18n/export-messages";
import { copyOutChunks } from "../../lib/export/deals/deals-copy-stream";
import { inlineParams } from "../../lib/export/deals/inline-params";
import { rateDay } from "../../lib/deals/deal-list-sql";
import { baseAmountSql } from "../../lib/reports/base-amount";
import { buildDashboardDocument } from "../../lib/export/export-document";
import { renderDocument } from "../../lib/export/render";
import { ensureDataset } from "../database";
import { sampleRss, type BaseContext, type Workload } from "../harness";

const MILLION_URL = "postgres://root@127.0.0.1:5432/voronka_bench_1m";
const CSV_ROWS = 1_000_000;
const XLSX_ROWS = 100_000;

type Source = { db: Db; client: postgres.Sql; url: string; orgId: string; label: string; close: () => Promise<void> };

async function openReadOnly(url: string): Promise<{ db: Db; client: postgres.Sql; close: () => Promise<void> }> {
  const client = postgres(url, { max: 4, onnotice: () => {}, connection: { default_transaction_read_only: true } });
  return { db: drizzle(client, { schema }), client, close: () => client.end({ timeout: 5 }) };
}

async function demoOrg(db: Db): Promise<{ orgId: string; deals: number } | null> {
  const [org] = await db.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.name, DEMO_ORG_NAME)).limit(1);
  if (!org) return null;
  const [{ deals }] = await db.select({ deals: sql<number>`count(*)::int` }).from(schema.deals).where(eq(schema.deals.orgId, org.id));
  return { orgId: org.id, deals };
}

async function openSource(ctx: BaseContext): Promise<Source> {
  const candidates = process.env.BENCH_EXPORT_SOURCE_URL ? [process.env.BENCH_EXPORT_SOURCE_URL] : [MILLION_URL];
  for (const url of candidates) {
    try {
      const source = await openReadOnly(url);
      const org = await demoOrg(source.db);
      if (org && (process.env.BENCH_EXPORT_SOURCE_URL || org.deals >= CSV_ROWS)) {
        return { ...source, url, orgId: org.orgId, label: `${new URL(url).pathname.slice(1)} (read only), ${org.deals.toLocaleString("en")} deals` };
      }
      await source.close();
    } catch (error) {
      ctx.log(`  ${new URL(url).pathname.slice(1)} is not usable (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const orgId = await ensureDataset(ctx.db, ctx.deals, ctx.log);
  const client = (ctx.db as unknown as { $client: postgres.Sql }).$client;
  return { db: ctx.db, client, url: ctx.url, orgId, label: `the bench database, ${ctx.deals.toLocaleString("en")} deals`, close: async () => {} };
}

/** Reads a download to its end as a browser would, returning its size. */
async function drain(response: Response): Promise<number> {
  if (!response.ok) throw new Error(`export answered ${response.status}: ${await response.text()}`);
  let bytes = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

/** The local day from which the newest ~`rows` deals were created: a filter an admin could set. */
async function fromDateForRows(db: Db, orgId: string, timezone: string, rows: number): Promise<string> {
  const [row] = await db
    .select({ day: sql<string>`to_char(${schema.deals.createdAt} at time zone ${timezone}, 'YYYY-MM-DD')` })
    .from(schema.deals)
    .where(and(eq(schema.deals.orgId, orgId), sql`${schema.deals.deletedAt} is null`))
    .orderBy(desc(schema.deals.createdAt))
    .offset(rows - 1)
    .limit(1);
  return row?.day ?? "2000-01-01";
}

/**
 * PostgreSQL's own speed for an export's rows: `COPY (…) TO STDOUT WITH CSV` of the deals table's
 * columns and joins as they are stored (no formatting), in the export's order, read through the
 * same client to its end. What an export could at best do with the same rows.
 */
function rawCopySql(db: Db, orgId: string, baseCurrency: string, timezone: string, rows: number, options: { fromDay?: string; byAmount?: boolean } = {}): string {
  const d = schema.deals;
  const baseAmount = baseAmountSql(d, rateDay, baseCurrency, timezone);
  const conditions: SQL[] = [eq(d.orgId, orgId), sql`${d.deletedAt} is null`];
  if (options.fromDay) conditions.push(sql`${d.createdAt} >= (${options.fromDay}::date::timestamp at time zone ${timezone})`);
  const order = options.byAmount ? [sql`coalesce(${baseAmount}, -1e20::numeric) desc`, desc(d.id)] : [desc(d.createdAt), desc(d.id)];
  const query = db
    .select({
      externalId: d.externalId,
      title: d.title,
      manager: schema.crmUsers.name,
      pipeline: schema.pipelines.name,
      stage: schema.stages.name,
      semantic: schema.stages.semantic,
      amount: d.amount,
      currency: d.currency,
      baseAmount: sql`(${baseAmount})::numeric(18,2)`,
      createdAt: d.createdAt,
      closedAt: d.closedAt,
      source: schema.sources.name,
      utmSource: d.utmSource,
      utmMedium: d.utmMedium,
      utmCampaign: d.utmCampaign,
    })
    .from(d)
    .innerJoin(schema.stages, eq(schema.stages.id, d.stageId))
    .innerJoin(schema.pipelines, eq(schema.pipelines.id, d.pipelineId))
    .innerJoin(schema.sources, eq(schema.sources.id, d.sourceId))
    .leftJoin(schema.crmUsers, eq(schema.crmUsers.id, d.crmUserId))
    .where(and(...conditions))
    .orderBy(...order)
    .limit(rows);
  return `copy (${inlineParams(query.toSQL())}) to stdout with csv`;
}

const rate = (rows: number, ms: number) => Math.round((rows * 1000) / ms).toLocaleString("en");

/** Reads a COPY to its end, returning its size. */
async function drainCopy(client: postgres.Sql, copySql: string): Promise<number> {
  const { next } = copyOutChunks(client, copySql);
  let bytes = 0;
  for (let chunk = await next(); !chunk.done; chunk = await next()) bytes += chunk.value.byteLength;
  return bytes;
}

/**
 * The CPU time the PostgreSQL backend spends on a COPY read to its end (from /proc/<pid>/stat, so
 * a database on this machine only): unlike wall time it does not grow with the other jobs' load.
 * Null when the server's processes cannot be read.
 */
async function backendCpuMs(url: string, copySql: string): Promise<number | null> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ pid }] = await client<{ pid: number }[]>`select pg_backend_pid() as pid`;
    const cpu = () => {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
    };
    let best = Infinity;
    for (let run = 0; run < 2; run++) {
      const before = cpu();
      await drainCopy(client, copySql); // the one connection: the pid's
      best = Math.min(best, cpu() - before);
    }
    return best;
  } catch {
    return null;
  } finally {
    await client.end({ timeout: 5 });
  }
}

type Measured = { p50: number; rows: number; rssMb: number; cpuMs: number };

/** The 1-minute load average: the machine may be shared, and a figure means little without it. */
const load = () => `load ${loadavg()[0].toFixed(1)}`;

async function measureExport(ctx: BaseContext, label: string, run: () => Promise<Response>, rows: number, iterations: number): Promise<Measured> {
  let size = 0;
  const rss = sampleRss();
  // Node's CPU time per export (main thread and zlib's threads): what the load average does not inflate.
  const cpu = process.cpuUsage();
  const summary = await ctx.measure(label, async () => (size = await drain(await run())), { iterations, warmup: 0, rows });
  const cpuMs = (({ user, system }) => (user + system) / 1000 / iterations)(process.cpuUsage(cpu));
  const rssMb = rss.stop();
  ctx.log(`  ${label}: ${(size / 1024 / 1024).toFixed(1)} MB file, ${rows.toLocaleString("en")} rows, peak RSS growth +${rssMb.toFixed(1)} MB, p50 ${summary.p50.toFixed(0)} ms, Node CPU ${cpuMs.toFixed(0)} ms each, ${load()}`);
  return { p50: summary.p50, rows, rssMb, cpuMs };
}

export const exportWorkload: Workload = {
  name: "export",
  description: `deals table → CSV (≤ ${CSV_ROWS.toLocaleString("en")} rows) and XLSX (~${XLSX_ROWS.toLocaleString("en")} rows), sales dashboard → PDF`,
  needsDataset: false,
  run: async (ctx) => {
    const source = await openSource(ctx);
    try {
      ctx.log(`reading from ${source.label}`);
      const [admin] = await source.db
        .select({ id: schema.users.id })
        .from(schema.users)
        .where(and(eq(schema.users.orgId, source.orgId), eq(schema.users.role, "admin")))
        .limit(1);
      const viewer: Viewer | null = admin ? await loadViewer(source.db, admin.id) : null;
      if (!viewer) throw new Error("the demo organisation has no active admin");
      const deals = (query: string) => () =>
        exportDeals({ db: source.db, viewer, params: new URLSearchParams(query), locale: "ru", options: { format: new URLSearchParams(query).get("format") as "csv" } });

      // Each deals export beside PostgreSQL's raw COPY of the same rows, measured right before it.
      const { baseCurrency, timezone } = viewer.org;
      const ratios: string[] = [];
      const againstCopy = async (label: string, run: () => Promise<Response>, copySql: string, rows: number) => {
        const copy = await ctx.measure(`raw COPY for: ${label}`, () => drainCopy(source.client, copySql), { iterations: 2, warmup: 1, rows });
        const exported = await measureExport(ctx, label, run, rows, 2);
        const line = `${label}: export p50 ${exported.p50.toFixed(0)} ms (${rate(rows, exported.p50)} rows/s, Node CPU ${exported.cpuMs.toFixed(0)} ms, peak RSS growth +${exported.rssMb.toFixed(0)} MB), raw COPY p50 ${copy.p50.toFixed(0)} ms (${rate(rows, copy.p50)} rows/s), export at ${((100 * copy.p50) / exported.p50).toFixed(0)} % of COPY's speed, ${load()}`;
        ctx.log(`  ${line}`);
        ratios.push(line);
      };

      // The database's own work for the CSV: its COPY against the raw COPY, in backend CPU time.
      const cpuAgainstCopy = async (label: string, csvCopySql: string, rawSql: string) => {
        const [raw, csv] = [await backendCpuMs(source.url, rawSql), await backendCpuMs(source.url, csvCopySql)];
        if (raw === null || csv === null) return ctx.log(`  ${label}: backend CPU not readable here (the database runs elsewhere)`);
        const line = `${label}: backend CPU of the export's COPY ${csv.toFixed(0)} ms, of the raw COPY ${raw.toFixed(0)} ms (${((100 * raw) / csv).toFixed(0)} %)`;
        ctx.log(`  ${line}`);
        ratios.push(line);
      };

      const all = (await source.db.select({ n: sql<number>`count(*)::int` }).from(schema.deals).where(and(eq(schema.deals.orgId, source.orgId), sql`${schema.deals.deletedAt} is null`)))[0].n;
      const csvRows = Math.min(all, CSV_ROWS);
      await againstCopy(`deals → CSV, ${csvRows.toLocaleString("en")} rows`, deals("format=csv"), rawCopySql(source.db, source.orgId, baseCurrency, timezone, csvRows), csvRows);
      const csvCopy = await dealsCopySql({
        db: source.db,
        scope: scopeOf(viewer),
        filters: dealListFiltersSchema.parse({}),
        columns: dealColumns(exportMessages.ru),
        t: exportMessages.ru,
        style: csvStyleFor("ru"),
        timeZone: timezone,
        rowLimit: CSV_ROWS,
        now: new Date(),
      });
      await cpuAgainstCopy(`deals → CSV, ${csvRows.toLocaleString("en")} rows`, csvCopy, rawCopySql(source.db, source.orgId, baseCurrency, timezone, csvRows));

      const from = await fromDateForRows(source.db, source.orgId, viewer.org.timezone, XLSX_ROWS);
      const [{ n: xlsxRows }] = await source.db
        .select({ n: sql<number>`count(*)::int` })
        .from(schema.deals)
        .where(and(eq(schema.deals.orgId, source.orgId), sql`${schema.deals.deletedAt} is null`, sql`${schema.deals.createdAt} >= (${from}::date::timestamp at time zone ${viewer.org.timezone})`));
      const newest = rawCopySql(source.db, source.orgId, baseCurrency, timezone, xlsxRows, { fromDay: from });
      await againstCopy(`deals → XLSX, ${xlsxRows.toLocaleString("en")} rows (from ${from})`, deals(`format=xlsx&from=${from}`), newest, xlsxRows);
      // Sorted by anything but creation there is no index: PostgreSQL sorts the matching rows once.
      const byAmount = rawCopySql(source.db, source.orgId, baseCurrency, timezone, xlsxRows, { fromDay: from, byAmount: true });
      await againstCopy(`deals → CSV, ${xlsxRows.toLocaleString("en")} rows sorted by amount`, deals(`format=csv&from=${from}&sort=amount`), byAmount, xlsxRows);

      // The row-by-row writer alone (PGlite's path), on rows already in memory: its own cost without the database's.
      const sample: DealListRow[] = [];
      for await (const batch of streamDeals(source.db, scopeOf(viewer), dealListFiltersSchema.parse({}), 5000)) {
        sample.push(...batch);
        if (sample.length >= 10_000) break;
      }
      const inMemory = async function* () {
        for (let i = 0; i < 20; i++) yield sample.slice(0, 5000);
      };
      const writerOnly = async () =>
        new Response(dealsCsvStream(inMemory(), dealColumns(exportMessages.ru), csvStyleFor("ru"), viewer.org.timezone, CSV_ROWS), { headers: { "content-type": "text/csv" } });
      await measureExport(ctx, "CSV row writer alone, 100,000 in-memory rows", writerOnly, 100_000, 3);

      const pdf = async () =>
        renderDocument(await buildDashboardDocument({ db: source.db, viewer, params: new URLSearchParams("preset=last-12-months"), locale: "ru" }, "sales"), { format: "pdf" });
      await measureExport(ctx, "sales dashboard → PDF, 12 months", pdf, 1, 5);
      const managers = async () =>
        renderDocument(await buildDashboardDocument({ db: source.db, viewer, params: new URLSearchParams("preset=last-12-months"), locale: "ru" }, "managers"), { format: "pdf" });
      await measureExport(ctx, "managers dashboard → PDF, 12 months", managers, 1, 5);
      ctx.log("the deals exports against PostgreSQL's raw COPY of the same rows (CSV target ≥ 80 %, XLSX ≥ 40k rows/s):");
      for (const line of ratios) ctx.log(`  ${line}`);
    } finally {
      await source.close();
    }
  },
};
