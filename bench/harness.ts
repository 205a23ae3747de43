// What a workload gets to run with, and the measuring: per-iteration latency and peak RSS growth.
import { and, eq, inArray } from "drizzle-orm";
import { crmUsers, users } from "../db/schema";
import type { Db } from "../db/types";
import { summarize, type Summary } from "./stats";

export type BenchUser = { id: string; email: string; role: "admin" | "director" | "manager"; departmentId: string | null; crmUserIds: string[] };

export type MeasureOptions = {
  iterations?: number;
  /** Untimed runs first, to warm caches and plans. */
  warmup?: number;
  /** Rows one iteration handles, for rows/s; a function is called once after the timed runs. */
  rows?: number | (() => Promise<number>);
};

export type BaseContext = {
  /** The benchmark database. */
  db: Db;
  url: string;
  /** The scale asked for (--deals). */
  deals: number;
  measure: (label: string, fn: () => Promise<unknown>, options?: MeasureOptions) => Promise<Summary>;
  /** Adds latencies timed elsewhere (in a browser, say) to the printed results. */
  record: (summary: Summary) => void;
  log: (message: string) => void;
};

/** With the demo dataset of `deals` deals in `db`. */
export type BenchContext = BaseContext & { orgId: string; users: { admin: BenchUser; directors: BenchUser[]; managers: BenchUser[] } };

export type Workload =
  | { name: string; description: string; needsDataset?: true; run: (ctx: BenchContext) => Promise<void> }
  /** Workloads that build their own data, e.g. timing the seed itself. */
  | { name: string; description: string; needsDataset: false; run: (ctx: BaseContext) => Promise<void>; /** What the summary names its size by, when it is not --deals (orders imported). */ scale?: (deals: number) => string };

/** A workload that touches no database at all (the analysers' accuracy on the labelled set). */
export type StandaloneWorkload = { name: string; description: string; isStandalone: true; run: (ctx: { log: (message: string) => void }) => Promise<void> };

export async function loadUsers(db: Db, orgId: string): Promise<BenchContext["users"]> {
  const rows = await db.select().from(users).where(eq(users.orgId, orgId));
  const links = rows.length
    ? await db.select({ id: crmUsers.id, userId: crmUsers.userId }).from(crmUsers).where(and(eq(crmUsers.orgId, orgId), inArray(crmUsers.userId, rows.map((u) => u.id))))
    : [];
  const all = rows
    .map((u): BenchUser => ({ id: u.id, email: u.email, role: u.role, departmentId: u.departmentId, crmUserIds: links.filter((l) => l.userId === u.id).map((l) => l.id) }))
    .sort((a, b) => a.email.localeCompare(b.email, "en", { numeric: true }));
  const admin = all.find((u) => u.role === "admin");
  if (!admin) throw new Error(`organisation ${orgId} has no admin`);
  return { admin, directors: all.filter((u) => u.role === "director"), managers: all.filter((u) => u.role === "manager") };
}

export function createMeasure(results: Summary[]): BenchContext["measure"] {
  return async (label, fn, options = {}) => {
    const { iterations = 20, warmup = 1 } = options;
    for (let i = 0; i < warmup; i++) await fn();
    const latencies: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const started = performance.now();
      await fn();
      latencies.push(performance.now() - started);
    }
    const rows = typeof options.rows === "function" ? await options.rows() : options.rows;
    const summary = summarize(label, latencies, rows);
    results.push(summary);
    return summary;
  };
}

/** Samples the resident set size every 50 ms; `stop()` returns the peak growth over the start in MB. */
export function sampleRss(): { stop: () => number } {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      return (peak - baseline) / 1024 / 1024;
    },
  };
}
