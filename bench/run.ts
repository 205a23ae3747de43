// `npm run bench -- <workload> [--deals N]`: runs one workload against PostgreSQL (never PGlite: it
// blocks the event loop on big data) at BENCH_DATABASE_URL and prints latency percentiles,
// throughput and peak RSS growth. With no workload it lists them.
import { parseArgs } from "node:util";
import { describeError, parsePositiveInt, UsageError } from "../scripts/cli";
import { databaseName, DEFAULT_BENCH_URL, ensureDataset, openBenchDatabase } from "./database";
import { createMeasure, loadUsers, sampleRss, type BaseContext } from "./harness";
import { formatHeader, formatSummary, type Summary } from "./stats";
import { WORKLOADS } from "./workloads";

const DEFAULT_DEALS = 100_000;
const USAGE = "usage: npm run bench -- <workload> [--deals N]   (BENCH_DATABASE_URL, default " + DEFAULT_BENCH_URL + ")";

function listWorkloads(): void {
  console.log(USAGE);
  console.log("\nworkloads:");
  const width = Math.max(...WORKLOADS.map((w) => w.name.length));
  for (const w of WORKLOADS) console.log(`  ${w.name.padEnd(width)}  ${w.description}`);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { deals: { type: "string" }, help: { type: "boolean", short: "h" } } });
  const [name] = positionals;
  if (!name || values.help) return listWorkloads();
  const workload = WORKLOADS.find((w) => w.name === name);
  if (!workload) throw new UsageError(`unknown workload "${name}" (try: ${WORKLOADS.map((w) => w.name).join(", ")})`);
  const deals = values.deals === undefined ? DEFAULT_DEALS : parsePositiveInt(values.deals, "--deals");

  const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_URL;
  const started = Date.now();
  const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
  if ("isStandalone" in workload) return workload.run({ log });
  log(`database ${databaseName(url)} on ${new URL(url).host}`);
  const bench = await openBenchDatabase(url);
  try {
    const results: Summary[] = [];
    const base: BaseContext = { db: bench.db, url, deals, measure: createMeasure(results), record: (summary) => results.push(summary), log };
    let rssGrowthMb: number;
    const scale = "scale" in workload && workload.scale ? workload.scale(deals) : `${deals.toLocaleString("en")} deals`;
    log(`running ${workload.name} at ${scale}`);
    if (workload.needsDataset !== false) {
      const orgId = await ensureDataset(bench.db, deals, log);
      const users = await loadUsers(bench.db, orgId);
      const rss = sampleRss(); // the dataset is ready: measure the workload alone
      await workload.run({ ...base, orgId, users });
      rssGrowthMb = rss.stop();
    } else {
      const rss = sampleRss();
      await workload.run(base);
      rssGrowthMb = rss.stop();
    }
    const width = Math.max(20, ...results.map((r) => r.label.length));
    console.log(`\n${workload.name} — ${scale}`);
    console.log(formatHeader(width));
    for (const summary of results) console.log(formatSummary(summary, width));
    console.log(`peak RSS growth: ${rssGrowthMb >= 0 ? "+" : ""}${rssGrowthMb.toFixed(1)} MB`);
  } finally {
    await bench.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${describeError(error)}`);
  if (error instanceof UsageError) console.error(USAGE);
  process.exitCode = 1;
});
