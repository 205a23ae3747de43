// Webhook ingestion under load: starts the production server (`npm start`; run `npm run build`
// first, inside the build lock) against the bench PostgreSQL, then posts realistic shop orders and
// amoCRM lead hooks from loopback at rising open-loop rates. Per rate: acknowledged webhooks per
// second and acknowledge latency, then how long the inbox takes to drain to zero after that rate.
// Targets (issue 4): ≥ 1,000 acks/s sustained, p99 ≤ 50 ms, inbox empty within 10 s. The machine is
// shared, so each line also gives the load average and the server's CPU time per request (Linux),
// which a busy neighbour changes far less than latency.
import http from "node:http";
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { and, eq, inArray, sql } from "drizzle-orm";
import { organisations, sources, webhookEvents } from "../../db/schema";
import { deleteOrganisation } from "../../db/demo/remove";
import { amoBody, amoLead, shopBody, shopSignature } from "../../lib/ingest/test/bodies";
import { freePort, startProductionServer } from "../../lib/ingest/test/server";
import { inboundWebhookUrl } from "../../lib/sources/inbound-url";
import { summarize } from "../stats";
import { cpuMs, postgresCpuMs, serverAckBuckets, serverP99Bound } from "./ingest-measures";
import type { BaseContext, Workload } from "../harness";

const ORG_NAME = "Voronka ingest bench";
/** BENCH_INGEST_RATES=1000,2000 runs other rates (webhooks per second, in that order). */
const RATES = (process.env.BENCH_INGEST_RATES ?? "250,500,1000,1500").split(",").map(Number);
const SECONDS_PER_RATE = 10;
/** Unmeasured: the first requests compile routes and warm the JIT. */
const WARMUP = { rate: 100, seconds: 3 };
const TARGET = { acksPerSecond: 1000, p99Ms: 50, drainSeconds: 10 };
/** The operator's token for /api/metrics: the server's own view of acknowledgement latency. */
const METRICS_TOKEN = "bench-metrics-token-only-for-benchmarks";
/** A rate whose backlog is still there after this long ends the run: higher rates would only pile on. */
const DRAIN_LIMIT_S = 90;

async function startServer(url: string, port: number) {
  const env = { DATABASE_URL: url, SEED_DEMO: "false", AUTH_SECRET: "bench-secret-that-is-only-for-benchmarks", AUTH_URL: `http://127.0.0.1:${port}`, METRICS_TOKEN, LOG_LEVEL: "warn" };
  try {
    const { origin, child } = await startProductionServer({ port, env, stdio: "inherit-errors", timeoutMs: 60_000 });
    return { origin, pid: child.pid, stop: () => child.kill("SIGTERM") };
  } catch {
    throw new Error("the production server did not become healthy (did you run `npm run build`?)");
  }
}

async function createSources(ctx: BaseContext) {
  for (const old of await ctx.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, ORG_NAME))) await deleteOrganisation(ctx.db, old.id);
  // Earlier runs' rows are dead tuples now; PostgreSQL on this machine runs without autovacuum
  // (CI's setting), so without this every run would scan more of them than the one before.
  await ctx.db.execute(sql`vacuum analyze`);
  const [org] = await ctx.db.insert(organisations).values({ name: ORG_NAME }).returning();
  const secret = () => randomBytes(24).toString("base64url");
  const [shop] = await ctx.db.insert(sources).values({ orgId: org.id, kind: "shop", name: "bench shop", webhookSecret: secret() }).returning();
  const [amo] = await ctx.db.insert(sources).values({ orgId: org.id, kind: "amocrm", name: "bench amo", baseUrl: "https://example.amocrm.ru", webhookSecret: secret(), settings: { currency: "KZT" }, crmAccountId: "29638927", crmAccountDomain: "example" }).returning();
  return { orgId: org.id, shop, amo };
}

type Made = { url: string; body: string; headers: Record<string, string> };

/** 60 % shop orders (a third of them updates of earlier ones), 40 % amoCRM lead updates and moves. */
function makeRequest(origin: string, s: Awaited<ReturnType<typeof createSources>>, n: number): Made {
  if (n % 5 < 3) {
    const id = n % 3 === 0 && n > 10 ? n - 7 : n;
    const body = shopBody(n % 3 === 0 ? "order.updated" : "order.created", {
      id: `B-${id}`,
      status: n % 4 === 0 ? "new" : "completed",
      createdAt: new Date(Date.now() - (n % 400) * 86_400_000).toISOString(),
      updatedAt: new Date().toISOString(),
      total: String(1000 + (n % 97) * 250),
      customer: { name: `Покупатель ${n % 5000}`, phone: `+7701${String(1_000_000 + (n % 5000)).slice(1)}`, email: `buyer${n % 5000}@mail.kz` },
    });
    return { url: inboundWebhookUrl(origin, s.shop, "shown"), body, headers: { "content-type": "application/json", "x-voronka-signature": shopSignature(s.shop.webhookSecret, body) } };
  }
  const now = Math.floor(Date.now() / 1000);
  const status = ["41893093", "41893094", "41893095", "142"][n % 4];
  const lead = amoLead({ id: String(30_000_000 + (n % 3000)), statusId: status, oldStatusId: "41893093", pipelineId: "4542166", price: String(10_000 + (n % 50) * 1000), createdAt: now - 86_400, updatedAt: now, utm: { source: "yandex", medium: "cpc" } });
  const body = amoBody({ id: "29638927", subdomain: "example" }, { leads: { [n % 2 ? "status" : "update"]: [lead] } });
  return { url: inboundWebhookUrl(origin, s.amo, "shown"), body, headers: { "content-type": "application/x-www-form-urlencoded" } };
}

