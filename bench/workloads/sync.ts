// A full sync of --deals deals (with their contacts, companies, activities and history) from the
// mock Bitrix24 portal and the mock amoCRM account, each with its real rate limits on, into a
// fresh organisation of the bench database. Reports rows/s against what the limits allow —
// Bitrix24: 2 requests/s × 2,500 rows per batch request; amoCRM: 7 requests/s × 250 rows — the
// peak RSS growth, and the requests the mock's limiter refused after the first second.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { startAmoMock } from "../../e2e/mocks/amocrm-mock";
import { startBitrix24Mock } from "../../e2e/mocks/bitrix24-mock";
import { refusedAfter, type MockStats } from "../../e2e/mocks/mock-http";
import { organisations, sources } from "../../db/schema";
import type { Db } from "../../db/types";
import { env } from "../../lib/env";
import { sealCredentials, type SourceCredentials } from "../../lib/sources/credentials";
import { runSync, type RunSummary } from "../../lib/sync/engine";
import { sampleRss, type BaseContext, type Workload } from "../harness";

const CEILING = { bitrix24: 2 * 2500, amocrm: 7 * 250 };

async function addSource(db: Db, orgId: string, kind: "bitrix24" | "amocrm", baseUrl: string, credentials: SourceCredentials) {
  const [row] = await db
    .insert(sources)
    .values({ orgId, kind, name: `bench ${kind}`, baseUrl, credentials: sealCredentials(credentials), webhookSecret: randomUUID(), settings: { currency: "KZT" } })
    .returning();
  return row.id;
}

function report(ctx: BaseContext, label: string, run: RunSummary, seconds: number, rssMb: number, stats: MockStats, ceiling: number) {
  const rows = Object.values(run.progress).reduce((sum, entity) => sum + (entity.fetched ?? 0), 0);
  const rate = rows / seconds;
  ctx.log(`${label}: ${run.status}${run.error ? ` (${run.error})` : ""}`);
  ctx.log(`  ${rows.toLocaleString("en")} rows in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} rows/s; ceiling ${ceiling} rows/s → ${((rate / ceiling) * 100).toFixed(0)} % (target ≥ 80 %)`);
  ctx.log(`  requests ${stats.requests}, refused by the limiter ${stats.refused} (after the first second: ${refusedAfter(stats, 1000)}, target 0), retries ${run.stats.retries}`);
  ctx.log(`  peak RSS growth +${rssMb.toFixed(1)} MB (target ≤ 200 MB)`);
  for (const [entity, progress] of Object.entries(run.progress)) ctx.log(`    ${entity.padEnd(14)} ${String(progress.fetched ?? progress.done).padStart(9)} rows`);
}

async function measure(ctx: BaseContext, label: string, orgId: string, sourceId: string, stats: MockStats, ceiling: number) {
  const rss = sampleRss();
  const started = performance.now();
  const run = await runSync(ctx.db, orgId, sourceId, { mode: "full" });
  const seconds = (performance.now() - started) / 1000;
  report(ctx, label, run, seconds, rss.stop(), stats, ceiling);
}

export const syncWorkload: Workload = {
  name: "sync",
  description: "full sync of --deals deals from the mock Bitrix24 and amoCRM with their real rate limits (rows/s vs the ceiling, RSS)",
  needsDataset: false,
  async run(ctx) {
    env.ENCRYPTION_KEY ??= Buffer.alloc(32, 5).toString("base64");
    const [org] = await ctx.db.insert(organisations).values({ name: `Sync bench ${new Date().toISOString()}` }).returning();
    try {
      const only = process.env.BENCH_SYNC_ONLY;
      if (only !== "amocrm") {
        const bitrix = await startBitrix24Mock({ deals: ctx.deals, seed: 1 });
        try {
          const id = await addSource(ctx.db, org.id, "bitrix24", bitrix.url, { kind: "bitrix24-webhook", webhookUrl: bitrix.webhookUrl });
          await measure(ctx, `Bitrix24, ${ctx.deals.toLocaleString("en")} deals`, org.id, id, bitrix.state.stats, CEILING.bitrix24);
        } finally {
          await bitrix.close();
        }
      }
      if (only !== "bitrix24") {
        const amo = await startAmoMock({ leads: ctx.deals, seed: 1 });
        try {
          const id = await addSource(ctx.db, org.id, "amocrm", amo.url, { kind: "amocrm-token", accessToken: amo.state.auth.longLivedToken });
          await measure(ctx, `amoCRM, ${ctx.deals.toLocaleString("en")} leads`, org.id, id, amo.state.stats, CEILING.amocrm);
        } finally {
          await amo.close();
        }
      }
    } finally {
      // The bench organisation and everything synced into it go; the shared dataset stays.
      await ctx.db.delete(organisations).where(eq(organisations.id, org.id));
    }
  },
};
