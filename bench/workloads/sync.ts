// A full sync of --deals deals (with their contacts, companies, activities and history) from the
// mock Bitrix24 portal and the mock amoCRM account, each with its real rate limits on and in a
// process of its own, into a database of its own. Reports rows/s against what the limits allow — Bitrix24: 2 requests/s ×
// 2,500 rows per batch request; amoCRM: 7 requests/s × 250 rows — and against what they allow for
// the requests this data needed (amoCRM's events come 100 to a page), the peak RSS growth, the
// requests the mock's limiter refused after the first second, and where each step's time went.
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { refusedAfter, type MockStats } from "../../e2e/mocks/mock-http";
import { organisations, sources } from "../../db/schema";
import type { Db } from "../../db/types";
import { env } from "../../lib/env";
import { sealCredentials, type SourceCredentials } from "../../lib/sources/credentials";
import { runSync, type RunSummary } from "../../lib/sync/engine";
import { DEFERRED_FACTS_ENTITY } from "../../lib/sync/deferred-facts";
import { openFreshDatabase } from "../database";
import { sampleRss, type BaseContext, type Workload } from "../harness";
import { startMockProcess, type MockProcess } from "./sync-mock-process";

type Limits = { ceiling: number; describe: string; minSeconds: (requests: number) => number };
const LIMITS: Record<"bitrix24" | "amocrm", Limits> = {
  // a bucket of 50 that drains 2 per second
  bitrix24: { ceiling: 2 * 2500, describe: "burst 50, then 2 requests/s", minSeconds: (requests) => Math.max(0, requests - 50) / 2 },
  amocrm: { ceiling: 7 * 250, describe: "7 requests/s", minSeconds: (requests) => requests / 7 },
};

async function addSource(db: Db, orgId: string, kind: "bitrix24" | "amocrm", baseUrl: string, credentials: SourceCredentials) {
  const [row] = await db
    .insert(sources)
    .values({ orgId, kind, name: `bench ${kind}`, baseUrl, credentials: sealCredentials(credentials), webhookSecret: randomUUID(), settings: { currency: "KZT" } })
    .returning();
  return row.id;
}

function report(ctx: BaseContext, label: string, run: RunSummary, seconds: number, rssMb: number, stats: MockStats, limits: Limits) {
  const rows = Object.values(run.progress).reduce((sum, entity) => sum + (entity.fetched ?? 0), 0);
  const rate = rows / seconds;
  const dataCeiling = rows / limits.minSeconds(stats.requests);
  ctx.log(`${label}: ${run.status}${run.error ? ` (${run.error})` : ""}`);
  ctx.log(`  ${rows.toLocaleString("en")} rows in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} rows/s; ceiling ${limits.ceiling} rows/s → ${((rate / limits.ceiling) * 100).toFixed(0)} % (target ≥ 80 %)`);
  ctx.log(`  ${stats.requests} requests at ${limits.describe} allow at most ${dataCeiling.toFixed(0)} rows/s for this data → ${((rate / dataCeiling) * 100).toFixed(0)} % of that`);
  ctx.log(`  refused by the limiter ${stats.refused} (after the first second: ${refusedAfter(stats, 1000)}, target 0), retries ${run.stats.retries}`);
  ctx.log(`  peak RSS growth +${rssMb.toFixed(1)} MB (target ≤ 200 MB); load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  // Where the time went: waiting for the CRM (the limiter), writing pages, committing them.
  const s = (ms: number) => `${(ms / 1000).toFixed(1).padStart(6)} s`;
  ctx.log(`    ${"entity".padEnd(14)} ${"rows".padStart(9)} ${"pages".padStart(6)} ${"wait".padStart(8)} ${"write".padStart(8)} ${"commit".padStart(8)}`);
  for (const [entity, progress] of Object.entries(run.progress)) {
    if (entity === DEFERRED_FACTS_ENTITY) continue; // read nothing from the CRM; its line follows
    const t = run.timings[entity];
    ctx.log(`    ${entity.padEnd(14)} ${String(progress.fetched ?? progress.done).padStart(9)} ${t ? `${String(t.pages).padStart(6)} ${s(t.waitMs)} ${s(t.writeMs)} ${s(t.commitMs)}` : ""}`);
  }
  const facts = run.timings[DEFERRED_FACTS_ENTITY];
  if (facts) ctx.log(`    report facts of the source's ${run.progress[DEFERRED_FACTS_ENTITY]?.total ?? "?"} deals, leads and activities refreshed once at the end: ${s(facts.writeMs)}`);
}

async function measure(ctx: BaseContext, db: Db, label: string, orgId: string, sourceId: string, mock: MockProcess, limits: Limits) {
  const rss = sampleRss();
  const started = performance.now();
  const run = await runSync(db, orgId, sourceId, { mode: "full" });
  const seconds = (performance.now() - started) / 1000;
  report(ctx, label, run, seconds, rss.stop(), await mock.stats(), limits);
}

export const syncWorkload: Workload = {
  name: "sync",
  description: "full sync of --deals deals from the mock Bitrix24 and amoCRM with their real rate limits (rows/s vs the ceiling, RSS)",
  needsDataset: false,
  async run(ctx) {
    env.ENCRYPTION_KEY ??= Buffer.alloc(32, 5).toString("base64");
    // The mock CRMs listen on loopback over plain http, which the outbound guard refuses otherwise.
    env.ALLOW_PRIVATE_CRM_URLS = true;
    // A database of its own, dropped at the end: the sync is a first sync into an empty database,
    // the same at every run, and nothing has to delete 1.4 million synced rows afterwards (through
    // the organisation's cascades, several of them on foreign keys without an index, that took
    // longer than the sync).
    const fresh = await openFreshDatabase(ctx.url, "sync");
    try {
      const db = fresh.db;
      const [org] = await db.insert(organisations).values({ name: `Sync bench ${new Date().toISOString()}` }).returning();
      const only = process.env.BENCH_SYNC_ONLY;
      // Each mock in a process of its own (sync-mock-process.ts): the RSS measured is the sync's.
      if (only !== "amocrm") {
        const bitrix = await startMockProcess("bitrix24", ctx.deals);
        try {
          const id = await addSource(db, org.id, "bitrix24", bitrix.url, { kind: "bitrix24-webhook", webhookUrl: bitrix.webhookUrl! });
          await measure(ctx, db, `Bitrix24, ${ctx.deals.toLocaleString("en")} deals`, org.id, id, bitrix, LIMITS.bitrix24);
        } finally {
          await bitrix.close();
        }
      }
      if (only !== "bitrix24") {
        const amo = await startMockProcess("amocrm", ctx.deals);
        try {
          const id = await addSource(db, org.id, "amocrm", amo.url, { kind: "amocrm-token", accessToken: amo.accessToken! });
          await measure(ctx, db, `amoCRM, ${ctx.deals.toLocaleString("en")} leads`, org.id, id, amo, LIMITS.amocrm);
        } finally {
          await amo.close();
        }
      }
    } finally {
      await fresh.drop();
    }
  },
};
