// What the ingest workload reads besides the sender's own timings: CPU time of the server, its
// threads and PostgreSQL from /proc (Linux), and the server's acknowledgement histogram from
// /api/metrics.
import { readdirSync, readFileSync } from "node:fs";

/** CPU milliseconds a process (or one of its threads) has used so far; null where /proc is missing. */
export function cpuMs(pid: number | undefined, thread?: number): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(thread ? `/proc/${pid}/task/${thread}/stat` : `/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 10 ms ticks
  } catch {
    return null;
  }
}

/**
 * CPU milliseconds of every PostgreSQL process (pooled backends live through a rate); with
 * `database`, only the backends connected to it (the server is shared with other databases); null
 * where /proc is missing.
 */
export function postgresCpuMs(database?: string): number | null {
  try {
    let total = 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (!stat.includes("(postgres)")) continue;
      if (database && !readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(` ${database} `)) continue;
      const fields = stat.split(") ")[1].split(" ");
      total += (Number(fields[11]) + Number(fields[12])) * 10;
    }
    return total;
  } catch {
    return null;
  }
}

/** The server's acknowledgement-latency histogram (all kinds summed): upper bound in seconds → count so far. */
export async function serverAckBuckets(origin: string, token: string): Promise<Map<number, number>> {
  const text = await (await fetch(`${origin}/api/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
  const buckets = new Map<number, number>();
  for (const [, labels, count] of text.matchAll(/^voronka_webhook_ack_latency_seconds_bucket\{([^}]*)\} (\d+)$/gm)) {
    const bound = /le="([^"]+)"/.exec(labels)?.[1];
    if (!bound) continue;
    const le = bound === "+Inf" ? Infinity : Number(bound);
    buckets.set(le, (buckets.get(le) ?? 0) + Number(count));
  }
  return buckets;
}

/** The smallest bucket bound that holds 99 % of the acknowledgements between two readings, in ms. */
export function serverP99Bound(before: Map<number, number>, after: Map<number, number>): string {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const total = (after.get(Infinity) ?? 0) - (before.get(Infinity) ?? 0);
  if (total === 0) return "?";
  const bound = bounds.find((le) => (after.get(le) ?? 0) - (before.get(le) ?? 0) >= total * 0.99) ?? Infinity;
  return bound === Infinity ? "> 2 s" : `≤ ${bound * 1000} ms`;
}
