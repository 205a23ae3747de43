// What this process does (VORONKA_ROLE, docs/deploy.md). `web` answers HTTP and acknowledges
// webhooks and leaves the rest to worker processes, which hear of new work through a PostgreSQL
// notification (./signal.ts) and also look for it on a timer; `worker` and `all` do the work.
import { env } from "@/lib/env";

export type ProcessRole = "web" | "worker" | "all";

export function processRole(): ProcessRole {
  return env.VORONKA_ROLE;
}

/** True on a web instance: inbox drains and "Sync now" runs are handed to the workers. */
export function handsWorkToWorkers(role: ProcessRole = processRole()): boolean {
  return role === "web";
}