/** Like a real sender's client: a bounded pool of keep-alive connections. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(request: Made): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(request.url, { method: "POST", agent, headers: { ...request.headers, "content-length": Buffer.byteLength(request.body) } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(request.body);
  });
}

/** Open loop: requests start on schedule whether or not earlier ones have been answered. */
async function runRate(origin: string, s: Awaited<ReturnType<typeof createSources>>, rate: number, counter: { n: number }, seconds = SECONDS_PER_RATE) {
  const latencies: number[] = [];
  let failed = 0;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  const total = rate * seconds;
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const request = makeRequest(origin, s, counter.n++);
    const sent = performance.now();
    inFlight.push(
      post(request).then(
        (status) => {
          if (status === 200) latencies.push(performance.now() - sent);
          else failed++;
        },
        () => {
          failed++;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  const elapsedS = (performance.now() - started) / 1000;
  return { summary: summarize(`ack @ ${rate}/s`, latencies), acked: latencies.length, failed, ackedPerSecond: latencies.length / elapsedS };
}

export const ingestWorkload: Workload = {
  name: "ingest",
  description: "webhooks (shop + amoCRM) at rising rates against the production server on PostgreSQL: acks/s, ack p99, inbox drain time per rate",
  needsDataset: false,
  async run(ctx) {
    const s = await createSources(ctx);
    const server = await startServer(ctx.url, await freePort());
    const counter = { n: 0 };
    const depth = async () =>
      (await ctx.db.select({ n: sql<number>`count(*)::int` }).from(webhookEvents).where(and(eq(webhookEvents.orgId, s.orgId), inArray(webhookEvents.status, ["pending", "failed"]))))[0].n;
    /** Polls until the inbox is empty; seconds it took, or null after `limitS`. */
    const drained = async (limitS: number) => {
      const started = Date.now();
      while ((await depth()) > 0) {
        if (Date.now() - started > limitS * 1000) return null;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return (Date.now() - started) / 1000;
    };
    const results: { rate: number; ackedPerSecond: number; p99: number; drainS: number | null }[] = [];
    try {
      await runRate(server.origin, s, WARMUP.rate, counter, WARMUP.seconds);
      await drained(30);
      for (const rate of RATES) {
        const [cpu, mainCpu, pgCpu, ownCpu] = [cpuMs(server.pid), cpuMs(server.pid, server.pid), postgresCpuMs(), process.cpuUsage()];
        const serverBefore = await serverAckBuckets(server.origin, METRICS_TOKEN);
        const result = await runRate(server.origin, s, rate, counter);
        const serverP99 = serverP99Bound(serverBefore, await serverAckBuckets(server.origin, METRICS_TOKEN));
        const perRequest = (before: number | null, after: number | null) => (before === null || after === null ? "?" : ((after - before) / (rate * SECONDS_PER_RATE)).toFixed(2));
        const own = process.cpuUsage(ownCpu);
        const cpuNote =
          `CPU per request: server ${perRequest(cpu, cpuMs(server.pid))} ms (main thread ${perRequest(mainCpu, cpuMs(server.pid, server.pid))}), ` +
          `PostgreSQL ${perRequest(pgCpu, postgresCpuMs())} ms, load generator ${perRequest(0, (own.user + own.system) / 1000)} ms`;
        const { p50, p95, p99 } = result.summary;
        ctx.log(
          `rate ${rate}/s: ${result.acked} acknowledged (${result.ackedPerSecond.toFixed(0)}/s), ${result.failed} not; ack latency p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (in the server: p99 ${serverP99}); ${cpuNote}; load ${loadavg()[0].toFixed(2)}`,
        );
        // Each rate's backlog is drained before the next rate starts, so each figure is that rate's own.
        const left = await depth();
        const drainS = await drained(DRAIN_LIMIT_S);
        ctx.log(
          `  load stopped with ${left} events in the inbox; ${drainS !== null ? `drained ${drainS.toFixed(1)} s later` : `${await depth()} still there after ${DRAIN_LIMIT_S} s`}`,
        );
        results.push({ rate, ackedPerSecond: result.ackedPerSecond, p99, drainS });
        if (drainS === null) break;
      }
      const byStatus = await ctx.db.select({ status: webhookEvents.status, n: sql<number>`count(*)::int` }).from(webhookEvents).where(eq(webhookEvents.orgId, s.orgId)).groupBy(webhookEvents.status);
      ctx.log(`events by status: ${byStatus.map((r) => `${r.status} ${r.n}`).join(", ")}`);
      const met = results.filter(
        (r) => r.rate >= TARGET.acksPerSecond && r.ackedPerSecond >= TARGET.acksPerSecond * 0.98 && r.p99 <= TARGET.p99Ms && r.drainS !== null && r.drainS <= TARGET.drainSeconds,
      );
      ctx.log(
        `target (≥ ${TARGET.acksPerSecond} acks/s at p99 ≤ ${TARGET.p99Ms} ms, inbox empty within ${TARGET.drainSeconds} s of the load stopping): ${met.length > 0 ? `met at ${met.map((r) => `${r.rate}/s`).join(", ")}` : "not met"}`,
      );
    } finally {
      server.stop();
      agent.destroy();
    }
  },
};
